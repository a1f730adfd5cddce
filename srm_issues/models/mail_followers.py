# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from odoo.addons.srm_base.models.mail_followers import _searched_models


class MailFollowers(models.Model):
    """Followers from outside the organisation of a sensitive or anonymous issue are
    hidden from users without Confidential access (Odoo lets every employee read
    every follower): in searches (the chatter's list of followers), reads and
    counts, and a follower read by id does not name them. The complainant never follows such an issue (``srm.issue``'s
    ``_message_subscribe``); somebody else from outside may (a representative the
    team invited), and may point at them."""

    _inherit = "mail.followers"

    def _srm_hidden(self):
        """The followers of ``self`` (in sudo) the current user may not know of."""
        Issue = self.env["srm.issue"]
        # sudo: only the followed record and the partner are read, to know what to hide from the user
        followers = self.sudo().filtered(lambda f: f.res_model == "srm.issue")
        if not followers or Issue._srm_sees_protected_people():
            return self.browse().sudo()
        protected_ids = Issue._srm_protected_issue_ids(followers.mapped("res_id"))
        outsiders = Issue._srm_outsiders(followers.partner_id)
        return followers.filtered(lambda f: f.res_id in protected_ids and f.partner_id in outsiders)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if (
            not self.env.su
            # a search of other records' followers (a stakeholder's chatter) has none to hide
            and ((searched := _searched_models(domain)) is None or "srm.issue" in searched)
            and not self.env["srm.issue"]._srm_sees_protected_people()
        ):
            me = self.env.user.partner_id.id
            # sudo: the subquery only selects followers to leave out of the user's search
            hidden = self.sudo()._search(
                [
                    ("res_model", "=", "srm.issue"),
                    ("res_id", "in", self.env["srm.issue"]._srm_protected_issue_query()),
                    ("partner_id.partner_share", "=", True),
                    ("partner_id", "!=", me),
                ]
            )
            domain = expression.AND([[("id", "not in", hidden)], domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _read_format(self, fnames, load="_classic_read"):
        """A follower read by id keeps its partner from outside hidden (searches
        leave it out)."""
        result = super()._read_format(fnames, load=load)
        masked = {"partner_id", "name", "email"}.intersection(fnames)
        if masked:
            hidden = set(self._srm_hidden().ids)
            for vals in result:
                if vals.get("id") in hidden:
                    vals.update(dict.fromkeys(masked, False))
        return result
