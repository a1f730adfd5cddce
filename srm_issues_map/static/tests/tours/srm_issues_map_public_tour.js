/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("srm_issues_map_public_location_tour", {
    url: "/grievance",
    steps: () => [
        {
            content: "The browser gives a position when asked (its permission prompt is not part of the page)",
            trigger: ".o_srm_geo",
            run() {
                const geolocation = {
                    getCurrentPosition(success) {
                        success({coords: {latitude: -33.44891234, longitude: -70.66934567, accuracy: 12}});
                    },
                };
                Object.defineProperty(navigator, "geolocation", {value: geolocation, configurable: true});
            },
        },
        {
            content: "Use my location",
            trigger: ".o_srm_geo .o_srm_geo_locate:not(.d-none)",
            run: "click",
        },
        {
            content: "The coordinates are filled in and shown",
            trigger: ".o_srm_geo_details[open] input[name=latitude]:value(-33.448912)",
        },
        {
            content: "The longitude too",
            trigger: ".o_srm_geo input[name=longitude]:value(-70.669346)",
        },
        {
            content: "The visitor is told",
            trigger: ".o_srm_geo .o_srm_geo_msg_found:not(.d-none)",
        },
        {
            content: "Clear them",
            trigger: ".o_srm_geo .o_srm_geo_clear",
            run: "click",
        },
        {
            content: "Nothing is kept",
            trigger: ".o_srm_geo:not(:has(.o_srm_geo_msg:not(.d-none)))",
            run() {
                for (const name of ["latitude", "longitude"]) {
                    if (document.querySelector(`.o_srm_geo input[name=${name}]`).value) {
                        throw new Error(`The ${name} was not cleared`);
                    }
                }
            },
        },
    ],
});
