/** @odoo-module **/
// Copyright 2026 SRM Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { Component, onWillStart, useState } from "@odoo/owl";
import { evaluateExpr } from "@web/core/py_js/py";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { useService } from "@web/core/utils/hooks";
import { View } from "@web/views/view";
import { FormViewDialog } from "@web/views/view_dialogs/form_view_dialog";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

/**
 * The records of another model linked to the form's record, as a list read
 * only when it is shown.
 *
 * A one2many or many2many field with an inline list is read with the form,
 * whichever page it is on. This widget reads its records (as the user, record
 * rules applied) when it is rendered: a notebook page renders its content when
 * it is opened, so opening a stakeholder does not read the history of a page
 * nobody looks at. A row opens its record.
 *
 *     <widget name="srm_related_list" model="srm.engagement" field="partner_ids"
 *             view_ref="srm_base.srm_engagement_view_list_timeline"/>
 *
 * ``field`` lists the records whose field holds the form's record; ``domain``,
 * evaluated on the form's record (``id``...), selects them otherwise:
 *
 *     <widget name="srm_related_list" model="srm.issue"
 *             domain="['|', ('complainant_id', 'child_of', id), ('partner_ids', 'child_of', id)]"/>
 *
 * With ``create="1"``, users who may create such records add one linked to the
 * form's record (``field`` set to it) in a dialog; an editable list view
 * (``view_ref``) lets them change the records in place.
 */
export class SrmRelatedList extends Component {
    static template = "srm_base.SrmRelatedList";
    static components = { View };
    static props = {
        ...standardWidgetProps,
        resModel: String,
        field: { type: String, optional: true },
        domain: { type: String, optional: true },
        viewRef: { type: String, optional: true },
        create: { type: Boolean, optional: true },
    };

    setup() {
        this.action = useService("action");
        this.dialog = useService("dialog");
        // the list is read again after a record is added
        this.state = useState({ version: 0 });
        this.mayCreate = false;
        onWillStart(async () => {
            if (this.props.create && this.props.field) {
                this.mayCreate = await user.checkAccessRight(this.props.resModel, "create");
            }
        });
    }

    get canCreate() {
        return this.mayCreate && Boolean(this.props.record.resId);
    }

    onAdd() {
        const { record, resModel, field } = this.props;
        this.dialog.add(FormViewDialog, {
            resModel,
            context: { [`default_${field}`]: record.resId },
            onRecordSaved: () => {
                this.state.version++;
            },
        });
    }

    get viewProps() {
        const { record, resModel, field, viewRef } = this.props;
        const domain = this.props.domain
            ? evaluateExpr(this.props.domain, record.evalContext)
            : [[field, "in", [record.resId]]];
        return {
            resModel,
            type: "list",
            views: [[false, "list"]],
            domain,
            context: viewRef ? { list_view_ref: viewRef } : {},
            display: { controlPanel: false },
            allowSelectors: false,
            selectRecord: (resId) =>
                this.action.doAction({
                    type: "ir.actions.act_window",
                    res_model: resModel,
                    res_id: resId,
                    views: [[false, "form"]],
                }),
        };
    }
}

export const srmRelatedList = {
    component: SrmRelatedList,
    extractProps: ({ attrs }) => ({
        resModel: attrs.model,
        field: attrs.field,
        domain: attrs.domain,
        viewRef: attrs.view_ref,
        create: Boolean(attrs.create) && !["0", "false", "False"].includes(attrs.create),
    }),
};

registry.category("view_widgets").add("srm_related_list", srmRelatedList);
