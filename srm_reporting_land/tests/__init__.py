from . import test_land_reports
from . import test_land_report_access
from . import test_land_report_formats
from . import test_land_report_print
from . import test_land_report_confidential_scope
from . import test_land_report_leave_out
from . import test_land_report_links
