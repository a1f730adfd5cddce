from . import srm_report_builder
from . import srm_report_kind_land_status
from . import srm_report_kind_land_compensation
from . import srm_report_kind_land_agreements
from . import srm_report_kind_land_households
from . import srm_report_kind_land_grievances
from . import srm_report_kind_land_resettlement_progress
from . import srm_report_log
