/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * "Use my location" on the public grievance form: asks the browser for the
 * position (the browser asks the visitor first) and fills the latitude and
 * longitude fields, which the visitor can still change or clear. Nothing is
 * sent anywhere before the form is.
 */
publicWidget.registry.SrmGrievanceLocation = publicWidget.Widget.extend({
    selector: ".o_srm_geo",
    events: {
        "click .o_srm_geo_locate": "_onLocateClick",
        "click .o_srm_geo_clear": "_onClearClick",
    },

    start() {
        // browsers give the position to secure (HTTPS) pages only
        if (navigator.geolocation && window.isSecureContext) {
            this.el.querySelector(".o_srm_geo_locate").classList.remove("d-none");
        }
        return this._super(...arguments);
    },

    _showStatus(name) {
        for (const message of this.el.querySelectorAll(".o_srm_geo_msg")) {
            message.classList.toggle("d-none", !message.classList.contains(`o_srm_geo_msg_${name}`));
        }
    },

    _fill(latitude, longitude) {
        this.el.querySelector("input[name=latitude]").value = latitude;
        this.el.querySelector("input[name=longitude]").value = longitude;
    },

    _onLocateClick(ev) {
        ev.preventDefault();
        const button = ev.currentTarget;
        button.disabled = true;
        this._showStatus("searching");
        navigator.geolocation.getCurrentPosition(
            (position) => {
                button.disabled = false;
                this._fill(position.coords.latitude.toFixed(6), position.coords.longitude.toFixed(6));
                this.el.querySelector(".o_srm_geo_details").open = true;
                this._showStatus("found");
            },
            () => {
                button.disabled = false;
                this._showStatus("failed");
            },
            {enableHighAccuracy: true, timeout: 20000, maximumAge: 60000}
        );
    },

    _onClearClick(ev) {
        ev.preventDefault();
        this._fill("", "");
        this._showStatus("none");
    },
});
