from . import srm_report_document
from . import srm_report_xlsx
