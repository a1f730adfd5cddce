from . import srm_consultation_invite_wizard
from . import srm_consultation_interview_wizard
