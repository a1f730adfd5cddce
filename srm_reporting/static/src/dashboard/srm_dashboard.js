/** @odoo-module **/
/* Copyright 2026 SRM Suite Contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

import {Component, onMounted, onPatched, onWillStart, onWillUnmount, useRef, useState} from "@odoo/owl";
import {getColor} from "@web/core/colors/colors";
import {loadBundle} from "@web/core/assets";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {_t} from "@web/core/l10n/translation";

/**
 * SRM Overview: every figure comes from srm.dashboard.get_data (one call per
 * filter change) with the model and domain of the records behind it; clicking
 * a figure opens those records.
 */
export class SrmDashboard extends Component {
    static template = "srm_reporting.SrmDashboard";
    static props = {"*": true};

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({
            data: null,
            filters: {project_ids: [], date_from: false, date_to: false},
            error: false,
        });
        this.monthChartRef = useRef("monthChart");
        this.sentimentChartRef = useRef("sentimentChart");
        this.charts = [];
        onWillStart(async () => {
            await loadBundle("web.chartjs_lib");
            await this.load();
        });
        onMounted(() => this.renderCharts());
        onPatched(() => this.renderCharts());
        onWillUnmount(() => this.destroyCharts());
    }

    async load() {
        try {
            const data = await this.orm.call("srm.dashboard", "get_data", [], {
                filters: this.state.filters,
            });
            this.state.error = false;
            this.state.data = data;
            Object.assign(this.state.filters, data.filters);
        } catch (error) {
            if (error.data && error.data.message) {
                this.state.error = error.data.message;
            } else {
                throw error;
            }
        }
    }

    // ------------------------------------------------------------------
    // Filters
    // ------------------------------------------------------------------

    get selectedProjectId() {
        return this.state.filters.project_ids.length ? this.state.filters.project_ids[0] : "";
    }

    async onProjectChange(ev) {
        const value = parseInt(ev.target.value, 10);
        this.state.filters.project_ids = value ? [value] : [];
        await this.load();
    }

    async onDateChange(field, ev) {
        this.state.filters[field] = ev.target.value || false;
        await this.load();
    }

    // ------------------------------------------------------------------
    // Drill-down
    // ------------------------------------------------------------------

    openFigure(figure) {
        if (!figure) {
            return;
        }
        const views = (this.state.data.views || {})[figure.model] || [
            [false, "list"],
            [false, "form"],
        ];
        return this.actionService.doAction({
            type: "ir.actions.act_window",
            name: figure.label,
            res_model: figure.model,
            domain: figure.domain,
            views,
            target: "current",
            context: {create: false},
        });
    }

    // ------------------------------------------------------------------
    // Charts
    // ------------------------------------------------------------------

    destroyCharts() {
        for (const chart of this.charts) {
            chart.destroy();
        }
        this.charts = [];
    }

    renderCharts() {
        this.destroyCharts();
        const data = this.state.data;
        if (!data || !window.Chart) {
            return;
        }
        const byMonth = data.engagements_by_month;
        if (this.monthChartRef.el && byMonth.labels.length) {
            this.charts.push(
                new window.Chart(this.monthChartRef.el, {
                    type: "bar",
                    data: {
                        labels: byMonth.labels,
                        datasets: byMonth.datasets.map((dataset, index) => ({
                            label: dataset.label,
                            data: dataset.cells.map((cell) => cell.value),
                            backgroundColor: getColor(index, "light", byMonth.datasets.length),
                        })),
                    },
                    options: {
                        maintainAspectRatio: false,
                        animation: false,
                        scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}},
                        onClick: (event, elements) => {
                            if (elements.length) {
                                const {datasetIndex, index} = elements[0];
                                this.openFigure(byMonth.datasets[datasetIndex].cells[index]);
                            }
                        },
                    },
                })
            );
        }
        const sentiment = data.sentiment;
        if (this.sentimentChartRef.el && sentiment.length) {
            this.charts.push(
                new window.Chart(this.sentimentChartRef.el, {
                    type: "line",
                    data: {
                        labels: sentiment.map((point) => point.label),
                        datasets: [
                            {
                                label: _t("Average sentiment (-2 to +2)"),
                                data: sentiment.map((point) => point.value),
                                borderColor: getColor(0, "light", 1),
                                backgroundColor: getColor(0, "light", 1),
                                tension: 0.2,
                            },
                        ],
                    },
                    options: {
                        maintainAspectRatio: false,
                        animation: false,
                        scales: {y: {min: -2, max: 2}},
                        onClick: (event, elements) => {
                            if (elements.length) {
                                this.openFigure(sentiment[elements[0].index]);
                            }
                        },
                    },
                })
            );
        }
    }

    formatSentiment(value) {
        if (value === null || value === undefined) {
            return "–";
        }
        return (value > 0 ? "+" : "") + value.toFixed(2);
    }
}

registry.category("actions").add("srm_reporting.dashboard", SrmDashboard);
