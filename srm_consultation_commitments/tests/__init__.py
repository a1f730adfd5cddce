from . import test_srm_consultation_commitments
from . import test_follow_up_links
