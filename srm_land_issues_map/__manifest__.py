# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Land Grievances on the Map",
    "summary": "The grievances about each parcel on the parcel map, and the map of the land grievances",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "auto_install": True,
    "depends": ["srm_land_map", "srm_land_issues", "srm_issues_map"],
    "data": [
        "views/srm_land_parcel_views.xml",
        "views/srm_issue_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "srm_land_issues_map/static/tests/tours/*.js",
        ],
    },
}
