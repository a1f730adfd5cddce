# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models
from odoo.exceptions import ValidationError
from odoo.tools import plaintext2html

from odoo.addons.srm_field.models.srm_field_payload import FieldPayload


class SrmFieldSync(models.AbstractModel):
    """Grievances heard in person, registered in the field app.

    The grievance is received when it was heard, not when the phone could send it:
    its service-level clock (acknowledgement, investigation and resolution due dates)
    starts then. The complainant is named only with their consent, recorded with the
    grievance; otherwise the grievance is anonymous.
    """

    _inherit = "srm.field.sync"

    @api.model
    def _srm_field_kinds(self):
        kinds = super()._srm_field_kinds()
        kinds["grievance"] = {
            "model": "srm.issue",
            "create": "_srm_field_grievance_create",
            # a grievance is followed in Odoo once received: the app does not edit it
            "update": None,
            "snapshot": None,
        }
        return kinds

    @api.model
    def _srm_field_features(self):
        features = super()._srm_field_features()
        Issue = self.env["srm.issue"]
        features["grievance"] = {
            "kinds": [
                {"id": key, "name": label} for key, label in Issue._fields["kind"]._description_selection(self.env)
            ],
            "categories": [
                {"id": category.id, "name": category.name} for category in self.env["srm.issue.category"].search([])
            ],
        }
        return features

    @api.model
    def _srm_field_complainant(self, payload, project):
        """The complainant: a contact the user may read, or a person met in the field
        (registered as a stakeholder of the project)."""
        label = payload.label("complainant_id")
        entry = payload.values.get("complainant")
        if not isinstance(entry, dict) or not (entry.get("id") or entry.get("new")):
            raise ValidationError(self.env._("Choose the complainant, or register the grievance as anonymous."))
        if entry.get("id"):
            return FieldPayload(self.env, "res.partner", entry).record("id", "res.partner", label, required=True)
        return self._srm_field_new_partner(payload, entry.get("new"), project, label)

    @api.model
    def _srm_field_grievance_create(self, payload, capture):
        project = self._srm_field_project(payload)
        anonymous = payload.boolean("is_anonymous", payload.label("is_anonymous"))
        consent = payload.boolean("consent", payload.label("srm_field_consent"))
        sensitive = payload.boolean("is_sensitive", payload.label("is_sensitive"))
        category = payload.record("category_id", "srm.issue.category", payload.label("category_id"))
        concerned = payload.records(
            "partner_ids", "res.partner", payload.label("partner_ids"), domain=[("is_stakeholder", "=", True)]
        )
        values = {
            "name": payload.text("name", payload.label("name"), required=True),
            "description": plaintext2html(
                payload.text("description", payload.label("description"), required=True, limit=20000)
            ),
            "kind": payload.choice("kind", "kind", default="grievance"),
            "category_id": category.id,
            # the service-level clock starts when the grievance was heard
            "date_received": payload.datetime("date_received", payload.label("date_received")),
            "location": payload.text("location", payload.label("location")) or False,
            "channel": "in_person",
            "project_id": project.id,
            "company_id": project.company_id.id,
            "partner_ids": [Command.set(concerned.ids)],
            "is_anonymous": anonymous,
            "srm_field_consent": consent and not anonymous,
        }
        if not anonymous:
            if not consent:
                raise ValidationError(
                    self.env._(
                        "Record that the complainant agrees that their identity and contact details are "
                        "recorded, or register the grievance as anonymous."
                    )
                )
            values["complainant_id"] = self._srm_field_complainant(payload, project).id
        values.update(capture)
        # a sensitive grievance's complainant does not join the project (srm_issues), though
        # the protection is set once the complainant is recorded
        issue = (
            self.env["srm.issue"].with_context(srm_issue_no_complainant_link=sensitive and not anonymous).create(values)
        )
        if sensitive and not anonymous:
            # as on the issue form: the complainant is recorded, then their identity protected
            # (only Confidential access users see it from then on)
            issue.is_sensitive = True
        self._srm_field_photos(issue, payload)
        return issue

    @api.model
    def _srm_field_strings(self):
        strings = super()._srm_field_strings()
        strings.update(
            {
                "tab_grievance": self.env._("Grievance"),
                "kind_grievance": self.env._("Grievance"),
                "register_grievance": self.env._("Register a grievance"),
                "grievance_intro": self.env._(
                    "A concern or grievance heard in person: it is received at the date and time it was heard."
                ),
                "grievance_subject": self.env._("What is it about?"),
                "grievance_subject_placeholder": self.env._("e.g. Dust from the haul road over the school"),
                "kind": self.env._("Kind"),
                "category": self.env._("Category"),
                "none": self.env._("None"),
                "heard_on": self.env._("Heard on"),
                "heard_on_help": self.env._("When you heard it: the response deadlines start then."),
                "description": self.env._("What happened"),
                "description_placeholder": self.env._(
                    "What happened, where, when, who is affected, what the complainant asks for…"
                ),
                "complainant": self.env._("Complainant"),
                "anonymous_label": self.env._("Anonymous: the complainant does not give their identity"),
                "identified_label": self.env._("The complainant gives their identity"),
                "choose_identity": self.env._("Say whether the complainant gives their identity."),
                "choose_complainant": self.env._("Choose the complainant, or add them."),
                "consent_label": self.env._(
                    "The complainant agrees that their identity and contact details are recorded to handle "
                    "the grievance and to answer them."
                ),
                "consent_needed": self.env._("Without the complainant's consent, register the grievance as anonymous."),
                "sensitive_label": self.env._(
                    "Sensitive: protect the complainant's identity (only people with confidential access see it)"
                ),
                "concerned": self.env._("Stakeholders concerned"),
                "concerned_help": self.env._("Villages, households, organisations affected."),
            }
        )
        return strings
