# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholder Sign-in Security",
    "summary": "Two-factor authentication required at sign-in for SRM managers and users with confidential access",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    "depends": ["srm_base", "auth_totp_mail_enforce"],
    "data": [
        "views/res_config_settings_views.xml",
        "views/auth_totp_templates.xml",
        "views/srm_auth_totp_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "srm_auth_totp/static/tests/tours/*.js",
        ],
    },
}
