# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholders Reporting",
    "summary": "Audit-ready stakeholder reports (PDF, XLSX, ODT/DOCX templates), "
    "report audit trail, monthly summaries and the SRM overview dashboard",
    "version": "18.0.1.1.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "depends": [
        "srm_base",
        "srm_commitments",
        "srm_issues",
        "report_xlsx",
        "report_py3o",
    ],
    "external_dependencies": {
        "python": ["xlsxwriter", "py3o.template", "py3o.formats"],
    },
    "data": [
        "security/srm_reporting_security.xml",
        "security/ir.model.access.csv",
        "data/report_paperformat_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "report/srm_report_templates.xml",
        "report/srm_report_actions.xml",
        "wizards/srm_report_wizard_views.xml",
        "wizards/srm_report_verify_wizard_views.xml",
        "views/srm_report_log_views.xml",
        "views/py3o_template_views.xml",
        "views/srm_project_views.xml",
        "views/res_partner_views.xml",
        "views/srm_engagement_views.xml",
        "views/srm_dashboard_views.xml",
        "views/srm_reporting_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "srm_reporting/static/src/dashboard/*.js",
            "srm_reporting/static/src/dashboard/*.xml",
            "srm_reporting/static/src/dashboard/*.scss",
        ],
        "web.report_assets_common": [
            "srm_reporting/static/src/report/*.scss",
        ],
        "web.report_assets_pdf": [
            "srm_reporting/static/src/report/srm_report_pagination.js",
        ],
        "web.assets_tests": [
            "srm_reporting/static/tests/tours/*.js",
        ],
    },
}
