from . import srm_issue
from . import srm_field_sync
