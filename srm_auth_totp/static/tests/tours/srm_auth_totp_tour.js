/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {registry} from "@web/core/registry";

// the code of the email, given to the browser of the test in a cookie
function emailedCode() {
    const match = document.cookie.match(/(?:^|;\s*)srm_tour_code=(\d{6})/);
    if (!match) {
        throw new Error("No code for the tour");
    }
    return match[1];
}

registry.category("web_tour.tours").add("srm_auth_totp_sign_in_tour", {
    steps: () => [
        {
            content: "The second step explains why it is asked",
            trigger: ".o_srm_auth_totp_notice",
        },
        {
            content: "The code was sent by email",
            trigger: ".oe_login_form:contains(just sent via email)",
        },
        {
            content: "Type the code of the email",
            trigger: "input[name=totp_token]",
            run(helpers) {
                return helpers.edit(emailedCode());
            },
        },
        {
            content: "Setting up an app afterwards is proposed",
            trigger: "input[name=srm_setup_app]:checked",
        },
        {
            content: "Sign in",
            trigger: ".oe_login_form button[type=submit]:contains(Log in)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Signed in, on the set-up of an authenticator app",
            trigger: "button[name=action_totp_enable_wizard]",
        },
    ],
});
