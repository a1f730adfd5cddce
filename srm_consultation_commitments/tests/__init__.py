from . import test_srm_consultation_commitments
