from . import srm_land_payment_wizard
from . import srm_land_geojson_import_wizard
