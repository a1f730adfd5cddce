from . import srm_land_demo_data
