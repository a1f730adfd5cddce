from . import test_recurrence
from . import test_commitment
from . import test_follow_up
from . import test_follow_up_batches
from . import test_access
from . import test_ui
from . import test_project_restriction
from . import test_list_queries
