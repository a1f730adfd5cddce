from . import srm_geo_mixin
from . import srm_geo_point_mixin
from . import res_partner
from . import srm_engagement
from . import res_config_settings
