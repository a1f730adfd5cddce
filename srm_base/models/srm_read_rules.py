# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict


class ReadRulesChecked:
    """The records that queries applying the read rules of one user selected during one
    read of a list (``srm.engagement.web_search_read``) or of a stakeholder's form
    (``res.partner.web_read``: the lines of its lists).

    The ORM checks the access of the records it reads a second time, in Python
    (``_check_access``), whenever their fields are already in memory: the engagements
    of a page, selected by the search under the record rules, and the 150 stakeholders
    they name, selected under the stakeholders' rules with the page's links. Those
    second checks cost a page more than the queries that selected the records. The
    records those queries returned are noted here, and ``_check_access`` does not check
    them again for reading (the access rights of the model still are), nor does
    ``srm.link.search.mixin._srm_refetch_unreadable_links`` before showing links to them.

    Read restrictions of the suite belong in record rules (``ir.rule``): a ``_check_access``
    of a model inherited further down than these shortcuts would not run for the records
    they spare.

    An instance lives in the context of that one read only: no context given over RPC
    can hold one (JSON has no such object), and it is taken into account only for the
    user, companies and context whose rules selected the records, never as superuser.
    """

    __slots__ = ("key", "ids")

    CONTEXT_KEY = "srm_read_rules_checked"

    def __init__(self, env):
        self.key = self.env_key(env)
        self.ids = defaultdict(set)

    @staticmethod
    def env_key(env):
        """Who the rules were applied for: the user, their companies and the context
        values the rules depend on (``ir.rule._compute_domain_keys``), none as superuser
        (no rule applies)."""
        if env.su:
            return None
        return (env.uid, tuple(env.companies.ids), tuple(env["ir.rule"]._compute_domain_context_values()))

    @classmethod
    def of(cls, env):
        """The instance in the context of ``env`` if it applies to its user, else None."""
        checked = env.context.get(cls.CONTEXT_KEY)
        if isinstance(checked, cls) and checked.key is not None and checked.key == cls.env_key(env):
            return checked
        return None

    @classmethod
    def with_checked(cls, records):
        """``records`` with an instance in their context (the one already there, if any)."""
        if records.env.su or cls.of(records.env):
            return records
        return records.with_context(**{cls.CONTEXT_KEY: cls(records.env)})

    @classmethod
    def add(cls, records):
        """Note ``records``: a query applying the read rules of their environment's user
        and companies selected them just now."""
        checked = cls.of(records.env)
        if checked is not None:
            checked.ids[records._name].update(id_ for id_ in records._ids if isinstance(id_, int))

    @classmethod
    def covers(cls, records):
        """Whether all ``records`` were noted for their environment's user and companies."""
        checked = cls.of(records.env)
        if checked is None or not records._ids:
            return False
        noted = checked.ids.get(records._name)
        return bool(noted) and noted.issuperset(records._ids)
