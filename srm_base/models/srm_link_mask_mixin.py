# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


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
        ids = {rid for rid in ids if isinstance(rid, int)}
        if not ids or self.env.su:
            return set()
        comodel = self.env[self._fields[fname].comodel_name].with_context(active_test=False)
        return ids - set(comodel.browse(ids)._filtered_access("read").ids)

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

    def _track_filter_for_display(self, tracking_values):
        """Tracked changes of a link to a record the reader may not read are not shown (the
        chatter would show the names Odoo wrote when the link changed). Notification
        emails are written once for all their recipients: they are not filtered."""
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
