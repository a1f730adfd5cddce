# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user


@contextlib.contextmanager
def recording_embeddings():
    """The texts given to the engine to embed while the block runs (the engine still
    embeds them). A long text is listed once: the pieces it is read in (see
    ``embeddings.pieces``) are the engine's own call, not another text."""
    from ..engine import embeddings

    embedded = []
    original = embeddings.embed
    depth = [0]

    def recording(texts, *args, **kwargs):
        if not depth[0]:
            embedded.extend(texts)
        depth[0] += 1
        try:
            return original(texts, *args, **kwargs)
        finally:
            depth[0] -= 1

    with patch.object(embeddings, "embed", side_effect=recording):
        yield embedded


class SrmAiCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.company = cls.env.company
        # the lexicon engine (always there); tests that need embeddings switch them on
        cls.company.write({"srm_ai_provider_enabled": False, "srm_ai_use_embeddings": False})
        cls.manager = new_test_user(
            cls.env, login="srm_ai_manager", name="Maria Manager", groups="srm_base.group_srm_manager"
        )
        cls.user = new_test_user(cls.env, login="srm_ai_user", name="Umar User", groups="srm_base.group_srm_user")
        cls.auditor = new_test_user(
            cls.env, login="srm_ai_auditor", name="Ada Auditor", groups="srm_base.group_srm_auditor"
        )
        cls.project = cls.env["srm.project"].create({"name": "Lakeside Mine", "code": "LKM"})
        Partner = cls.env["res.partner"]
        cls.village = Partner.create(
            {
                "name": "Riverside Village Council",
                "is_company": True,
                "is_stakeholder": True,
                "srm_influence": 5,
                "srm_interest": 5,
                "user_id": cls.user.id,
                "email": "council@riverside.example",
            }
        )
        cls.farmer = Partner.create(
            {
                "name": "Jean Dupont",
                "is_stakeholder": True,
                "srm_influence": 2,
                "srm_interest": 4,
                "email": "jean.dupont@example.org",
                "phone": "+33 6 12 34 56 78",
                "user_id": cls.user.id,
            }
        )
        cls.meeting_type = cls.env.ref("srm_base.srm_engagement_type_meeting")

    @classmethod
    def _overdue_commitment(cls, name, partners, days_late=10):
        """A commitment recorded earlier and now overdue (the nightly job flags it)."""
        from freezegun import freeze_time

        today = fields.Date.today()
        with freeze_time(today - relativedelta(days=days_late + 10)):
            commitment = cls.env["srm.commitment"].create(
                {
                    "name": name,
                    "partner_ids": [Command.set(partners.ids)],
                    "date_due": today - relativedelta(days=days_late),
                }
            )
        commitment.flush_recordset()
        # what the nightly refresh of srm_commitments does for every commitment
        cls.env.cr.execute("UPDATE srm_commitment SET is_overdue = TRUE WHERE id = %s", [commitment.id])
        commitment.invalidate_recordset(["is_overdue"])
        return commitment

    @classmethod
    def _engagement(cls, summary, partners=None, months_ago=0, days_ago=0, name="Meeting", **vals):
        date = fields.Datetime.now() - relativedelta(months=months_ago, days=days_ago)
        return cls.env["srm.engagement"].create(
            dict(
                {
                    "name": name,
                    "engagement_type_id": cls.meeting_type.id,
                    "date": date,
                    "summary": summary,
                    "partner_ids": [Command.set((partners or cls.village).ids)],
                    "project_id": cls.project.id,
                },
                **vals,
            )
        )

    @classmethod
    def _issue(cls, name, description, partners=None, days_ago=0, **vals):
        return cls.env["srm.issue"].create(
            dict(
                {
                    "name": name,
                    "description": f"<p>{description}</p>",
                    "partner_ids": [Command.set((partners or cls.village).ids)],
                    "date_received": fields.Datetime.now() - relativedelta(days=days_ago),
                    "project_id": cls.project.id,
                },
                **vals,
            )
        )
