/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {MapRenderer} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_renderer.esm";
import {_t} from "@web/core/l10n/translation";
import {escape} from "@web/core/utils/strings";
import {patch} from "@web/core/utils/patch";

/* global L */

// a colour the server computed, used in a style attribute: nothing but a hex colour
const COLOR = /^#[0-9a-f]{3,8}$/i;

function safeColor(value) {
    return typeof value === "string" && COLOR.test(value) ? value : "";
}

// the methods a popup link may call: the record's public actions
const METHOD = /^action_[a-z0-9_]+$/;

function safeMethod(value) {
    return typeof value === "string" && METHOD.test(value) ? value : "";
}

// the outline of an area whose record has field_alert set
const ALERT_COLOR = "#dc3545";

/**
 * Three optional attributes of the map view, used by the parcel map:
 *
 * - ``field_color``: a field holding the hex colour of each record: its marker is a
 *   dot of that colour, its area is drawn in it;
 * - ``field_geojson``: a field holding the record's area as GeoJSON text, drawn on the
 *   map (invalid or missing areas are skipped: the marker remains);
 * - ``field_legend``: a selection field; the legend lists its values present on the
 *   map, in the order of the selection, with their colour and how many records have it;
 * - ``field_links``: a JSON field holding a list of ``{label, count, method, map_method}``:
 *   the popup shows "label: count", which opens what ``method`` of the record returns (an
 *   action, e.g. the list of the records about it), and a map icon for ``map_method``;
 * - ``field_alert``: a boolean field; the markers of the records where it is set get a
 *   red ring, their areas a red dashed outline, and the legend says how many they are.
 *
 * The fields are read with the other fields of the map (search_read as the user).
 * A model without ``date_localization`` (which the map asks for to refresh marker
 * images) is read without it.
 */
patch(MapRenderer.prototype, {
    setup() {
        const attrs = this.props.archInfo.arch.attributes;
        this.fieldColor = attrs.field_color?.value;
        this.fieldGeojson = attrs.field_geojson?.value;
        this.fieldLegend = attrs.field_legend?.value;
        this.fieldLinks = attrs.field_links?.value;
        this.fieldAlert = attrs.field_alert?.value;
        this.srmAreaLayer = null;
        this.srmLinksBound = false;
        this.srmLegend = null;
        super.setup(...arguments);
    },

    getFields() {
        const fields = super.getFields();
        for (const name of [this.fieldColor, this.fieldGeojson, this.fieldLegend, this.fieldLinks, this.fieldAlert]) {
            if (name && !fields.includes(name)) {
                fields.push(name);
            }
        }
        if (this.props.fields && !("date_localization" in this.props.fields)) {
            return fields.filter((name) => name !== "date_localization");
        }
        return fields;
    },

    prepareMarkerOptions(record) {
        const options = super.prepareMarkerOptions(record);
        const color = this.fieldColor && safeColor(record[this.fieldColor]);
        if (color && !this.fieldMarkerIconImage) {
            const alert = this.fieldAlert && record[this.fieldAlert];
            options.icon = L.divIcon({
                className: alert ? "o_srm_map_marker o_srm_map_marker_alert" : "o_srm_map_marker",
                html: `<span class="o_srm_map_marker_dot" style="background-color: ${color}"></span>`,
                iconSize: [20, 20],
                iconAnchor: [10, 10],
                popupAnchor: [0, -10],
            });
        }
        return options;
    },

    preparePopUpData(record) {
        const content = super.preparePopUpData(record);
        const links = (this.fieldLinks && record[this.fieldLinks]) || [];
        const items = [];
        for (const link of Array.isArray(links) ? links : []) {
            const method = safeMethod(link.method);
            if (!method) {
                continue;
            }
            const mapMethod = safeMethod(link.map_method);
            const label = `${escape(link.label || "")}: ${escape(link.count ?? "")}`;
            const mapTitle = escape(_t("On the map"));
            items.push(
                `<li><a href="#" class="o_srm_map_link" data-res-id="${record.id}" data-method="${method}">${label}</a>` +
                    (mapMethod
                        ? ` <a href="#" class="o_srm_map_link o_srm_map_link_map" data-res-id="${record.id}" data-method="${mapMethod}" title="${mapTitle}" aria-label="${mapTitle}"><i class="fa fa-map-marker"></i></a>`
                        : "") +
                    "</li>"
            );
        }
        // outside the selector of the record: a link opens its list, not the record
        return items.length ? `${content}<ul class="o_srm_map_links">${items.join("")}</ul>` : content;
    },

    /** Links of the popups: what the record's method returns (an action), opened. */
    srmBindLinks() {
        if (this.srmLinksBound || !this.fieldLinks) {
            return;
        }
        this.srmLinksBound = true;
        this.leafletMap.on("popupopen", (ev) => {
            for (const link of ev.popup.getElement()?.querySelectorAll(".o_srm_map_link") || []) {
                link.addEventListener("click", async (click) => {
                    click.preventDefault();
                    const method = safeMethod(link.dataset.method);
                    const resId = parseInt(link.dataset.resId, 10);
                    if (method && resId) {
                        const action = await this.orm.call(this.resModel, method, [[resId]]);
                        await this.action.doAction(action);
                    }
                });
            }
        });
    },

    renderMarkers() {
        super.renderMarkers();
        if (!this.leafletMap) {
            return;
        }
        this.srmBindLinks();
        this.srmRenderAreas();
        this.srmRenderLegend();
    },

    srmRenderAreas() {
        if (this.srmAreaLayer) {
            this.leafletMap.removeLayer(this.srmAreaLayer);
            this.srmAreaLayer = null;
        }
        if (!this.fieldGeojson) {
            return;
        }
        const layer = L.featureGroup();
        for (const record of this.records || []) {
            const text = record[this.fieldGeojson];
            if (!text) {
                continue;
            }
            let area = null;
            try {
                const color = safeColor(record[this.fieldColor]) || "#3388ff";
                const alert = this.fieldAlert && record[this.fieldAlert];
                const style = alert
                    ? {color: ALERT_COLOR, weight: 4, dashArray: "6 4", fillColor: color, fillOpacity: 0.3}
                    : {color, weight: 2, fillColor: color, fillOpacity: 0.3};
                area = L.geoJSON(JSON.parse(text), {
                    className: alert ? "o_srm_map_area o_srm_map_area_alert" : "o_srm_map_area",
                    style: () => style,
                });
            } catch {
                continue;
            }
            area.eachLayer((shape) => {
                shape.bindPopup(L.popup().setContent(this.preparePopUpData(record)));
                shape.on("popupopen", (ev) => {
                    const selector = ev.popup.getElement()?.querySelector(".o_map_selector");
                    if (selector) {
                        selector.addEventListener("click", (click) => {
                            click.preventDefault();
                            this.onClickLeafletPopup(record);
                        });
                    }
                });
            });
            layer.addLayer(area);
        }
        this.srmAreaLayer = layer;
        // under the markers
        layer.addTo(this.leafletMap);
        layer.bringToBack();
        const bounds = layer.getBounds();
        if (bounds.isValid() && !this.mainLayer?.getBounds().isValid()) {
            this.leafletMap.fitBounds(bounds.pad(0.1));
        }
    },

    srmRenderLegend() {
        if (this.srmLegend) {
            this.srmLegend.remove();
            this.srmLegend = null;
        }
        const field = this.fieldLegend && this.props.fields?.[this.fieldLegend];
        if (!field || !this.fieldColor) {
            return;
        }
        const entries = [];
        for (const [key, label] of field.selection || []) {
            const records = (this.records || []).filter((record) => record[this.fieldLegend] === key);
            if (records.length) {
                entries.push({label, count: records.length, color: safeColor(records[0][this.fieldColor])});
            }
        }
        const alertField = this.fieldAlert && this.props.fields?.[this.fieldAlert];
        const alerts = alertField ? (this.records || []).filter((record) => record[this.fieldAlert]).length : 0;
        if (!entries.length && !alerts) {
            return;
        }
        const legend = L.control({position: "bottomright"});
        legend.onAdd = () => {
            // built from text nodes: labels are never read as HTML
            const container = L.DomUtil.create("div", "o_srm_map_legend leaflet-control");
            const title = L.DomUtil.create("div", "o_srm_map_legend_title", container);
            title.textContent = field.string;
            for (const entry of entries) {
                const row = L.DomUtil.create("div", "o_srm_map_legend_entry", container);
                const dot = L.DomUtil.create("span", "o_srm_map_marker_dot", row);
                dot.style.backgroundColor = entry.color;
                const text = L.DomUtil.create("span", "o_srm_map_legend_label", row);
                text.textContent = `${entry.label} (${entry.count})`;
            }
            if (alerts) {
                const row = L.DomUtil.create("div", "o_srm_map_legend_entry o_srm_map_legend_alert", container);
                L.DomUtil.create("span", "o_srm_map_marker_dot o_srm_map_marker_ring", row);
                const text = L.DomUtil.create("span", "o_srm_map_legend_label", row);
                text.textContent = `${alertField.string} (${alerts})`;
            }
            return container;
        };
        legend.addTo(this.leafletMap);
        this.srmLegend = legend;
    },
});
