# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import Command
from odoo.tests.common import TransactionCase, new_test_user


class SrmIssueCommon:
    """Users of every group, two projects, stakeholders and a working calendar in UTC."""

    @classmethod
    def _srm_calendar(cls, name, tz, company, hours):
        """A Monday-to-Friday working calendar: ``hours`` are the (from, to) of the
        morning and of the afternoon."""
        (morning_from, morning_to), (afternoon_from, afternoon_to) = hours
        periods = ((morning_from, morning_to, "morning"), (afternoon_from, afternoon_to, "afternoon"))
        return cls.env["resource.calendar"].create(
            {
                "name": name,
                "tz": tz,
                "company_id": company.id,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in periods
                ],
            }
        )

    @classmethod
    def _srm_sla(cls, severity, ack, investigation, resolution, **values):
        """A service level: ``ack``, ``investigation`` and ``resolution`` are (delay, unit)."""
        vals = {"severity": severity}
        for deadline, (delay, unit) in (("ack", ack), ("investigation", investigation), ("resolution", resolution)):
            vals[f"{deadline}_delay"] = delay
            vals[f"{deadline}_unit"] = unit
        return cls.env["srm.issue.sla"].create(dict(vals, **values))

    @classmethod
    def _srm_issue_setup(cls):
        env = cls.env
        cls.company = env.company
        cls.calendar = cls._srm_calendar("Site office (UTC)", "UTC", cls.company, ((8, 12), (13, 17)))
        cls.company.resource_calendar_id = cls.calendar
        cls.project_a = env["srm.project"].create({"name": "North Pit", "code": "TST-NP"})
        cls.project_b = env["srm.project"].create({"name": "South Port", "code": "TST-SP"})
        def mk(env, login, groups, **kwargs):
            if "base.group_portal" not in groups:
                groups += ",base.group_allow_export"
            return new_test_user(env, login, groups, context={"no_reset_password": True}, **kwargs)

        cls.user_manager = mk(env, "iss_manager", "srm_base.group_srm_manager", name="Iss Manager")
        cls.user_user = mk(env, "iss_user", "srm_base.group_srm_user", name="Iss User")
        cls.user_restricted = mk(env, "iss_restricted", "srm_base.group_srm_restricted", name="Iss Restricted")
        cls.user_auditor = mk(env, "iss_auditor", "srm_base.group_srm_auditor", name="Iss Auditor")
        cls.user_confidential = mk(
            env, "iss_confidential", "srm_base.group_srm_user,srm_base.group_srm_confidential",
            name="Iss Confidential",
        )
        cls.user_worker = mk(env, "iss_worker", "srm_issues.group_srm_issue_worker", name="Iss Worker Officer")
        cls.project_a.member_ids = [Command.link(cls.user_restricted.id)]
        cls.complainant = env["res.partner"].create(
            {"name": "Awa Traoré", "email": "awa.traore@example.com", "is_stakeholder": True}
        )
        cls.other_complainant = env["res.partner"].create(
            {"name": "Koffi Mensah", "email": "koffi@example.com", "is_stakeholder": True}
        )
        cls.village = env["res.partner"].create(
            {"name": "Village of Tessa", "is_company": True, "is_stakeholder": True}
        )
        cls.user_portal = mk(
            env, "iss_portal", "base.group_portal", name="Awa Traoré",
            email="awa.traore@example.com", partner_id=cls.complainant.id,
        )
        cls.team = env["srm.issue.team"].create(
            {"name": "Liaison", "user_id": cls.user_manager.id, "member_ids": [Command.link(cls.user_user.id)]}
        )
        cls.cat_dust = env.ref("srm_issues.srm_issue_category_dust")
        cls.cat_water = env.ref("srm_issues.srm_issue_category_water")
        cls.stage_new = env.ref("srm_issues.srm_issue_stage_new")
        cls.stage_ack = env.ref("srm_issues.srm_issue_stage_acknowledged")
        cls.stage_inv = env.ref("srm_issues.srm_issue_stage_investigation")
        cls.stage_proposed = env.ref("srm_issues.srm_issue_stage_proposed")
        cls.stage_resolved = env.ref("srm_issues.srm_issue_stage_resolved")
        cls.stage_closed = env.ref("srm_issues.srm_issue_stage_closed")
        cls.stage_appealed = env.ref("srm_issues.srm_issue_stage_appealed")
        cls.stage_escalated = env.ref("srm_issues.srm_issue_stage_escalated")
        cls.Issue = env["srm.issue"].with_context(mail_create_nolog=True)

    @classmethod
    def _issue(cls, **values):
        vals = {
            "name": "Dust on the school",
            "category_id": cls.cat_dust.id,
            "project_id": cls.project_a.id,
            "complainant_partner_id": cls.complainant.id,
            "severity": "2",
            "team_id": cls.team.id,
            "user_id": cls.user_user.id,
        }
        vals.update(values)
        return cls.Issue.create(vals)


class SrmIssueCase(TransactionCase, SrmIssueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._srm_issue_setup()


def dt(value):
    return datetime.strptime(value, "%Y-%m-%d %H:%M")
