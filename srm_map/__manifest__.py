# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Maps",
    "summary": "Stakeholders and engagements on an OpenStreetMap map, addresses located in batches",
    "version": "18.0.1.1.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "depends": ["srm_base", "base_geolocalize", "web_view_leaflet_map"],
    "data": [
        "data/ir_cron_data.xml",
        "views/res_partner_views.xml",
        "views/srm_engagement_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "assets": {
        "web.assets_backend": [
            "srm_map/static/src/js/*.esm.js",
            "srm_map/static/src/js/*.xml",
        ],
        "web.assets_tests": [
            "srm_map/static/tests/tours/*.js",
        ],
    },
}
