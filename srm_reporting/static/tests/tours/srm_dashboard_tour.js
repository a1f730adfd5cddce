/** @odoo-module **/
/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("srm_reporting_dashboard_tour", {
    steps: () => [
        {
            content: "The overview shows its figures",
            trigger: ".o_srm_dashboard .o_srm_kpi[data-key='engagements']",
        },
        {
            content: "Pick the tour project",
            trigger: ".o_srm_filter_project",
            run: "selectByLabel [TOUR] Tour Ridge",
        },
        {
            content: "The grid counts the manage-closely stakeholder of the project",
            trigger: ".o_srm_grid_cell[data-key='manage_closely'] .o_srm_grid_count:contains(1)",
        },
        {
            content: "Open the stakeholders to manage closely",
            trigger: ".o_srm_grid_cell[data-key='manage_closely']",
            run: "click",
        },
        {
            content: "The stakeholders behind the figure are listed",
            trigger: ".o_list_view .o_data_row td:contains(Tour Stakeholder)",
        },
        {
            content: "Back to the overview",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "Open the engagements of the period",
            trigger: ".o_srm_dashboard .o_srm_kpi[data-key='engagements']",
            run: "click",
        },
        {
            content: "The engagement behind the figure is listed",
            trigger: ".o_list_view .o_data_row td:contains(Tour engagement)",
        },
    ],
});
