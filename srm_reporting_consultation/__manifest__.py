# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Reports: Consultation Campaigns",
    "summary": "The consultation summary report lists the consultation campaigns and what was heard in them",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "auto_install": True,
    "depends": ["srm_reporting", "srm_consultation"],
}
