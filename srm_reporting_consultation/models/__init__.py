from . import srm_report_builder
