from . import res_users
from . import res_config_settings
