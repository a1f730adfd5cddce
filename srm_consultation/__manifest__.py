# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Consultations",
    "summary": "Consultation and interview campaigns with Surveys, target segments and quotas, "
    "themes and \"What we heard\" reports; free, prior and informed consent records",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "depends": ["srm_base", "survey"],
    "data": [
        "security/srm_consultation_security.xml",
        "security/ir.model.access.csv",
        "data/srm_consultation_mail_template_data.xml",
        "data/srm_consultation_cron_data.xml",
        "views/srm_consultation_views.xml",
        "views/srm_consultation_respondent_views.xml",
        "views/srm_consultation_theme_views.xml",
        "views/srm_consultation_answer_report_views.xml",
        "views/srm_consent_record_views.xml",
        "wizards/srm_consultation_invite_wizard_views.xml",
        "wizards/srm_consultation_interview_wizard_views.xml",
        "report/srm_consultation_report.xml",
        "views/srm_consultation_menus.xml",
    ],
    "demo": ["demo/srm_consultation_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "srm_consultation/static/tests/tours/*.js",
        ],
    },
}
