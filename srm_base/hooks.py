# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column


def pre_init_hook(env):
    """Give the existing contacts their power/interest quadrant and salience in SQL.

    Existing contacts get the default scores (3 of 5 everywhere), hence the quadrant
    "monitor" and no salience. Creating the two stored columns here, already filled,
    spares the ORM from recomputing and rewriting every contact at install: on a
    database with a million contacts that is minutes instead of hours, and their
    last-modified dates stay what they were.
    """
    cr = env.cr
    for column, value in (("srm_quadrant", "monitor"), ("srm_salience", "none")):
        if not column_exists(cr, "res_partner", column):
            create_column(cr, "res_partner", column, "varchar")
            cr.execute(SQL("UPDATE res_partner SET %s = %s", SQL.identifier(column), value))
