# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Issues on the Map",
    "summary": "Issues and grievances on the map, and an optional location on the public grievance form",
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
    "depends": ["srm_issues", "srm_map"],
    "data": [
        "views/srm_issue_views.xml",
        "views/srm_issue_public_templates.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "srm_issues_map/static/src/js/srm_grievance_location.esm.js",
        ],
        "web.assets_tests": [
            "srm_issues_map/static/tests/tours/*.js",
        ],
    },
}
