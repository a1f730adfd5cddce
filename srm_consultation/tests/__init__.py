from . import test_srm_consultation
from . import test_srm_consultation_report
from . import test_srm_consultation_tour
from . import test_srm_consultation_project_restriction
from . import test_link_search
from . import test_srm_consultation_owner
