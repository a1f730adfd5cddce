# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile
from datetime import datetime, timedelta

from lxml import etree

from odoo import Command

from odoo.addons.srm_land.tests.common import LandCase, square

ODF_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


class LandReportCase(LandCase):
    """Two projects' land: three parcels (one confidential), three census households, three
    agreements (two signed, with payments made, due and overdue, and a promise in kind; one
    in negotiation) and grievances about the parcels."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Household = cls.env["srm.land.household"].with_user(cls.officer)

        def right(partner):
            return [Command.create({"partner_id": partner.id, "right_type": "owner", "share": 100})]

        cls.pa = cls._parcel(
            "RPT-A",
            state="negotiating",
            locality="Upper valley",
            geojson=square(-70.6, -30.8),
            right_ids=right(cls.ines),
        )
        cls.pb = cls._parcel("RPT-B", state="agreed", is_confidential=False, right_ids=right(cls.tomas))
        cls.pc = cls._parcel(
            "RPT-C", state="surveyed", project_id=cls.other_project.id, is_confidential=False, right_ids=right(cls.rosa)
        )
        cls.h1 = Household.create(
            {"project_id": cls.project.id, "head_partner_id": cls.ines.id, "parcel_ids": [Command.set(cls.pa.ids)],
             "size": 4, "displacement": "physical", "is_vulnerable": True}
        )  # fmt: skip
        cls.h2 = Household.create(
            {"project_id": cls.project.id, "head_partner_id": cls.tomas.id, "parcel_ids": [Command.set(cls.pb.ids)],
             "size": 3, "displacement": "economic", "is_confidential": False}
        )  # fmt: skip
        cls.h3 = Household.create(
            {"project_id": cls.other_project.id, "head_partner_id": cls.rosa.id,
             "parcel_ids": [Command.set(cls.pc.ids)], "size": 2, "is_confidential": False}
        )  # fmt: skip
        signed_on = cls.today - timedelta(days=60)
        cls.ag1 = cls._agreement(
            name="Compensation of the Paredes household",
            household_id=cls.h1.id,
            parcel_ids=[Command.set(cls.pa.ids)],
            date_signed=signed_on,
            lines=[
                ("payment", "On signature", 5000.0, -60),
                ("payment", "Balance", 3000.0, -30),
                ("in_kind", "Replacement house of 60 m2", 20000.0, 30),
            ],
        )
        cls.ag2 = cls._agreement(
            name="Purchase of RPT-B",
            partner_id=cls.tomas.id,
            household_id=cls.h2.id,
            parcel_ids=[Command.set(cls.pb.ids)],
            agreement_type="purchase",
            is_confidential=False,
            date_signed=cls.today - timedelta(days=10),
            lines=[("payment", "Full price", 2000.0, -10)],
        )
        cls.ag3 = cls._agreement(
            name="Lease of RPT-C",
            project_id=cls.other_project.id,
            partner_id=cls.rosa.id,
            household_id=cls.h3.id,
            parcel_ids=[Command.set(cls.pc.ids)],
            agreement_type="lease",
            is_confidential=False,
            lines=[("payment", "First rent", 1500.0, 10)],
        )
        (cls.ag1 | cls.ag2).action_sign()
        cls.ag3.action_negotiate()
        for line in cls.ag1.line_ids.filtered(lambda line: line.name == "On signature") | cls.ag2.line_ids:
            cls.env["srm.land.payment.wizard"].with_user(cls.officer).with_context(default_line_id=line.id).create(
                {"payment_reference": f"TRF-{line.id}", "date_done": line.date_due}
            ).action_confirm()

        Issue = cls.env["srm.issue"]

        def issue(name, parcels, project=None, **values):
            return Issue.create(
                {
                    "name": name,
                    "project_id": (project or cls.project).id,
                    "date_received": datetime.combine(cls.today - timedelta(days=5), datetime.min.time()),
                    "land_parcel_ids": [Command.set(parcels.ids)],
                    **values,
                }
            )

        cls.i1 = issue("Fence of RPT-A left open", cls.pa)
        cls.i2 = issue("Dust on RPT-A and RPT-B", cls.pa | cls.pb)
        cls.i3 = issue("Rent of RPT-C late", cls.pc, project=cls.other_project)
        cls.contractor = cls.env["res.users"].create(
            {
                "name": "Cora Contractor",
                "login": "land_report_contractor",
                "groups_id": [
                    Command.set(
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref("srm_base.group_srm_restricted").id,
                            cls.env.ref("srm_base.group_srm_confidential").id,
                        ]
                    )
                ],
                "srm_project_ids": [Command.set(cls.project.ids)],
            }
        )

    def filters(self, kind, **filters):
        """The report's filters: the two projects of the test unless told (the database may
        hold other land, such as the demo's)."""
        return {"kind": kind, "project_ids": (self.project | self.other_project).ids, **filters}

    def build(self, kind, user=None, **filters):
        """The report of ``kind`` as ``user`` (the land officer by default)."""
        builder = self.env["srm.report.builder"].with_user(user or self.officer)
        return builder._build(self.filters(kind, **filters))

    @staticmethod
    def rows(report, key):
        section = report["section"][key]
        return [list(row) for row in (section["rows"]() if callable(section["rows"]) else section["rows"])]

    @staticmethod
    def column_keys(report, key):
        return [col["key"] for col in report["section"][key]["columns"]]

    def by_first(self, report, key):
        """{first cell: {column key: value}} of a section."""
        keys = self.column_keys(report, key)
        return {row[0]: dict(zip(keys, row, strict=True)) for row in self.rows(report, key)}

    def generate(self, kind, fmt, user=None, **filters):
        return self.env["srm.report.log"].with_user(user or self.officer)._generate(self.filters(kind, **filters), fmt)

    @staticmethod
    def content(log):
        return log.sudo().attachment_id.raw

    @staticmethod
    def odt_text(content):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            root = etree.fromstring(archive.read("content.xml"))
        return ["".join(p.itertext()) for p in root.iter(f"{{{ODF_TEXT_NS}}}p")]
