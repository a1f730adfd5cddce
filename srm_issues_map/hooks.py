# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.srm_map.hooks import remove_map_view_mode

ISSUE_ACTIONS = [
    "srm_issues.srm_issue_action",
    "srm_issues.srm_issue_action_all",
    "srm_issues.srm_issue_action_worker",
]


def uninstall_hook(env):
    """The issue actions keep their views without the map of this module."""
    remove_map_view_mode(env, ISSUE_ACTIONS)
