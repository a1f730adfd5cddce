/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("srm_stakeholder_timeline_tour", {
    steps: () => [
        {
            content: "The stakeholder form is open",
            trigger: ".o_breadcrumb:contains(Timeline Stakeholder)",
        },
        {
            content: "Open the engagement timeline",
            trigger: ".o_notebook .nav-link:contains(Engagement Timeline)",
            run: "click",
        },
        {
            content: "The newest engagement is listed first",
            trigger: ".o_srm_related_list .o_data_row:first-child:contains(Timeline meeting 22)",
        },
        {
            content: "The last twenty are shown, not the older ones",
            trigger:
                ".o_srm_related_list:has(.o_data_row:contains(Timeline meeting 03)):not(:has(.o_data_row:contains(Timeline meeting 02)))",
        },
        {
            content: "A row opens its engagement",
            trigger: ".o_srm_related_list .o_data_row:contains(Timeline meeting 22) td[name=name]",
            run: "click",
        },
        {
            content: "The engagement is open",
            trigger: ".o_breadcrumb:contains(Timeline meeting 22)",
        },
    ],
});
