from . import test_srm_issue_commitment
