from . import test_field_sync
from . import test_field_routes
from . import test_field_app_offline
