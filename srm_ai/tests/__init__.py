# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_engine
from . import test_engine_quality
from . import test_embedding_backlog
from . import test_embedding_backends
from . import test_backlog_failures
from . import test_sentiment
from . import test_themes_similar
from . import test_briefing_health
from . import test_brief_words
from . import test_recommendations
from . import test_provider
from . import test_access
from . import test_confidentiality
from . import test_links
from . import test_project_restriction
from . import test_scoped_figures
from . import test_stakeholder_form
from . import test_ui
from . import test_insights_refresh
from . import test_message_model_batch
from . import test_link_search
