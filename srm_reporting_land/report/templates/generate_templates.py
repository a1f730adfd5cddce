#!/usr/bin/env python3
# Copyright 2026 SRM Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write the sample py3o templates (ODT) of the land reports, with the writer of
srm_reporting (its ``generate_templates.py`` describes the data of a template):

    python3 generate_templates.py            # rewrites the *.odt next to it
"""

import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
WRITER = os.path.join(HERE, "..", "..", "..", "srm_reporting", "report", "templates", "generate_templates.py")

STATUS = [
    ("project", "Project", 16),
    ("identified", "Identified", 8),
    ("surveyed", "Surveyed", 8),
    ("negotiating", "Negotiating", 9),
    ("agreed", "Agreed", 8),
    ("compensated", "Compensated", 9),
    ("accessed", "Accessed", 8),
    ("restored", "Restored", 8),
    ("count", "Parcels", 8),
    ("area", "Area (ha)", 9),
]
COMPENSATION = [
    ("agreements", "Agreements", 10),
    ("agreed", "Agreed", 13),
    ("paid", "Paid", 13),
    ("due", "Still to pay", 13),
    ("overdue", "Overdue amount", 13),
    ("overdue_count", "Overdue", 9),
]
BY_HOLDER = ("by_holder", [("name", "Rights holder", 29), *COMPENSATION], False)
BY_HOUSEHOLD = ("by_household", [("name", "Household", 29), *COMPENSATION], False)
AGREEMENTS_BY = [("count", "Agreements", 15), ("signed", "Signed", 15), ("amount", "Amount agreed", 20),
                 ("paid", "Paid", 20)]  # fmt: skip
BY_STEP = (
    "households_by_step",
    [("step", "Step", 30), ("count", "Households", 14), ("people", "People", 14),
     ("physical", "Physically displaced", 14), ("economic", "Economically displaced only", 14),
     ("vulnerable", "Vulnerable", 14)],
    False,
)  # fmt: skip
LIVELIHOOD = (
    "livelihood",
    [("type", "Measure", 30), ("count", "Measures", 14), ("planned", "Planned", 14), ("ongoing", "Ongoing", 14),
     ("completed", "Completed", 14), ("cancelled", "Cancelled", 14)],
    False,
)  # fmt: skip
BY_PARCEL = (
    "grievances_by_parcel",
    [("parcel", "Parcel", 10), ("project", "Project", 16), ("status", "Parcel status", 12),
     ("count", "Grievances", 10), ("open", "Open", 8), ("closed", "Closed", 8),
     ("breached", "Service level breached", 10), ("references", "References", 26)],
    False,
)  # fmt: skip

# kind: (landscape, [(section key, [(column key, column label, relative width)], optional)])
SPEC = {
    "land_status": (
        True,
        [
            ("status_by_project", STATUS, False),
            (
                "parcels",
                [
                    ("reference", "Parcel", 9),
                    ("project", "Project", 14),
                    ("locality", "Locality", 12),
                    ("tenure", "Tenure", 11),
                    ("status", "Status", 10),
                    ("area", "Area (ha)", 8),
                    ("holders", "Rights holders", 20),
                    ("agreed", "Agreed", 8),
                    ("paid", "Paid", 8),
                ],
                False,
            ),
        ],
    ),
    "land_compensation": (
        True,
        [
            BY_HOLDER,
            BY_HOUSEHOLD,
            (
                "payments",
                [
                    ("agreement", "Agreement", 13),
                    ("holder", "Rights holder", 16),
                    ("description", "Payment or delivery", 20),
                    ("kind", "Kind", 8),
                    ("due_date", "Due", 9),
                    ("amount", "Amount", 10),
                    ("status", "Status", 9),
                    ("paid_on", "Paid on", 9),
                    ("overdue", "Overdue", 6),
                ],
                False,
            ),
        ],
    ),
    "land_agreements": (
        True,
        [
            ("agreements_by_status", [("status", "Status", 30), *AGREEMENTS_BY], False),
            ("agreements_by_type", [("type", "Type", 30), *AGREEMENTS_BY], False),
            (
                "agreements",
                [
                    ("reference", "Reference", 10),
                    ("title", "Agreement", 18),
                    ("type", "Type", 8),
                    ("holder", "Rights holder", 14),
                    ("parcels", "Parcels", 9),
                    ("status", "Status", 9),
                    ("signed_on", "Signed on", 9),
                    ("amount", "Agreed", 8),
                    ("paid", "Paid", 8),
                    ("due", "Still to pay", 8),
                ],
                False,
            ),
            (
                "conditions",
                [
                    ("agreement", "Agreement", 13),
                    ("holder", "Rights holder", 16),
                    ("promise", "Promise", 27),
                    ("value", "Estimated value", 11),
                    ("due_date", "Due", 10),
                    ("status", "Status", 11),
                    ("delivered_on", "Delivered on", 12),
                ],
                False,
            ),
        ],
    ),
    "land_households": (
        True,
        [
            BY_STEP,
            (
                "households",
                [
                    ("reference", "Household", 9),
                    ("head", "Head of household", 17),
                    ("project", "Project", 13),
                    ("size", "People", 6),
                    ("displacement", "Displacement", 14),
                    ("vulnerable", "Vulnerable", 7),
                    ("parcels", "Parcels", 10),
                    ("step", "Step", 15),
                    ("livelihood", "Livelihood", 9),
                ],
                False,
            ),
            LIVELIHOOD,
        ],
    ),
    "land_grievances": (
        True,
        [
            BY_PARCEL,
            (
                "grievances",
                [
                    ("reference", "Reference", 12),
                    ("received", "Received", 12),
                    ("category", "Category", 12),
                    ("subject", "Subject", 22),
                    ("complainant", "Complainant", 14),
                    ("stage", "Stage", 10),
                    ("parcels", "Parcels", 18),
                ],
                False,
            ),
        ],
    ),
    "land_resettlement_progress": (
        True,
        [
            ("key_figures", [("label", "Figure", 60), ("value", "Value", 40)], False),
            ("status_by_project", STATUS, False),
            BY_HOLDER,
            BY_HOUSEHOLD,
            ("agreements_by_status", [("status", "Status", 30), *AGREEMENTS_BY], False),
            BY_STEP,
            LIVELIHOOD,
            BY_PARCEL,
        ],
    ),
}


def load_writer():
    spec = importlib.util.spec_from_file_location("srm_reporting_templates", WRITER)
    writer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(writer)
    writer.HERE = HERE  # the templates are written next to this file
    return writer


if __name__ == "__main__":
    writer = load_writer()
    for kind, (landscape, sections) in SPEC.items():
        print(writer.build(kind, landscape, sections))
