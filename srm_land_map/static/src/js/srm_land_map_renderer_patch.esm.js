/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {MapRenderer} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_renderer.esm";
import {patch} from "@web/core/utils/patch";

/* global L */

// a colour the server computed, used in a style attribute: nothing but a hex colour
const COLOR = /^#[0-9a-f]{3,8}$/i;

function safeColor(value) {
    return typeof value === "string" && COLOR.test(value) ? value : "";
}

/**
 * Three optional attributes of the map view, used by the parcel map:
 *
 * - ``field_color``: a field holding the hex colour of each record: its marker is a
 *   dot of that colour, its area is drawn in it;
 * - ``field_geojson``: a field holding the record's area as GeoJSON text, drawn on the
 *   map (invalid or missing areas are skipped: the marker remains);
 * - ``field_legend``: a selection field; the legend lists its values present on the
 *   map, in the order of the selection, with their colour and how many records have it.
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
        this.srmAreaLayer = null;
        this.srmLegend = null;
        super.setup(...arguments);
    },

    getFields() {
        const fields = super.getFields();
        for (const name of [this.fieldColor, this.fieldGeojson, this.fieldLegend]) {
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
            options.icon = L.divIcon({
                className: "o_srm_map_marker",
                html: `<span class="o_srm_map_marker_dot" style="background-color: ${color}"></span>`,
                iconSize: [20, 20],
                iconAnchor: [10, 10],
                popupAnchor: [0, -10],
            });
        }
        return options;
    },

    renderMarkers() {
        super.renderMarkers();
        if (!this.leafletMap) {
            return;
        }
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
                area = L.geoJSON(JSON.parse(text), {
                    className: "o_srm_map_area",
                    style: () => ({color, weight: 2, fillColor: color, fillOpacity: 0.3}),
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
        if (!entries.length) {
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
            return container;
        };
        legend.addTo(this.leafletMap);
        this.srmLegend = legend;
    },
});
