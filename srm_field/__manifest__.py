# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Field App",
    "summary": "Mobile app that works offline: log engagements in villages without network, "
    "with the stakeholders of your projects kept on the phone",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "depends": ["srm_base", "web"],
    "data": [
        "data/ir_config_parameter_data.xml",
        "views/srm_field_templates.xml",
        "views/srm_engagement_views.xml",
        "views/srm_field_menus.xml",
    ],
}
