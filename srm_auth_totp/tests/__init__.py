from . import test_srm_auth_totp
