from . import srm_consultation
