from . import test_srm_geolocation
from . import test_srm_map_access
from . import test_srm_map_ui
