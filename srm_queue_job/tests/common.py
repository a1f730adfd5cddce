# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""queue_job's test helpers, importable on every Odoo 18.0."""

from odoo.tests import common as odoo_test_common

if not hasattr(odoo_test_common, "SETATTR_SOURCES"):
    # queue_job's test helpers register the file that patches model methods with the check of
    # patched methods that recent Odoo 18.0 builds run in tests (SETATTR_SOURCES); earlier 18.0
    # builds have no such check, hence nothing to register with
    odoo_test_common.SETATTR_SOURCES = {}

from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: E402  pylint: disable=wrong-import-position

__all__ = ["trap_jobs"]
