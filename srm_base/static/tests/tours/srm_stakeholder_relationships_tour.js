/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("srm_stakeholder_relationships_tour", {
    steps: () => [
        {
            content: "The stakeholder form is open",
            trigger: ".o_breadcrumb:contains(Relationship Stakeholder)",
        },
        {
            content: "Open the relationships",
            trigger: ".o_notebook .nav-link:contains(Relationships)",
            run: "click",
        },
        {
            content: "The stakeholder's relationships are listed",
            trigger: ".o_srm_related_list:first .o_data_row:contains(Relationship Cooperative)",
        },
        {
            content: "and those of others with the stakeholder",
            trigger: ".o_srm_related_list:last .o_data_row:contains(Relationship Chief):contains(has as member)",
        },
        {
            content: "Add a relationship",
            trigger: ".o_srm_related_list:first .o_srm_related_list_add",
            run: "click",
        },
        {
            content: "Choose the relationship",
            trigger: ".modal .o_field_widget[name=type_id] input",
            run: "edit represents",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(represents)",
            run: "click",
        },
        {
            content: "Choose the other stakeholder",
            trigger: ".modal .o_field_widget[name=related_partner_id] input",
            run: "edit Relationship Council",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Relationship Council)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The new relationship is listed",
            trigger: "body:not(:has(.modal)) .o_srm_related_list:first .o_data_row:contains(Relationship Council)",
        },
    ],
});
