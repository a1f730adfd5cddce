/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {registry} from "@web/core/registry";

const COMPLAINED = ".leaflet-marker-icon.o_srm_map_marker[title='TOUR-GRV-OPEN']";
const QUIET = ".leaflet-marker-icon.o_srm_map_marker[title='TOUR-GRV-QUIET']";

registry.category("web_tour.tours").add("srm_land_issues_map_tour", {
    steps: () => [
        {
            content: "The parcel map is open",
            trigger: ".o_breadcrumb:contains(Parcel Map)",
        },
        {
            content: "The parcel with an open grievance is ringed, the other is not",
            trigger: `.o_leaflet_map_container:has(${QUIET}:not(.o_srm_map_marker_alert)) ${COMPLAINED}.o_srm_map_marker_alert`,
        },
        {
            content: "Its area is outlined in red",
            trigger: ".o_leaflet_map_container path.o_srm_map_area_alert[stroke='#dc3545']",
        },
        {
            content: "The legend counts the parcels with open grievances",
            trigger: ".o_srm_map_legend .o_srm_map_legend_alert:contains(Open Grievances (1))",
        },
        {
            content: "Open the popup of the parcel",
            trigger: `.o_leaflet_map_container ${COMPLAINED}`,
            run: "click",
        },
        {
            content: "The popup counts its grievances and engagements",
            trigger: ".leaflet-popup-content .o_srm_map_links:contains(Grievances: 1 open / 2):contains(Engagements: 0)",
        },
        {
            content: "Show its grievances on the map",
            trigger: ".leaflet-popup-content .o_srm_map_link_map[data-method=action_view_issues_map]",
            run: "click",
        },
        {
            content: "The grievance without a place is at its parcel, the other at its own place",
            trigger:
                ".o_leaflet_map_container:has(.leaflet-marker-icon[title*='Gate left open']) .leaflet-marker-icon[title*='Fence not rebuilt']",
        },
        {
            content: "Back to the parcel map",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Parcel Map)",
            run: "click",
        },
        {
            content: "Open the popup of the parcel again",
            trigger: `.o_leaflet_map_container ${COMPLAINED}`,
            run: "click",
        },
        {
            content: "List its grievances",
            trigger: ".leaflet-popup-content .o_srm_map_link[data-method=action_view_issues]",
            run: "click",
        },
        {
            content: "The grievances of the parcel are open: show them as a list",
            trigger: ".o_action:has(.o_kanban_record:contains(Gate left open)) .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The list shows the grievances of the parcel",
            trigger: ".o_list_view:has(.o_data_row:contains(Fence not rebuilt)) .o_data_row:contains(Gate left open)",
            run() {
                const rows = document.querySelectorAll(".o_list_view .o_data_row").length;
                if (rows !== 2) {
                    throw new Error(`The grievances of the parcel are 2, the list shows ${rows}`);
                }
            },
        },
    ],
});
