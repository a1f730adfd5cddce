# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The stakeholder form's and the calendar event form's extensions follow the view
naming convention (``<model>_view_<type>``): the views keep their records."""

from odoo.addons.srm_base.upgrade import rename_xmlids


def migrate(cr, version):
    rename_xmlids(
        cr,
        "srm_base",
        {"view_partner_form": "res_partner_view_form", "view_calendar_event_form": "calendar_event_view_form"},
    )
