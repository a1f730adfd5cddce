# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Land Parcels on the Map",
    "summary": "Land parcels on the map, their areas and markers coloured by their access status",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "auto_install": True,
    "uninstall_hook": "uninstall_hook",
    "depends": ["srm_land", "srm_map"],
    "data": [
        "views/srm_land_parcel_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "srm_land_map/static/src/js/*.esm.js",
            "srm_land_map/static/src/scss/*.scss",
        ],
        "web.assets_tests": [
            "srm_land_map/static/tests/tours/*.js",
        ],
    },
}
