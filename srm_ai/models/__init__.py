# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import res_config_settings
from . import srm_ai_call_log
from . import srm_ai_service
from . import srm_ai_sentiment_mixin
from . import srm_engagement
from . import srm_issue
from . import srm_ai_message_score
from . import mail_message
from . import srm_ai_sentiment_snapshot
from . import res_partner
from . import srm_secured_mixin
from . import srm_ai_theme
from . import srm_ai_similar
from . import srm_ai_recommendation_rule
from . import srm_ai_recommendation
