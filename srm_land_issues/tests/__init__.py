from . import test_land_issues
