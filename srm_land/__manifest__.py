# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Land Access and Resettlement",
    "summary": "Parcels, rights holders, census and asset inventory, entitlement matrix, "
    "agreements and their payments as commitments, livelihood restoration (IFC PS5)",
    "version": "18.0.1.0.0",
    "category": "Stakeholder Relationship Management",
    "website": "https://github.com/srm-suite/srm",
    "author": "SRM Suite Contributors",
    "license": "AGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["srm_base", "srm_commitments"],
    "data": [
        "security/srm_land_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/srm_land_parcel_views.xml",
        "views/srm_land_household_views.xml",
        "views/srm_land_asset_views.xml",
        "views/srm_land_entitlement_views.xml",
        "views/srm_land_agreement_views.xml",
        "views/srm_land_livelihood_views.xml",
        "views/srm_project_views.xml",
        "views/srm_engagement_views.xml",
        "views/srm_commitment_views.xml",
        "wizards/srm_land_payment_wizard_views.xml",
        "wizards/srm_land_geojson_import_wizard_views.xml",
        "views/srm_land_menus.xml",
    ],
    "demo": [
        "demo/srm_land_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "srm_land/static/tests/tours/*.js",
        ],
    },
}
