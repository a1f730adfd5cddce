# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SrmReportingCommon


class SrmReportScopeCommon(SrmReportingCommon):
    """A user with Confidential access (and no other privilege than a user's) produces the
    reports; a plain user and an auditor try to read them from the archive."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential_user = new_test_user(
            cls.env,
            login="srm_rep_scope_conf",
            groups="srm_base.group_srm_user,srm_base.group_srm_confidential",
            tz="UTC",
            name="Srm Rep Scope Conf",
        )

    def produce(self, kind, exclude=False, user=None, **extra):
        wizard = (
            self.env["srm.report.wizard"]
            .with_user(user or self.confidential_user)
            .create(
                {
                    "report_kind": kind,
                    "output_format": "xlsx",
                    "date_from": extra.pop("date_from", "2026-01-01"),
                    "date_to": extra.pop("date_to", "2026-03-31"),
                    "project_ids": [(6, 0, self.project.ids)],
                    "exclude_confidential": exclude,
                    **extra,
                }
            )
        )
        return wizard._generate_log()

    def book(self, log):
        return openpyxl.load_workbook(io.BytesIO(self.content(log)))

    @staticmethod
    def sheet_rows(book, name):
        return [list(row) for row in book[name].iter_rows(values_only=True)]

    def cover(self, book):
        return {row[0]: row[1] for row in self.sheet_rows(book, "Report")[1:]}

    def assertFiledConfidential(self, log):
        self.assertTrue(log.sudo().contains_confidential)
        for user in (self.srm_user, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                log.with_user(user).read(["name"])
            with self.subTest(user=user.login, path="file"), self.assertRaises(AccessError):
                log.sudo().attachment_id.with_user(user).read(["raw"])

    def assertFiledShared(self, log):
        self.assertFalse(log.sudo().contains_confidential)
        for user in (self.srm_user, self.auditor):
            with self.subTest(user=user.login):
                self.assertTrue(log.with_user(user).read(["name"]))
                self.assertTrue(log.sudo().attachment_id.with_user(user).read(["raw"])[0]["raw"])


@tagged("post_install", "-at_install")
class TestStakeholderRegisterConfidentiality(SrmReportScopeCommon):
    """The register counts the engagements of each stakeholder in the period: those
    counts include the confidential engagements its author may read."""

    def engagements_per_stakeholder(self, book):
        header, *rows = self.sheet_rows(book, "Stakeholders")
        column = header.index("Engagements in period")
        return {row[header.index("Stakeholder")]: row[column] for row in rows}

    def test_register_counting_confidential_engagements_is_confidential(self):
        log = self.produce("stakeholder_register")
        book = self.book(log)
        # Carol was met only at the confidential negotiation: the register tells it
        self.assertEqual(self.engagements_per_stakeholder(book)["Carol Green"], 1)
        self.assertEqual(self.cover(book)["Engagements in period"], 4)
        self.assertFiledConfidential(log)

    def test_register_leaving_confidential_records_out_is_shared(self):
        log = self.produce("stakeholder_register", exclude=True)
        book = self.book(log)
        self.assertEqual(self.engagements_per_stakeholder(book)["Carol Green"], 0)
        self.assertEqual(self.cover(book)["Engagements in period"], 3)
        self.assertFiledShared(log)


@tagged("post_install", "-at_install")
class TestMonthlySummaryConfidentiality(SrmReportScopeCommon):
    """A project of its own whose January 2026 holds one engagement, not confidential;
    each test adds one confidential record that only a part of the summary shows or
    counts: a follow-up listed, a commitment or a grievance counted in the key figures."""

    JANUARY = {"date_from": "2026-01-01", "date_to": "2026-01-31"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet = cls.env["srm.project"].create({"name": "Quiet Hill", "code": "QH", "user_id": cls.manager.id})
        cls.env["srm.engagement"].create(
            {
                "name": "Open day at the quarry",
                "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_meeting").id,
                "date": "2026-01-10 10:00:00",
                "partner_ids": [(6, 0, cls.alice.ids)],
                "project_id": cls.quiet.id,
            }
        )

    def summary(self, exclude=False):
        return self.produce("monthly_summary", exclude=exclude, project_ids=[(6, 0, self.quiet.ids)], **self.JANUARY)

    def figures(self, log):
        return {row[0]: row[1] for row in self.sheet_rows(self.book(log), "Key figures")[1:]}

    def test_summary_without_confidential_record_is_shared(self):
        log = self.summary()
        self.assertEqual(self.figures(log)["Engagements"], 1)
        self.assertFiledShared(log)

    def test_confidential_follow_up_listed(self):
        self.env["srm.engagement"].create(
            {
                "name": "SECRET talks with the union",
                "engagement_type_id": self.env.ref("srm_base.srm_engagement_type_meeting").id,
                "date": "2025-10-01 10:00:00",
                "partner_ids": [(6, 0, self.bob.ids)],
                "project_id": self.quiet.id,
                "is_confidential": True,
                "follow_up_needed": True,
                "follow_up_date": "2026-01-20",
            }
        )
        log = self.summary()
        follow_ups = [row[1] for row in self.sheet_rows(self.book(log), "Follow-ups due")[1:]]
        self.assertEqual(follow_ups, ["SECRET talks with the union"])
        self.assertFiledConfidential(log)
        self.assertFiledShared(self.summary(exclude=True))

    def test_confidential_commitment_counted(self):
        commitment = (
            self.env["srm.commitment"]
            .with_context(import_file=True, srm_commitment_no_assign_activity=True)
            .create(
                {
                    "name": "SECRET resettlement allowance",
                    "date_due": "2026-01-25",
                    "partner_ids": [(6, 0, self.carol.ids)],
                    "project_id": self.quiet.id,
                    "user_id": self.manager.id,
                    "visibility": "confidential",
                    "state": "open",
                    "evidence_note": "<p>Receipt signed by the family.</p>",
                }
            )
        )
        commitment.write({"state": "fulfilled", "date_fulfilled": "2026-01-24", "progress": 100})
        log = self.summary()
        figures = self.figures(log)
        self.assertEqual(figures["Commitments due in the period"], 1)
        self.assertEqual(figures["Commitments overdue today"], 0)
        self.assertFiledConfidential(log)
        self.assertFiledShared(self.summary(exclude=True))

    def test_confidential_grievance_counted(self):
        issue = (
            self.env["srm.issue"]
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "name": "SECRET claim about the burial ground",
                    "category_id": self.env.ref("srm_issues.srm_issue_category_land").id,
                    "severity": "2",
                    "date_received": "2026-01-12 08:00:00",
                    "partner_ids": [(6, 0, self.carol.ids)],
                    "project_id": self.quiet.id,
                    "channel": "in_person",
                    "is_confidential": True,
                }
            )
        )
        issue.write({"date_acknowledged": "2026-01-12 10:00:00", "date_resolved": "2026-01-20 08:00:00"})
        issue.write({"stage_id": self.env.ref("srm_issues.srm_issue_stage_closed").id, "outcome": "resolved_accepted"})
        log = self.summary()
        figures = self.figures(log)
        self.assertEqual(figures["Grievances received"], 1)
        self.assertEqual(figures["Grievances open today"], 0)
        self.assertFiledConfidential(log)
        self.assertFiledShared(self.summary(exclude=True))


@tagged("post_install", "-at_install")
class TestReportBaseDomains(SrmReportScopeCommon):
    """Whatever its sections counted, a report that read confidential records (for its
    figures, or for the records its rows name) is filed for Confidential access, unless its
    author left them out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet = cls.env["srm.project"].create({"name": "Quiet Hill", "code": "QH", "user_id": cls.manager.id})
        cls.secret_meeting = cls.env["srm.engagement"].create(
            {
                "name": "SECRET meeting with the landowners",
                "engagement_type_id": cls.env.ref("srm_base.srm_engagement_type_meeting").id,
                "date": "2025-12-01 10:00:00",
                "partner_ids": [(6, 0, cls.carol.ids)],
                "project_id": cls.quiet.id,
                "is_confidential": True,
            }
        )
        cls.promise = (
            cls.env["srm.commitment"]
            .with_context(import_file=True, srm_commitment_no_assign_activity=True)
            .create(
                {
                    "name": "Fence along the access road",
                    "date_due": "2026-02-10",
                    "partner_ids": [(6, 0, cls.carol.ids)],
                    "project_id": cls.quiet.id,
                    "user_id": cls.manager.id,
                    "engagement_id": cls.secret_meeting.id,
                    "state": "open",
                }
            )
        )

    def test_commitment_made_at_a_confidential_meeting(self):
        """The register names the meeting each commitment was made at: a commitment that is
        not confidential, made at a confidential meeting, makes the register confidential."""
        log = self.produce("commitment_register", project_ids=[(6, 0, self.quiet.ids)])
        header, *rows = self.sheet_rows(self.book(log), "Commitments")
        self.assertEqual(
            [(row[header.index("Commitment")], row[header.index("Made during")]) for row in rows[:-1]],
            [("Fence along the access road", "SECRET meeting with the landowners")],
        )
        self.assertFiledConfidential(log)
        # the same register, once the meeting is no longer confidential, is shared
        self.secret_meeting.is_confidential = False
        self.assertFiledShared(self.produce("commitment_register", project_ids=[(6, 0, self.quiet.ids)]))

    def test_commitment_made_at_a_confidential_meeting_left_out(self):
        """Leaving confidential records out, the register names the confidential meeting as
        "Restricted", as it does for a user without Confidential access: it is shared, and
        says in every format what that user's register says."""
        quiet = [(6, 0, self.quiet.ids)]
        log = self.produce("commitment_register", exclude=True, project_ids=quiet)
        self.assertFiledShared(log)
        book = self.book(log)
        header, *rows = self.sheet_rows(book, "Commitments")
        self.assertEqual(
            [(row[header.index("Commitment")], row[header.index("Made during")]) for row in rows[:-1]],
            [("Fence along the access road", "Restricted")],
        )
        cells = [cell for sheet in book.sheetnames for row in self.sheet_rows(book, sheet) for cell in row]
        self.assertFalse([cell for cell in cells if isinstance(cell, str) and "SECRET" in cell])
        plain = self.book(self.produce("commitment_register", user=self.srm_user, project_ids=quiet))
        for sheet in book.sheetnames[1:]:
            with self.subTest(sheet=sheet):
                self.assertEqual(self.sheet_rows(book, sheet), self.sheet_rows(plain, sheet))
        for output in ("pdf", "odt"):
            with self.subTest(output=output):
                document = self.produce("commitment_register", exclude=True, project_ids=quiet, output_format=output)
                content = self.content(document)
                text = " ".join(
                    self.html_tree(content).text_content().split() if output == "pdf" else self.odt_text(content)
                )
                self.assertIn("Fence along the access road", text)
                self.assertNotIn("SECRET", text)
                self.assertFiledShared(document)

    def test_each_kind_lists_the_records_it_reads(self):
        """Every installed report kind says which records it reads: the framework's default
        (every record of the report's projects with a confidentiality) is only a safety net."""
        Builder = self.env["srm.report.builder"]
        default = type(Builder)._report_base_domains
        kinds = [name for name in self.env.registry if name.startswith("srm.report.kind.")]
        self.assertGreaterEqual(len(kinds), 7)
        for name in kinds:
            with self.subTest(kind=name):
                self.assertIsNot(type(self.env[name])._report_base_domains, default)

    def test_default_base_domains_cover_every_confidential_model(self):
        """A kind that does not list what it reads is confidential as soon as its projects
        hold any confidential record."""
        domains = dict(self.env["srm.report.builder"]._report_base_domains({"project_ids": self.quiet.ids}))
        for model in ("srm.engagement", "srm.commitment", "srm.issue"):
            self.assertEqual(domains[model], [("project_id", "in", self.quiet.ids)])
        Builder = self.env["srm.report.builder"].with_user(self.confidential_user)
        self.assertTrue(Builder._report_reads_confidential({"project_ids": self.quiet.ids}))
        self.assertFalse(Builder._report_reads_confidential({"project_ids": self.project_other.ids}))
        # nor for a user who may not read confidential records
        self.assertFalse(Builder.with_user(self.srm_user)._report_reads_confidential({"project_ids": self.quiet.ids}))
