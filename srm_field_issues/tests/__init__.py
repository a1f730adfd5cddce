from . import test_field_grievance_sync
from . import test_field_app_grievance_offline
