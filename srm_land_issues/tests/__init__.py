from . import test_land_issues
from . import test_link_search
