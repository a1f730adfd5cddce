from . import srm_commitment
from . import srm_issue
