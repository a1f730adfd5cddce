from . import test_stakeholder
from . import test_engagement
from . import test_mail_gateway
from . import test_access
from . import test_confidential_notifications
from . import test_import
from . import test_performance
from . import test_ui
