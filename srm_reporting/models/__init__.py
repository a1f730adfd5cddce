from . import srm_report_builder
from . import srm_report_log
from . import srm_dashboard
from . import srm_project
from . import res_partner
from . import srm_engagement
from . import py3o_report
from . import srm_issue
