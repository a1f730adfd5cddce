from . import test_report_xlsx
from . import test_report_documents
from . import test_report_audit
from . import test_report_bad_input
from . import test_dashboard
from . import test_monthly_report
from . import test_report_actions
from . import test_ui
