from . import test_land_issues_map
from . import test_ui
