from . import test_srm_issue_sla
from . import test_srm_issue_flow
from . import test_srm_issue_confidentiality
from . import test_srm_issue_access
from . import test_srm_issue_mail_gateway
from . import test_srm_issue_public
from . import test_srm_issue_portal
from . import test_srm_issue_tour
