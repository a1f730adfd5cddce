from . import srm_issue_deadline_wizard
