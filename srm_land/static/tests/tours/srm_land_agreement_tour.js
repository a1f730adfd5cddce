/** @odoo-module **/
/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const FORM = ".o_form_view:has(.o_field_widget[name='line_ids'])";
const SCHEDULE = `${FORM} .o_field_widget[name='line_ids']`;
const ROW = `${SCHEDULE} .o_selected_row`;

function date(days) {
    return luxon.DateTime.now().plus({days}).toFormat("MM/dd/yyyy");
}

function scheduleLine(description, amount, days) {
    return [
        {
            content: `Add "${description}" to the payment schedule`,
            trigger: `${SCHEDULE} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Describe it",
            trigger: `${ROW} .o_field_widget[name='name'] input`,
            run: `edit ${description}`,
        },
        {
            content: "Its amount",
            trigger: `${ROW} .o_field_widget[name='amount'] input`,
            run: `edit ${amount}`,
        },
        {
            content: "Its due date",
            trigger: `${ROW} .o_field_widget[name='date_due'] input`,
            run: `edit ${date(days)} && press Escape`,
        },
    ];
}

registry.category("web_tour.tours").add("srm_land_agreement_tour", {
    steps: () => [
        {
            content: "The agreements are open",
            trigger: ".o_breadcrumb:contains(Agreements)",
        },
        {
            content: "Record a new agreement",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Its title",
            trigger: `${FORM} .o_field_widget[name='name'] input`,
            run: "edit Tour: compensation for the pipeline corridor",
        },
        {
            content: "The holder",
            trigger: `${FORM} .o_field_widget[name='partner_id'] input`,
            run: "edit Tour Landowner",
        },
        {
            content: "Pick the holder",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(Tour Landowner Ñuñoa)",
            run: "click",
        },
        {
            content: "The project",
            trigger: `${FORM} .o_field_widget[name='project_id'] input`,
            run: "edit Tour Land",
        },
        {
            content: "Pick the project",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(Tour Land Mine)",
            run: "click",
        },
        ...scheduleLine("On signature", "4000", 0),
        ...scheduleLine("Balance after the harvest", "2500", 120),
        {
            content: "The total of the schedule",
            trigger: `${FORM} .o_field_widget[name='amount_total']:contains(6,500.00)`,
        },
        {
            content: "Signed today",
            trigger: `${FORM} .o_field_widget[name='date_signed'] input`,
            run: `edit ${date(0)} && press Escape`,
        },
        {
            content: "A witness",
            trigger: `${FORM} .o_field_widget[name='witness_ids'] input`,
            run: "edit Tour Witness",
        },
        {
            content: "Pick the witness",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(Tour Witness)",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Mark it signed",
            trigger: `${FORM} .o_statusbar_buttons button[name='action_sign']`,
            run: "click",
        },
        {
            content: "It is signed",
            trigger: `${FORM} .o_statusbar_status button.o_arrow_button_current:contains(Signed)`,
        },
        {
            content: "Its payments are in the commitments register",
            trigger: `${FORM} button[name='action_view_commitments'] .o_stat_value:contains(2)`,
        },
        {
            content: "Record the first payment",
            trigger: `${SCHEDULE} .o_data_row:contains(On signature) button[name='action_record_payment']`,
            run: "click",
        },
        {
            content: "The transfer's reference",
            trigger: ".modal .o_field_widget[name='payment_reference'] input",
            run: "edit TRF-TOUR-0001",
        },
        {
            content: "Confirm the payment",
            trigger: ".modal .modal-footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The payment is made",
            trigger: `${SCHEDULE} .o_data_row:contains(On signature) .o_field_widget[name='state']:contains(Paid)`,
        },
        {
            content: "And the rest is still to pay",
            trigger: `${FORM} .o_field_widget[name='amount_due']:contains(2,500.00)`,
        },
    ],
});

// every tab of a parcel and of its household opens without error
registry.category("web_tour.tours").add("srm_land_parcel_tour", {
    steps: () => [
        {
            content: "The parcels, by status",
            trigger: ".o_kanban_view .o_kanban_group:contains(Negotiating) .o_kanban_record:contains(TOUR-P1)",
            run: "click",
        },
        ...["rights", "census", "agreements", "engagements", "location", "documents", "notes"].map((page) => ({
            content: `Tab ${page}`,
            trigger: `.o_form_view .o_notebook a[name='${page}']`,
            run: "click",
        })),
        {
            content: "Its area was computed",
            trigger: ".o_form_view .o_field_widget[name='area_ha']:contains(123.9)",
        },
        {
            content: "Its households",
            trigger: ".o_form_view button[name='action_view_households']",
            run: "click",
        },
        {
            content: "Open the household",
            trigger: ".o_list_view .o_data_row td.o_data_cell:contains(Tour Holder)",
            run: "click",
        },
        ...["members", "livelihood", "agreements", "engagements", "notes", "assets"].map((page) => ({
            content: `Household tab ${page}`,
            trigger: `.o_form_view .o_notebook a[name='${page}']`,
            run: "click",
        })),
        {
            content: "The household's asset is listed",
            trigger: ".o_form_view .o_field_widget[name='asset_ids'] .o_data_row:contains(Adobe house)",
        },
    ],
});
