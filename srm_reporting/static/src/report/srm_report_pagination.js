/** @odoo-module ignore */
/*
 * Page layout of SRM reports printed by a wkhtmltopdf linked against the system's
 * Qt 5 WebKit (the wkhtmltopdf package of Debian and Ubuntu). That WebKit neither
 * repeats a table's header row on each page nor keeps a table row on one page: a
 * long table is cut wherever the page ends. The wkhtmltopdf build with patched Qt
 * (WebKit 534) does both itself, from the report CSS; this script leaves it alone.
 *
 * Before printing, the document is laid out at the width WebKit prints it at; the
 * rows of each table, and the blocks between tables, are then placed on pages of
 * the printed height: a row that would cross the end of a page starts a new table
 * on the next page, with a copy of the header row, and a heading stays with what
 * follows it. The page (printable width and height in millimetres, without the
 * margins) comes from the report's paper format, in the data-srm-print-width and
 * data-srm-print-height attributes of the element to lay out.
 *
 * Plain ES5: the patched build reads this file too.
 */
(function () {
    "use strict";

    // WebKit prints a page laid out this many CSS pixels per millimetre of printable
    // width (96 px per inch, times its minimum shrink factor for printing)
    var LAYOUT_PX_PER_MM = (96 / 25.4) * 1.3;
    // a page ends a little before its exact height: rounding of borders and rows
    var PAGE_SAFETY_PX = 3;
    // a block taller than a page is cut by lines: each cut may push the rest down by a line
    var LINE_PX = 24;

    function needsLayout() {
        var agent = window.navigator.userAgent;
        var webkit = /AppleWebKit\/(\d+)/.exec(agent);
        return /wkhtmltopdf/.test(agent) && webkit && parseInt(webkit[1], 10) > 534;
    }

    function hasOwnText(el) {
        for (var node = el.firstChild; node; node = node.nextSibling) {
            if (node.nodeType === 3 && node.nodeValue.trim()) {
                return true;
            }
        }
        return false;
    }

    function forcedBreak(style, side) {
        var value = side === "before" ? style.pageBreakBefore : style.pageBreakAfter;
        return value === "always" || value === "left" || value === "right";
    }

    function tableRows(table) {
        var rows = [];
        for (var i = 0; i < table.tBodies.length; i++) {
            Array.prototype.push.apply(rows, table.tBodies[i].rows);
        }
        if (table.tFoot) {
            Array.prototype.push.apply(rows, table.tFoot.rows);
        }
        return rows;
    }

    /* The units placed on pages, in document order: rows of tables, blocks, and
       the page breaks the document asks for itself. */
    function collect(container, units) {
        var children = container.children;
        for (var i = 0; i < children.length; i++) {
            var el = children[i];
            var style = window.getComputedStyle(el);
            if (style.display === "none") {
                continue;
            }
            if (forcedBreak(style, "before")) {
                units.push({kind: "break", el: el, before: true});
            }
            if (!el.offsetHeight) {
                // nothing to place
            } else if (el.tagName === "TABLE" && tableRows(el).length) {
                var rows = tableRows(el);
                var head = el.tHead ? el.tHead.getBoundingClientRect().height : 0;
                for (var r = 0; r < rows.length; r++) {
                    units.push({kind: "row", el: rows[r], table: el, first: r === 0, head: head});
                }
            } else if (
                (el.tagName === "DIV" || el.tagName === "UL" || el.tagName === "OL") &&
                el.children.length &&
                !hasOwnText(el)
            ) {
                collect(el, units);
            } else {
                units.push({kind: "block", el: el, heading: /^H[1-6]$/.test(el.tagName)});
            }
            if (forcedBreak(style, "after")) {
                units.push({kind: "break", el: el, before: false});
            }
        }
    }

    function measure(units) {
        var scroll = window.pageYOffset || 0;
        for (var i = 0; i < units.length; i++) {
            var unit = units[i];
            var rect = unit.el.getBoundingClientRect();
            if (unit.kind === "break") {
                var margin = parseFloat(window.getComputedStyle(unit.el).marginTop) || 0;
                unit.top = unit.bottom = (unit.before ? rect.top - margin : rect.bottom) + scroll;
                continue;
            }
            // the first row of a table carries the table's header row
            unit.top = (unit.kind === "row" && unit.first ? unit.table.getBoundingClientRect().top : rect.top) + scroll;
            unit.bottom = rect.bottom + scroll;
            unit.marginTop = unit.kind === "block" ? parseFloat(window.getComputedStyle(unit.el).marginTop) || 0 : 0;
        }
    }

    /* Units before which a new page starts. The page being filled starts at document
       position pageStart; extra is what this script adds at its top (a copy of a
       header row), which the document does not have yet. */
    function plan(units, pageHeight) {
        var breaks = [];
        var pageStart = 0;
        var extra = 0;
        for (var i = 0; i < units.length; i++) {
            var unit = units[i];
            if (unit.kind === "break") {
                pageStart = unit.top;
                extra = 0;
                continue;
            }
            var top = unit.top - pageStart + extra;
            while ((unit.kind === "block" || unit.first) && top >= pageHeight) {
                // the page ended in the space above the block or table
                pageStart += pageHeight - extra;
                extra = 0;
                top = unit.top - pageStart;
            }
            var bottom = unit.bottom;
            var next = units[i + 1];
            var caption = next && next.kind === "row" && next.first && unit.bottom - unit.top <= 2 * LINE_PX;
            if ((unit.heading || caption) && next && next.kind !== "break") {
                // a heading, or a line or two introducing a table, stays with the
                // beginning of what follows it
                bottom = Math.max(bottom, Math.min(next.bottom, next.top + pageHeight / 4));
            }
            if (bottom - pageStart + extra <= pageHeight) {
                continue;
            }
            var start = unit.top - unit.marginTop;
            var added = unit.kind === "row" && !unit.first ? unit.head : 0;
            if (top > extra + 1 && bottom - start + added <= pageHeight) {
                breaks.push(unit);
                pageStart = start;
                extra = added;
                continue;
            }
            // taller than a page: it goes on over the next pages
            var used = unit.bottom - pageStart + extra;
            var pages = Math.floor(used / pageHeight);
            pageStart = unit.bottom - (used - pages * pageHeight) - pages * LINE_PX;
            extra = 0;
        }
        return breaks;
    }

    /* The rows from each of ``starts`` on go to a new table on the next page, which
       repeats the columns and the header row of ``table``. */
    function splitTable(table, starts) {
        var rows = tableRows(table);
        var colgroup = table.querySelector("colgroup");
        var previous = table;
        var chunk = null;
        var body = null;
        for (var i = 0; i < rows.length; i++) {
            var row = rows[i];
            if (starts.indexOf(row) >= 0) {
                chunk = table.cloneNode(false);
                chunk.style.pageBreakBefore = "always";
                if (colgroup) {
                    chunk.appendChild(colgroup.cloneNode(true));
                }
                if (table.tHead) {
                    chunk.appendChild(table.tHead.cloneNode(true));
                }
                body = document.createElement("tbody");
                chunk.appendChild(body);
                previous.parentNode.insertBefore(chunk, previous.nextSibling);
                previous = chunk;
            }
            if (!chunk) {
                continue;
            }
            if (row.parentNode.tagName === "TFOOT") {
                chunk.appendChild(row.parentNode);
            } else {
                body.appendChild(row);
            }
        }
    }

    function apply(breaks) {
        var tables = [];
        var starts = [];
        breaks.forEach(function (unit) {
            if (unit.kind === "block") {
                unit.el.style.pageBreakBefore = "always";
            } else if (unit.first) {
                unit.table.style.pageBreakBefore = "always";
            } else {
                var index = tables.indexOf(unit.table);
                if (index < 0) {
                    tables.push(unit.table);
                    starts.push([]);
                    index = tables.length - 1;
                }
                starts[index].push(unit.el);
            }
        });
        tables.forEach(function (table, index) {
            splitTable(table, starts[index]);
        });
    }

    function layOut(root) {
        var width = parseFloat(root.getAttribute("data-srm-print-width"));
        var height = parseFloat(root.getAttribute("data-srm-print-height"));
        if (!(width > 0 && height > 0)) {
            return;
        }
        var body = document.body;
        var layoutWidth = Math.round(width * LAYOUT_PX_PER_MM);
        body.style.width = layoutWidth + "px";
        body.style.maxWidth = "none";
        // content wider than the page makes WebKit print at a smaller scale
        body.style.overflow = "visible";
        layoutWidth = Math.max(layoutWidth, document.documentElement.scrollWidth);
        var pageHeight = Math.floor((layoutWidth * height) / width) - PAGE_SAFETY_PX;
        var units = [];
        collect(root, units);
        measure(units);
        apply(plan(units, pageHeight));
    }

    function run() {
        if (!needsLayout()) {
            return;
        }
        var roots = document.querySelectorAll("[data-srm-print-width]");
        for (var i = 0; i < roots.length; i++) {
            layOut(roots[i]);
        }
    }

    window.addEventListener("load", run);
})();
