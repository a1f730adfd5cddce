from . import srm_consultation_theme
