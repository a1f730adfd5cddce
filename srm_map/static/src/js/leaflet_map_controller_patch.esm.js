/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {MapController} from "@web_view_leaflet_map/views/leaflet_map/leaflet_map_controller.esm";
import {SearchBar} from "@web/search/search_bar/search_bar";
import {patch} from "@web/core/utils/patch";
import {useSearchBarToggler} from "@web/search/search_bar/search_bar_toggler";

/** The map view of web_view_leaflet_map with the search bar of the other views. */
MapController.components = {...MapController.components, SearchBar};

patch(MapController.prototype, {
    setup() {
        super.setup(...arguments);
        this.searchBarToggler = useSearchBarToggler();
    },
});
