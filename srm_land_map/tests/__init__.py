from . import test_land_map
from . import test_ui
