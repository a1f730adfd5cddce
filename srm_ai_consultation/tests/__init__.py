from . import test_srm_ai_consultation
