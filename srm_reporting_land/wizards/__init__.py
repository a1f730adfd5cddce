from . import srm_report_wizard
