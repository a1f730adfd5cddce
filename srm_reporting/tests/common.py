# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import json
import zipfile

from lxml import etree, html

from odoo import Command
from odoo.tests.common import TransactionCase, new_test_user
from odoo.tools import file_open

PERIOD = {"date_from": "2026-01-01", "date_to": "2026-03-31"}
ODF_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


class SrmReportingCommon(TransactionCase):
    """A project with four engagements in the first quarter of 2026 (one of them
    confidential), one before the period, one on another project; users of
    each SRM group. Everything is in UTC so that dates read as written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC", tracking_disable=True))
        cls.env.user.tz = "UTC"
        ref = cls.env.ref

        def user(login, groups):
            return new_test_user(cls.env, login=login, groups=groups, tz="UTC", name=login.replace("_", " ").title())

        cls.manager = user("srm_rep_manager", "srm_base.group_srm_manager")
        cls.srm_user = user("srm_rep_user", "srm_base.group_srm_user")
        cls.restricted = user("srm_rep_restricted", "srm_base.group_srm_restricted")
        cls.auditor = user("srm_rep_auditor", "srm_base.group_srm_auditor")

        cls.project = cls.env["srm.project"].create(
            {
                "name": "Copper Ridge",
                "code": "CR",
                "user_id": cls.manager.id,
                "member_ids": [Command.link(cls.restricted.id)],
            }
        )
        cls.project_other = cls.env["srm.project"].create(
            {"name": "Lake View", "code": "LV", "user_id": cls.manager.id}
        )
        cls.type_community = ref("srm_base.srm_stakeholder_type_community")
        cls.type_government = ref("srm_base.srm_stakeholder_type_government")
        cls.type_ngo = ref("srm_base.srm_stakeholder_type_ngo")
        cls.segment_water = cls.env["srm.segment"].create({"name": "Water users", "kind": "interest"})
        cls.topic_dust = cls.env["srm.topic"].create({"name": "Dust (report test)"})
        cls.topic_water = cls.env["srm.topic"].create({"name": "Water (report test)"})

        Partner = cls.env["res.partner"]
        cls.alice = Partner.create(
            {
                "name": "Alice Farmer", "is_stakeholder": True, "stakeholder_type_id": cls.type_community.id,
                "srm_segment_ids": [Command.link(cls.segment_water.id)], "srm_influence": 5, "srm_interest": 5,
                "ref": "STK-A", "email": "alice@example.com",
            }
        )  # fmt: skip
        cls.bob = Partner.create(
            {"name": "Bob Mayor", "is_stakeholder": True, "stakeholder_type_id": cls.type_government.id,
             "srm_influence": 4, "srm_interest": 2}
        )  # fmt: skip
        cls.carol = Partner.create(
            {"name": "Carol Green", "is_stakeholder": True, "stakeholder_type_id": cls.type_ngo.id,
             "srm_influence": 2, "srm_interest": 5}
        )  # fmt: skip
        cls.dave = Partner.create(
            {"name": "Dave Lakeside", "is_stakeholder": True, "stakeholder_type_id": cls.type_community.id}
        )

        Engagement = cls.env["srm.engagement"]

        def engagement(name, etype, date, partners, project=None, **vals):
            return Engagement.create(
                dict(
                    {
                        "name": name,
                        "engagement_type_id": ref(f"srm_base.srm_engagement_type_{etype}").id,
                        "date": date,
                        "partner_ids": [Command.set(partners.ids)],
                        "project_id": (project or cls.project).id,
                    },
                    **vals,
                )
            )

        cls.e1 = engagement(
            "Village meeting on dust", "meeting", "2026-01-15 10:00:00", cls.alice | cls.bob,
            topic_ids=[Command.set(cls.topic_dust.ids)], sentiment="1", duration=1.5,
            summary="Dust on the crops near the haul road.", outcome="Water trucks twice a day.",
        )  # fmt: skip
        cls.e2 = engagement(
            "Call about the well", "call", "2026-01-20 14:00:00", cls.alice,
            topic_ids=[Command.set(cls.topic_water.ids)], sentiment="-1", duration=0.5,
            summary="The well level dropped.",
        )  # fmt: skip
        cls.e3 = engagement(
            "SECRET land negotiation", "email", "2026-02-05 09:00:00", cls.carol,
            topic_ids=[Command.set(cls.topic_dust.ids)], sentiment="2", is_confidential=True,
            summary="Confidential offer.", outcome="Offer accepted.",
        )  # fmt: skip
        cls.e4 = engagement(
            "Site visit with the mayor", "site_visit", "2026-02-25 16:00:00", cls.bob, sentiment="0", duration=2.0
        )
        cls.e_before = engagement("Old meeting", "meeting", "2025-12-20 10:00:00", cls.alice)
        cls.e_other = engagement("Lake meeting", "meeting", "2026-03-10 10:00:00", cls.dave, project=cls.project_other)

        cls._create_issues()
        cls._create_commitments()

    @classmethod
    def _create_commitments(cls):
        """Commitments of the project: one fulfilled on time, two overdue (one of them
        confidential), one overdue from before the period; one fulfilled before the
        period, one on the other project."""
        ref = cls.env.ref
        # historical commitments are recorded as an import would (due dates in the past)
        Commitment = cls.env["srm.commitment"].with_context(import_file=True, srm_commitment_no_assign_activity=True)

        def commitment(name, category, due, partners, project=None, **vals):
            return Commitment.create(
                dict(
                    {
                        "name": name,
                        "category_id": ref(f"srm_commitments.srm_commitment_category_{category}").id,
                        "date_due": due,
                        "partner_ids": [Command.set(partners.ids)],
                        "project_id": (project or cls.project).id,
                        "user_id": cls.manager.id,
                        "state": "open",
                    },
                    **vals,
                )
            )

        cls.c1 = commitment(
            "Water trucks twice a day", "environmental", "2026-01-31", cls.alice, engagement_id=cls.e1.id,
            evidence_note="<p>Trucks log book signed by the village chief.</p>",
        )  # fmt: skip
        cls.c1.write({"state": "fulfilled", "date_fulfilled": "2026-01-28", "progress": 100})
        cls.c2 = commitment("New well for the village", "community_investment", "2026-02-15", cls.alice, progress=40)
        cls.c3 = commitment(
            "SECRET compensation payment", "compensation", "2026-03-20", cls.carol,
            visibility="confidential", state="in_progress",
        )  # fmt: skip
        cls.c4 = commitment("Quarterly water report", "regulatory", "2025-12-15", cls.bob)
        cls.c5 = commitment("Old promise kept", "information", "2025-11-30", cls.bob, evidence_note="<p>Done.</p>")
        cls.c5.write({"state": "fulfilled", "date_fulfilled": "2025-11-29"})
        cls.c_other = commitment("Lake clean-up", "environmental", "2026-02-01", cls.dave, project=cls.project_other)

    @classmethod
    def _create_issues(cls):
        """Three grievances on the project in the period: one handled on time and
        closed, one acknowledged late and still open, one confidential and never
        acknowledged; one on the other project, one before the period."""
        ref = cls.env.ref
        Issue = cls.env["srm.issue"].with_context(mail_create_nosubscribe=True)

        def issue(name, category, severity, received, partners, project=None, **vals):
            return Issue.create(
                dict(
                    {
                        "name": name,
                        "category_id": ref(f"srm_issues.srm_issue_category_{category}").id,
                        "severity": severity,
                        "date_received": received,
                        "partner_ids": [Command.set(partners.ids)],
                        "project_id": (project or cls.project).id,
                        "channel": "in_person",
                    },
                    **vals,
                )
            )

        cls.g1 = issue(
            "Dust on the washing", "dust", "3", "2026-01-12 08:00:00", cls.alice, complainant_id=cls.alice.id,
            description="<p>Dust covers the laundry.</p>",
        )  # fmt: skip
        cls.g1.write(
            {
                "date_acknowledged": "2026-01-12 10:00:00",
                "date_investigated": "2026-01-15 10:00:00",
                "date_resolved": "2026-01-20 08:00:00",
                "date_closed": "2026-01-22 08:00:00",
                "resolution": "<p>Road watering increased.</p>",
            }
        )
        cls.g1.write({"stage_id": ref("srm_issues.srm_issue_stage_closed").id, "outcome": "resolved_accepted"})
        cls.g2 = issue("Well dried up", "water", "1", "2026-01-26 08:00:00", cls.alice)
        cls.g2.write({"date_acknowledged": "2026-03-01 08:00:00"})
        cls.g3 = issue("SECRET compensation claim", "land", "2", "2026-02-16 08:00:00", cls.carol, is_confidential=True)
        cls.g_other = issue("Lake noise", "noise", "2", "2026-02-01 08:00:00", cls.dave, project=cls.project_other)
        cls.g_before = issue("Old complaint", "dust", "2", "2025-12-01 08:00:00", cls.alice)

    # ------------------------------------------------------------------

    def filters(self, kind, **extra):
        return {**PERIOD, "kind": kind, "project_ids": self.project.ids, **extra}

    def generate(self, kind, fmt, user=None, template=None, **extra):
        Log = self.env["srm.report.log"]
        if user:
            Log = Log.with_user(user)
        return Log._generate(self.filters(kind, **extra), fmt, py3o_template=template)

    @staticmethod
    def content(log):
        return log.sudo().attachment_id.raw

    @staticmethod
    def html_tree(content):
        return html.fromstring(content)

    @staticmethod
    def section_rows(tree, key):
        """Text of the body rows of a section of an HTML report, one list per row."""
        rows = tree.xpath(f"//div[@data-section='{key}']//tbody/tr")
        return [[" ".join(cell.text_content().split()) for cell in row.xpath("./td|./th")] for row in rows]

    @staticmethod
    def odt_text(content):
        """Paragraph texts of an ODT file (content.xml)."""
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            root = etree.fromstring(archive.read("content.xml"))
        return ["".join(p.itertext()) for p in root.iter(f"{{{ODF_TEXT_NS}}}p")]

    @staticmethod
    def log_filters(log):
        return json.loads(log.sudo().filters_json)


def standard_template(kind):
    """Bytes of the ODT template shipped for a report kind."""
    with file_open(f"srm_reporting/report/templates/{kind}.odt", "rb") as handle:
        return handle.read()


# the title paragraph of the standard templates
TITLE = b'<text:p text:style-name="P_Title">'


def with_paragraph(text):
    """A change of a template's content.xml (``rezip_odt``): a paragraph of ``text``
    before the title, what an organisation's own template could add."""
    return lambda xml: xml.replace(TITLE, b'<text:p text:style-name="P_Body">' + text + b"</text:p>" + TITLE, 1)


def rezip_odt(data, change):
    """A copy of an ODT file whose content.xml went through ``change``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "content.xml":
                content = change(content)
            target.writestr(info, content)
    return out.getvalue()
