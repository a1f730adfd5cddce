# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Land Access and Grievances",
    "summary": "Grievances linked to the land parcels and census households they are about",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["srm_land", "srm_issues"],
    "data": [
        "views/srm_issue_views.xml",
        "views/srm_land_parcel_views.xml",
        "views/srm_land_household_views.xml",
    ],
    "demo": ["demo/srm_issue_demo.xml"],
}
