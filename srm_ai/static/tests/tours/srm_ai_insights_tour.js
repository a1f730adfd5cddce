/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("srm_ai_insights_tour", {
    steps: () => [
        {
            content: "The stakeholder form is open",
            trigger: ".o_breadcrumb:contains(Insights Stakeholder)",
        },
        {
            content: "Open the Insights page",
            trigger: ".o_notebook .nav-link:contains(Insights)",
            run: "click",
        },
        {
            content: "The last twelve months are listed, the newest first",
            trigger:
                ".o_srm_related_list:first .o_data_row:first-child:contains(100)",
        },
        {
            content: "The older months are not listed",
            trigger:
                ".o_srm_related_list:first:has(.o_data_row:contains(111))" +
                ":not(:has(.o_data_row:contains(112)))",
        },
        {
            content: "The stakeholder's recommendations are listed",
            trigger: ".o_srm_related_list:last .o_data_row:contains(Insights tour reason)",
        },
    ],
});
