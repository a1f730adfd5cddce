/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {registry} from "@web/core/registry";

const NEGOTIATING = ".leaflet-marker-icon.o_srm_map_marker[title='TOUR-MAP-NEG']";
const RESTORED = ".leaflet-marker-icon.o_srm_map_marker[title='TOUR-MAP-RES']";

registry.category("web_tour.tours").add("srm_land_map_tour", {
    steps: () => [
        {
            content: "The parcel map is open",
            trigger: ".o_breadcrumb:contains(Parcel Map)",
        },
        {
            content: "Each parcel is a dot of the colour of its status",
            trigger: `.o_leaflet_map_container:has(${RESTORED}) ${NEGOTIATING} .o_srm_map_marker_dot`,
            run() {
                const color = getComputedStyle(this.anchor).backgroundColor;
                if (color !== "rgb(253, 126, 20)") {
                    throw new Error(`A negotiating parcel is drawn in ${color}`);
                }
            },
        },
        {
            content: "The area of the parcel is drawn in the colour of its status",
            trigger: ".o_leaflet_map_container path.o_srm_map_area[stroke='#fd7e14']",
        },
        {
            content: "The legend gives each status on the map and its count",
            trigger: ".o_srm_map_legend:contains(Negotiating (1)):contains(Restored (1))",
        },
        {
            content: "Open the popup of a parcel",
            trigger: `.o_leaflet_map_container ${NEGOTIATING}`,
            run: "click",
        },
        {
            content: "The popup gives its status, locality and area, as text",
            trigger: ".leaflet-popup-content .o_srm_map_popup:contains(Negotiating):contains(Tour <b>Valley</b>)",
            run() {
                const popup = this.anchor;
                if (popup.querySelectorAll("b").length !== 1 || !popup.textContent.includes("Tour <b>Valley</b>")) {
                    throw new Error(`The popup renders the locality as HTML: ${popup.innerHTML}`);
                }
            },
        },
        {
            content: "Open the parcel from its popup",
            trigger: ".leaflet-popup-content .o_srm_map_popup",
            run: "click",
        },
        {
            content: "The form of the parcel is open",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run() {
                if (this.anchor.value !== "TOUR-MAP-NEG") {
                    throw new Error(`Another parcel is open: ${this.anchor.value}`);
                }
            },
        },
    ],
});
