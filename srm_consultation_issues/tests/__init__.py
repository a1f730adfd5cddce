from . import test_srm_consultation_issues
from . import test_follow_up_links
