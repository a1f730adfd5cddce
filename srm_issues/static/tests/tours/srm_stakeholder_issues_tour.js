/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("srm_stakeholder_issues_tour", {
    steps: () => [
        {
            content: "The stakeholder form is open",
            trigger: ".o_breadcrumb:contains(Issues Village)",
        },
        {
            content: "Open the Issues page",
            trigger: ".o_notebook .nav-link:contains(Issues)",
            run: "click",
        },
        {
            content: "The issues of the village and of its residents are listed, newest first",
            trigger:
                ".o_srm_related_list .o_data_row:first-child:contains(Tour: borehole dry)" +
                ":not(:contains(Tour: noise at night))",
        },
        {
            content: "A resident's issue is listed too, not another stakeholder's",
            trigger:
                ".o_srm_related_list:has(.o_data_row:contains(Tour: noise at night))" +
                ":not(:has(.o_data_row:contains(Tour: someone else)))",
        },
        {
            content: "A row opens its issue",
            trigger: ".o_srm_related_list .o_data_row:contains(Tour: borehole dry) td[name=name]",
            run: "click",
        },
        {
            content: "The issue is open",
            trigger: ".o_breadcrumb:contains(Tour: borehole dry)",
        },
    ],
});
