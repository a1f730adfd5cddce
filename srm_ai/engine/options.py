# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Switches for optional packages (useful to check the degraded modes)."""
import os


def optional_disabled(name):
    """True when ``SRM_AI_DISABLE_OPTIONAL`` is ``1``/``all`` or lists ``name``
    (comma-separated: vader, jieba, sklearn, embeddings)."""
    value = os.environ.get("SRM_AI_DISABLE_OPTIONAL", "").lower()
    return value in ("1", "all", "true") or name in value.split(",")
