# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Issues and Grievances",
    "summary": "Grievance mechanism: intake by email, public form and portal, "
    "service levels, escalation, appeals and audit figures",
    "version": "18.0.1.4.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "depends": ["srm_base", "portal", "mail", "resource"],
    "data": [
        "security/srm_issues_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_message_subtype_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/srm_issue_stage_data.xml",
        "data/srm_issue_category_data.xml",
        "data/srm_issue_sla_data.xml",
        "data/ir_config_parameter_data.xml",
        "data/mail_alias_data.xml",
        "data/ir_cron_data.xml",
        "views/srm_issue_stage_views.xml",
        "views/srm_issue_category_views.xml",
        "views/srm_issue_team_views.xml",
        "views/srm_issue_sla_views.xml",
        "views/srm_issue_action_views.xml",
        "views/srm_issue_views.xml",
        "views/srm_engagement_views.xml",
        "views/srm_project_views.xml",
        "views/res_partner_views.xml",
        "views/srm_issue_portal_templates.xml",
        "views/srm_issue_public_templates.xml",
        "wizards/srm_issue_deadline_wizard_views.xml",
        "views/srm_issues_menus.xml",
    ],
    "demo": [
        "demo/srm_issue_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "srm_issues/static/src/scss/srm_issue_public.scss",
        ],
        "web.assets_tests": [
            "srm_issues/static/tests/tours/*.js",
        ],
    },
}
