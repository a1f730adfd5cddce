# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholders",
    "summary": "Stakeholder register, projects and engagement log for "
    "community relations, consultation and ESG teams",
    "version": "18.0.1.4.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "application": True,
    "installable": True,
    "depends": ["contacts", "mail", "calendar", "base_import"],
    "data": [
        "security/srm_base_security.xml",
        "security/ir.model.access.csv",
        "data/srm_stakeholder_type_data.xml",
        "data/srm_engagement_type_data.xml",
        "data/srm_relationship_type_data.xml",
        "data/srm_base_data.xml",
        "data/ir_cron_data.xml",
        "views/srm_stakeholder_type_views.xml",
        "views/srm_segment_views.xml",
        "views/srm_topic_views.xml",
        "views/srm_region_views.xml",
        "views/srm_relationship_views.xml",
        "views/srm_project_views.xml",
        "views/srm_engagement_type_views.xml",
        "views/srm_engagement_views.xml",
        "views/res_partner_views.xml",
        "views/calendar_event_views.xml",
        "views/srm_menus.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "demo": [
        "demo/srm_base_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "srm_base/static/src/views/**/*",
        ],
        "web.assets_tests": [
            "srm_base/static/tests/tours/*.js",
        ],
    },
}
