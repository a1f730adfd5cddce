from . import srm_field_capture_mixin
from . import srm_engagement
from . import srm_field_sync
