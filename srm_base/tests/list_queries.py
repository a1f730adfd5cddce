# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Queries of a list page, as the web client opens it, for the modules' tests."""

from .test_performance import view_specification


class ListQueriesMixin:
    """``_list_queries``: the number of SQL queries of one page of a list view read as a
    user (``web_search_read`` with the fields of the view and the page's count), after a
    first read has warmed the caches a running server keeps (views, rules, translations)."""

    def _list_queries(self, model_name, view_xmlid, domain, user, limit=80):
        Model = self.env[model_name].with_user(user)
        view = self.env.ref(view_xmlid)
        arch = Model.get_views([(view.id, "list")])["views"]["list"]["arch"]
        spec = view_specification(Model, arch)

        def page():
            return Model.web_search_read(domain, spec, limit=limit, count_limit=10001)

        page()
        self.env.flush_all()
        self.env.invalidate_all()
        page()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = page()
        return self.env.cr.sql_log_count - before, result
