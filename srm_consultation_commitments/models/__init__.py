from . import srm_consultation_theme
from . import srm_consent_condition
from . import srm_consent_record
