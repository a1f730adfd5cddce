# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models

from ..tools.links import export_rows_hiding, unreadable_link_ids


class SrmLinkMaskMixin(models.AbstractModel):
    """Names of linked records the reader may not read read "Restricted".

    Odoo shows the name of a record a many2one links (read as superuser) to whoever may
    read the record linking it. A record shared with the team may link one that stays
    confidential or belongs to another project (a commitment made at a confidential
    meeting, an agreement signed there, the holder of a shared parcel): the name of such
    a linked SRM record or stakeholder reads "Restricted" to whoever may not read it, on
    every read (forms, lists, RPC read and search_read, grouping).
    """

    _name = "srm.link.mask.mixin"
    _description = "SRM record showing only the names of linked records its reader may read"

    @api.model
    def _srm_masked_link_field(self, fname):
        """Whether the names of the records linked by many2one ``fname`` are checked: links
        to SRM records (confidential, of a project), to stakeholders, and to models whose
        records some readers may not read (``_srm_mask_links``: emerging themes, land
        payments)."""
        field = self._fields.get(fname)
        if field is None or field.type != "many2one":
            return False
        comodel = self.env[field.comodel_name]
        return (
            comodel._name == "res.partner"
            or isinstance(comodel, self.env.registry["srm.secured.mixin"])
            or getattr(comodel, "_srm_mask_links", False)
        )

    @api.model
    def _srm_hidden_link_ids(self, fname, ids):
        """The ids among ``ids`` of records linked by ``fname`` the current user may not read."""
        return unreadable_link_ids(self, fname, ids)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if load != "_classic_read" or self.env.su:
            return result
        for fname in fnames:
            if not self._srm_masked_link_field(fname):
                continue
            hidden = self._srm_hidden_link_ids(fname, [vals[fname][0] for vals in result if vals.get(fname)])
            for vals in result:
                if vals.get(fname) and vals[fname][0] in hidden:
                    vals[fname] = (vals[fname][0], self.env._("Restricted"))
        return result

    def web_read(self, specification):
        result = super().web_read(specification)
        if self.env.su:
            return result
        for fname, spec in specification.items():
            if not self._srm_masked_link_field(fname) or "display_name" not in (spec.get("fields") or {}):
                continue
            linked = [vals[fname] for vals in result if isinstance(vals.get(fname), dict)]
            hidden = self._srm_hidden_link_ids(fname, [value.get("id") for value in linked])
            for value in linked:
                if value.get("id") in hidden:
                    value["display_name"] = self.env._("Restricted")
        return result

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        """Exports agree with reads: every column read through a link to a record the user
        may not read says "Restricted" (Odoo refuses the whole export on such a link).
        Links further down a path (a linked record's own links) are Odoo's to check."""
        if not _is_toplevel_call or self.env.su or not self:
            return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        masked = {path[0] for path in fields if path and self._srm_masked_link_field(path[0])}
        hidden_by_field = {}
        for fname in masked:
            hidden = self._srm_hidden_link_ids(fname, self.mapped(fname).ids)
            if hidden:
                hidden_by_field[fname] = hidden
        if not hidden_by_field:
            return super()._export_rows(fields, _is_toplevel_call=True)

        return export_rows_hiding(
            self,
            fields,
            hidden_by_field,
            self.env._("Restricted"),
            lambda records, paths: super()._export_rows(paths, _is_toplevel_call=True),
        )

    def _track_filter_for_display(self, tracking_values):
        """Tracked changes of a link to a record the reader may not read are not shown (the
        chatter would show the names Odoo wrote when the link changed; notification emails
        are filtered for each recipient, ``_notify_get_classified_recipients_iterator``)."""
        parent = getattr(super(), "_track_filter_for_display", None)
        tracking_values = parent(tracking_values) if parent else tracking_values
        if self.env.su:
            return tracking_values
        hidden = set()
        for fname in set(tracking_values.field_id.mapped("name")):
            if self._srm_masked_link_field(fname):
                values = tracking_values.filtered(lambda t, fname=fname: t.field_id.name == fname)
                ids = set(values.mapped("old_value_integer")) | set(values.mapped("new_value_integer"))
                hidden |= {(fname, rid) for rid in self._srm_hidden_link_ids(fname, ids - {0})}
        return tracking_values.filtered(
            lambda t: (
                (t.field_id.name, t.old_value_integer) not in hidden
                and (t.field_id.name, t.new_value_integer) not in hidden
            )
        )

    def _notify_get_classified_recipients_iterator(self, message, recipients_data, msg_vals=False, **kwargs):
        """Odoo writes a notification email once for all the recipients of a group and
        language, with the tracked changes its author may read: each recipient gets those
        they may read themselves, as their chatter shows them (the readers of a group are
        split by what they may read only when the message tracks a link checked here)."""
        users = {data["id"]: data.get("uid") for data in recipients_data}
        groups = super()._notify_get_classified_recipients_iterator(
            message, recipients_data, msg_vals=msg_vals, **kwargs
        )
        for lang, render_values, group in groups:
            if not render_values.get("tracking_values") or len(self) != 1:
                yield lang, render_values, group
                continue
            record = self.with_context(lang=lang)
            for values, recipients in record._srm_tracking_by_reader(message, render_values, group, users):
                yield lang, values, dict(group, recipients=recipients)

    def _srm_tracking_by_reader(self, message, render_values, group, users):
        """(rendering values, partner ids) for the recipients ``group["recipients"]``,
        grouped by the tracked changes of ``message`` each may read (``users``: the user
        of each recipient partner; a partner without one reads what a public user may)."""
        # superuser: the tracked values of a message its author just posted, filtered
        # below by what each recipient may read, as Odoo's rendering does for the author
        tracking = (
            self.env["mail.tracking.value"]
            .sudo()
            .search([("mail_message_id", "in", message.ids)])
            ._filter_has_field_access(self.env)
        )
        if not any(self._srm_masked_link_field(field.name) for field in tracking.field_id):
            return [(render_values, group["recipients"])]
        shown = self._track_filter_for_display(tracking)
        public = self.env.ref("base.public_user")
        by_user = defaultdict(list)
        for partner_id in group["recipients"]:
            by_user[users.get(partner_id) or public.id].append(partner_id)
        by_rows = defaultdict(list)
        # superuser: the companies each recipient works in, to read as they would
        readers = self.env["res.users"].sudo().browse(list(by_user))
        for reader in readers:
            record = self.with_user(reader).with_context(allowed_company_ids=reader.company_ids.ids)
            by_rows[record._track_filter_for_display(shown)].extend(by_user[reader.id])
        result = []
        for rows, partner_ids in by_rows.items():
            values = render_values
            if rows != shown:
                values = dict(
                    render_values,
                    tracking_values=[
                        (fmt["changedField"], fmt["oldValue"]["value"], fmt["newValue"]["value"])
                        for fmt in rows._tracking_value_format()
                    ],
                )
            result.append((values, partner_ids))
        return result

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        result = super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        if self.env.su:
            return result
        for spec in [groupby] if isinstance(groupby, str) else groupby or []:
            fname = spec.split(":")[0]
            if not self._srm_masked_link_field(fname):
                continue
            hidden = self._srm_hidden_link_ids(
                fname, [group[fname][0] for group in result if isinstance(group.get(fname), tuple)]
            )
            for group in result:
                value = group.get(fname)
                if isinstance(value, tuple) and value[0] in hidden:
                    group[fname] = (value[0], self.env._("Restricted"))
        return result
