/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";

function moveTo(stage) {
    return [
        {
            content: `Move the issue to ${stage}`,
            trigger: `.o_form_view .o_statusbar_status button.o_arrow_button:contains('${stage}')`,
            run: "click",
        },
        {
            content: `${stage} is the current stage`,
            trigger: `.o_statusbar_status button.o_arrow_button_current:contains('${stage}')`,
        },
    ];
}

registry.category("web_tour.tours").add("srm_issue_stages_tour", {
    url: "/odoo/action-srm_issues.srm_issue_action_all",
    steps: () => [
        {
            content: "Open the issue",
            trigger: ".o_list_view .o_data_row td.o_data_cell:contains('Tour: fence blocks the path')",
            run: "click",
        },
        {
            content: "The form shows the reference",
            trigger: ".o_form_view .oe_title:contains('GRV-')",
        },
        ...moveTo("Acknowledged"),
        ...moveTo("Under investigation"),
        {
            content: "Open the response tab",
            trigger: ".o_notebook .nav-link:contains('Response')",
            run: "click",
        },
        {
            content: "Write the proposed response",
            trigger: ".o_field_widget[name='proposed_response'] .odoo-editor-editable",
            run: "editor We will move the fence back by ten metres.",
        },
        ...moveTo("Resolution proposed"),
        ...moveTo("Resolved"),
        {
            content: "Open the response tab again",
            trigger: ".o_notebook .nav-link:contains('Response')",
            run: "click",
        },
        {
            content: "Choose the close-out outcome",
            trigger: ".o_field_widget[name='outcome'] select",
            run: 'select "upheld"',
        },
        ...moveTo("Closed"),
        {
            content: "The closed issue is saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
