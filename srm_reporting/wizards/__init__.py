from . import srm_report_wizard
from . import srm_report_verify_wizard
