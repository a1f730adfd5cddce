/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {registry} from "@web/core/registry";

const ITALIC = ".leaflet-marker-icon[title='Tour Mapped <i>Italic</i>']";
const COMMUNITY = ".leaflet-marker-icon[title='Tour Mapped Community']";

registry.category("web_tour.tours").add("srm_map_stakeholder_tour", {
    steps: () => [
        {
            content: "The stakeholder register is open",
            trigger: ".o_breadcrumb:contains(Stakeholders)",
        },
        {
            content: "Switch to the map",
            trigger: ".o_switch_view.o_leaflet_map",
            run: "click",
        },
        {
            content: "Stakeholders with coordinates are on the map",
            trigger: `.o_leaflet_map_container ${COMMUNITY}`,
        },
        {
            content: "Open the popup of a stakeholder",
            trigger: `.o_leaflet_map_container ${ITALIC}`,
            run: "click",
        },
        {
            content: "Its name is shown as typed, not as markup",
            trigger: ".leaflet-popup-content .o_srm_map_popup",
            run() {
                const popup = this.anchor;
                if (popup.querySelector("i") || !popup.textContent.includes("Tour Mapped <i>Italic</i>")) {
                    throw new Error(`The popup renders the name as HTML: ${popup.innerHTML}`);
                }
                if (!popup.textContent.includes("1-1 Chiyoda")) {
                    throw new Error(`The popup does not show the address: ${popup.innerHTML}`);
                }
            },
        },
        {
            content: "Search a stakeholder",
            trigger: ".o_searchview_input",
            run: "edit Tour Mapped Community",
        },
        {
            content: "Validate the search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "The map follows the search: the other stakeholder is gone",
            trigger: `.o_leaflet_map_container:has(${COMMUNITY}):not(:has(${ITALIC}))`,
        },
    ],
});
