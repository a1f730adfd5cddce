from . import test_land_issues_map
