# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Commitments",
    "summary": "Commitments register: promises to stakeholders with owners, due dates, "
    "recurrence, reminders, escalation and evidence of fulfilment",
    "version": "18.0.1.2.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "depends": ["srm_base"],
    "external_dependencies": {"python": ["python-dateutil"]},
    "data": [
        "security/srm_commitments_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/srm_commitment_category_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/srm_commitment_category_views.xml",
        "views/srm_commitment_team_views.xml",
        "views/srm_commitment_views.xml",
        "views/srm_commitment_recurrence_views.xml",
        "views/srm_engagement_views.xml",
        "views/srm_project_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/srm_commitments_menus.xml",
    ],
    "demo": [
        "demo/srm_commitments_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "srm_commitments/static/tests/tours/*.js",
        ],
    },
}
