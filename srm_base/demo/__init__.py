from . import srm_demo_data
