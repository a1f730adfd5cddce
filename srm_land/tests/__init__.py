from . import test_parcel
from . import test_census
from . import test_agreement
from . import test_access
from . import test_engagement
from . import test_demo
from . import test_ui
from . import test_translations
