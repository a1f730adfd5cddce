from . import srm_issue
