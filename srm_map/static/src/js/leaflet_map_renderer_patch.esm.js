/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {Domain} from "@web/core/domain";
import {MapRenderer} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_renderer.esm";
import {escape} from "@web/core/utils/strings";
import {onWillUpdateProps} from "@odoo/owl";
import {patch} from "@web/core/utils/patch";

/**
 * The map view of web_view_leaflet_map, made to follow the search and to show
 * names and addresses as text:
 *
 * - the records are searched again when the filters of the search panel change;
 * - only records with coordinates are searched, so that the limit (the
 *   ``limit`` attribute of the view, else the action's) counts markers;
 * - the title and address of a popup are escaped: they are typed by users, or
 *   by anybody through the public grievance form.
 */
patch(MapRenderer.prototype, {
    setup() {
        super.setup(...arguments);
        onWillUpdateProps(async (nextProps) => {
            if (
                JSON.stringify(nextProps.domain) !== JSON.stringify(this.props.domain) ||
                JSON.stringify(nextProps.context) !== JSON.stringify(this.props.context)
            ) {
                await this.loadRecords(nextProps);
            }
        });
    },

    async loadRecords(props = this.props) {
        const lat = this.fieldLatitude;
        const lng = this.fieldLongitude;
        let domain = props.domain || [];
        if (lat && lng) {
            domain = Domain.and([
                domain,
                ["|", "|", "|", [lat, ">", 0], [lat, "<", 0], [lng, ">", 0], [lng, "<", 0]],
            ]).toList();
        }
        const archLimit = parseInt(
            this.props.archInfo.arch.getAttribute?.("limit") || "",
            10
        );
        this.records = await this.orm.searchRead(this.resModel, domain, this.getFields(), {
            limit: archLimit || props.limit || 80,
            context: props.context || {},
        });
    },

    preparePopUpData(record) {
        const title = escape(record[this.fieldTitle] || "");
        const address = escape(record[this.fieldAddress] || "").replace(/\n/g, "<br/>");
        return `<div class="o_map_selector o_srm_map_popup" data-res-id="${record.id}">
                <b>${title}</b>${address ? `<br/>${address}` : ""}
            </div>`;
    },
});
