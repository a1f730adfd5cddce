from . import srm_land_payment_wizard
