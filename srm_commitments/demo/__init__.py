from . import srm_commitment_demo_data
