from . import test_srm_issue_commitment
from . import test_link_search
