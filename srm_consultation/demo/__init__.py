from . import srm_consultation_demo_data
