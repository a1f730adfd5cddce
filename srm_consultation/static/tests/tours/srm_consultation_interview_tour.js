/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

const QUESTION_CHOICE = ".modal .o_data_row:contains(Tour: are you worried about water?)";
const QUESTION_TEXT = ".modal .o_data_row:contains(Tour: what should change?)";

registry.category("web_tour.tours").add("srm_consultation_interview_tour", {
    steps: () => [
        {
            content: "The consultation is open",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Open)",
        },
        {
            content: "Record an interview done in person",
            trigger: ".o_form_view button[name=action_open_interview_wizard]",
            run: "click",
        },
        {
            content: "Pick the stakeholder met",
            trigger: ".modal .o_field_widget[name=partner_id] input",
            run: "edit Tour Respondent",
        },
        {
            content: "Select them in the dropdown",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(Tour Respondent Ñusta)",
            run: "click",
        },
        {
            content: "Their segment is found",
            trigger: ".modal .o_field_widget[name=segment_line_id] input:value(Tour water users)",
        },
        {
            content: "Answer the choice question",
            trigger: `${QUESTION_CHOICE} td[name=suggested_answer_id]`,
            run: "click",
        },
        {
            content: "Type the answer",
            trigger: `${QUESTION_CHOICE} .o_field_widget[name=suggested_answer_id] input`,
            run: "edit Very",
        },
        {
            content: "Choose it",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(Very worried)",
            run: "click",
        },
        {
            content: "Answer the open question",
            trigger: `${QUESTION_TEXT} td[name=value_text]`,
            run: "click",
        },
        {
            content: "Write what was said",
            trigger: `${QUESTION_TEXT} .o_field_widget[name=value_text] textarea`,
            run: "edit Publish the well data every month.",
        },
        {
            content: "Save the interview",
            trigger: ".modal button[name=action_save]",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The respondent is counted",
            trigger: ".o_form_view button[name=action_view_respondents] .o_stat_value:contains(1 / 1)",
        },
    ],
});
