from . import test_ai_job
from . import test_cron_batch_job
from . import test_report_job
from . import test_import_job
from . import test_job_found_dead
