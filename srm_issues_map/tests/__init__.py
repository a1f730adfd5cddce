from . import test_srm_issue_map
from . import test_srm_issue_public_map
