# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Consultations and FPIC consent records move from srm_base to srm_consultation.

srm_base 18.0.1.1.0 no longer declares them (nor depends on Survey). Before its
data is loaded, srm_consultation takes over their XML ids (models, fields,
selection values, constraints, views, actions, menus, record rules, access
rights, templates, the scheduled action, the records of its data files and of
the demo data) and the ownership of their tables, and is loaded in the same
upgrade with the bridges installed automatically with it: nothing is deleted
when srm_base stops declaring them (see odoo.addons.srm_base.upgrade).
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError

from odoo.addons.srm_base.upgrade import declared_xmlids, load_in_same_upgrade, move_models, move_xmlids

_logger = logging.getLogger(__name__)

NEW_MODULE = "srm_consultation"
MODELS = (
    "srm.consultation",
    "srm.consultation.segment",
    "srm.consultation.theme",
    "srm.consultation.answer.report",
    "srm.consultation.invite.wizard",
    "srm.consultation.interview.wizard",
    "srm.consultation.interview.line",
    "srm.consent.record",
    "srm.consent.step",
    "srm.consent.condition",
)
# fields srm_consultation adds to the models of other modules
FIELDS = {
    "srm.engagement": ("consultation_id",),
    "survey.survey": ("srm_consultation_ids", "srm_consultation_count"),
    "survey.user_input": (
        "srm_consultation_id",
        "srm_consultation_segment_id",
        "srm_segment_id",
        "srm_channel",
        "srm_is_confidential",
        "srm_answer_date",
        "srm_interviewer_id",
        "srm_engagement_id",
        "srm_last_contact_date",
        "srm_reminder_count",
        "srm_survey_url",
    ),
}
# models srm_base extended for consultations only
EXTENDED = ("survey.survey", "survey.user_input")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    if not env["ir.module.module"].search_count([("name", "=", NEW_MODULE)]):
        raise UserError(
            f"srm_base {version} held the consultations and consent records that {NEW_MODULE} "
            f"holds now: add {NEW_MODULE} to the addons path and run the upgrade again "
            "(upgrading without it would delete them)."
        )
    moved = move_models(env, "srm_base", NEW_MODULE, MODELS, FIELDS, EXTENDED)
    moved += move_xmlids(env, "srm_base", NEW_MODULE, declared_xmlids(NEW_MODULE))
    _logger.info("%s XML ids moved from srm_base to %s", moved, NEW_MODULE)
    load_in_same_upgrade(env, NEW_MODULE, "srm_base")
