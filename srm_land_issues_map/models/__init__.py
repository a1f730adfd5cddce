from . import srm_issue
from . import srm_land_parcel
