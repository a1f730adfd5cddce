/** @odoo-module **/
/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

import {registry} from "@web/core/registry";

// the commitment form (the engagement form has stakeholders and a project too)
const COMMITMENT_FORM = ".o_form_view:has(.o_field_widget[name='date_due'])";

registry.category("web_tour.tours").add("srm_commitment_from_engagement_tour", {
    steps: () => [
        {
            content: "The engagement is open",
            trigger: ".o_form_view .o_field_widget[name='name'] input:value(Tour water meeting)",
        },
        {
            content: "Create a commitment from the engagement",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_create_commitment']",
            run: "click",
        },
        {
            content: "The stakeholders of the engagement are carried over to the new commitment",
            trigger: `${COMMITMENT_FORM} .o_field_widget[name='partner_ids'] .o_tag:contains(Tour Water Committee)`,
        },
        {
            content: "And its project",
            trigger: `${COMMITMENT_FORM} .o_field_widget[name='project_id'] input:value(Tour Mine)`,
        },
        {
            content: "Say what was promised",
            trigger: `${COMMITMENT_FORM} .o_field_widget[name='name'] input`,
            run: "edit Send the well data to the committee",
        },
        {
            content: "Pick a category",
            trigger: `${COMMITMENT_FORM} .o_field_widget[name='category_id'] input`,
            run: "edit Information",
        },
        {
            content: "Choose Information Sharing",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item:contains(Information Sharing)",
            run: "click",
        },
        {
            content: "Save the commitment",
            trigger: `${COMMITMENT_FORM} .o_form_button_save`,
            run: "click",
        },
        {
            content: "It is recorded with its reference",
            trigger: `${COMMITMENT_FORM} .o_form_saved .o_field_widget[name='reference']:contains(COM-)`,
        },
        {
            content: "Back to the engagement",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Tour water meeting)",
            run: "click",
        },
        {
            content: "The engagement lists its commitment",
            trigger: ".o_form_view button[name='action_view_commitments'] .o_stat_value:contains(1)",
        },
    ],
});
