# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Stakeholders Job Queue",
    "summary": "Long work of the SRM suite (large reports, scheduled batches, AI scoring, "
    "imports) run as OCA queue_job jobs spread over job workers",
    "version": "18.0.1.2.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "maintainers": ["srm-suite"],
    "installable": True,
    # installed with queue_job where the SRM modules are; brings OCA's background import
    "auto_install": ["queue_job", "srm_reporting", "srm_ai", "srm_commitments", "srm_issues"],
    "depends": [
        "queue_job",
        "base_import_async",
        "srm_reporting",
        "srm_ai",
        "srm_commitments",
        "srm_issues",
    ],
    "data": [
        "data/queue_job_channel_data.xml",
        "data/queue_job_function_data.xml",
        "data/ir_cron_data.xml",
        "views/res_config_settings_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
