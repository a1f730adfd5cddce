from . import srm_land_parcel
