from . import test_srm_consultation_issues
