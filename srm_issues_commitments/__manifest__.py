# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Issues and Commitments",
    "summary": "Resolution commitments created from grievances, and the link between both registers",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "auto_install": True,
    "depends": ["srm_issues", "srm_commitments"],
    "data": [
        "views/srm_commitment_views.xml",
        "views/srm_issue_views.xml",
    ],
}
