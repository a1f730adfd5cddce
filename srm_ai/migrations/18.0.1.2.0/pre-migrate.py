# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The stakeholder form's extension follows the view naming convention
(``res_partner_view_form``): the view keeps its record."""

from odoo.addons.srm_base.upgrade import rename_xmlids


def migrate(cr, version):
    rename_xmlids(cr, "srm_ai", {"view_partner_form": "res_partner_view_form"})
