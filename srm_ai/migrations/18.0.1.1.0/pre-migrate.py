# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The analysis of consultation answers moves from srm_ai to srm_ai_consultation.

srm_base's migration to 18.0.1.1.0 has moved the consultations to srm_consultation
and marked srm_ai_consultation, installed automatically with srm_ai and
srm_consultation, to be installed in the same upgrade: it takes over the XML ids
srm_ai had on consultation themes (the tone of a theme, its views), so that the
tone computed for each theme is kept (see odoo.addons.srm_base.upgrade).
"""

import logging

from odoo import SUPERUSER_ID, api

from odoo.addons.srm_base.upgrade import INSTALL_STATES, declared_xmlids, move_models, move_xmlids

_logger = logging.getLogger(__name__)

NEW_MODULE = "srm_ai_consultation"
FIELDS = {"srm.consultation.theme": ("srm_ai_sentiment", "srm_ai_sentiment_label")}
EXTENDED = ("srm.consultation", "srm.consultation.theme")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    bridge = env["ir.module.module"].search([("name", "=", NEW_MODULE)])
    if bridge.state not in INSTALL_STATES:
        # without consultations, what srm_ai had on them goes as usual
        return
    moved = move_models(env, "srm_ai", NEW_MODULE, (), FIELDS, EXTENDED)
    moved += move_xmlids(env, "srm_ai", NEW_MODULE, declared_xmlids(NEW_MODULE))
    _logger.info("%s XML ids moved from srm_ai to %s", moved, NEW_MODULE)
