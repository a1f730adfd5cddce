from . import queue_job
from . import res_config_settings
from . import res_partner
from . import srm_ai_service
from . import srm_commitment
from . import srm_cron_batch
from . import srm_issue
from . import srm_report_log
