from . import srm_consultation
from . import srm_consultation_theme
