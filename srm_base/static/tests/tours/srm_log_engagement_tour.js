/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("srm_log_engagement_tour", {
    url: "/odoo/action-srm_base.srm_engagement_action",
    steps: () => [
        {
            content: "The engagement log is open",
            trigger: ".o_breadcrumb:contains(Engagements)",
        },
        {
            content: "Log a new engagement",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Subject",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour: water committee briefing",
        },
        {
            content: "Pick the stakeholder",
            trigger: ".o_field_widget[name=partner_ids] input",
            run: "edit Tour Stakeholder",
        },
        {
            content: "Select it in the dropdown",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(Tour Stakeholder Ñandú)",
            run: "click",
        },
        {
            content: "The stakeholder is added",
            trigger: ".o_field_widget[name=partner_ids] .o_tag:contains(Tour Stakeholder Ñandú)",
        },
        {
            content: "They reached out",
            trigger: ".o_field_widget[name=direction] input[data-value=inbound]",
            run: "click",
        },
        {
            content: "What was said",
            trigger: ".o_field_widget[name=summary] textarea",
            run: "edit The committee asked for the well monitoring data.",
        },
        ...stepUtils.saveForm(),
        {
            content: "The participation line was created for the stakeholder",
            trigger: ".o_notebook a[name=participation]",
            run: "click",
        },
        {
            content: "Participation lists the stakeholder",
            trigger: ".o_field_widget[name=participant_ids] .o_data_row:contains(Tour Stakeholder Ñandú)",
        },
    ],
});
