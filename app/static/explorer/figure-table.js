// The table of figures (the figures view and an actor's page both list them), and the link to
// the same rows as a spreadsheet.

import { h } from "./dom.js";
import { CHANGES, COMPARATORS, citation, fullValue, period } from "./format.js";
import { link } from "./links.js";

// The same rows as a spreadsheet: every figure the filters match, as the API exports them.
export function csvLink(filters, name) {
  const query = new URLSearchParams({ ...filters, format: "csv", all: "true" });
  return h(
    "p",
    { class: "download" },
    h("a", { href: `/v1/figures?${query}`, download: `${name}.csv`, text: "Download CSV" }),
  );
}

/** "2.1" for section `russia-china-venezuela-2-1` of article `russia-china-venezuela` (section
 * ids are the article's id and the section's number), when `sectionsById` does not know it. */
function sectionNumber(figure, sectionsById) {
  const known = sectionsById?.get(figure.section);
  if (known) return known.number ?? known.title;
  const prefix = `${figure.article}-`;
  return figure.section.startsWith(prefix)
    ? figure.section.slice(prefix.length).replaceAll("-", ".")
    : figure.section;
}

export function figureTable(figures, sectionsById, labelledBy) {
  // A table wider than a phone scrolls inside its own focusable region.
  return h(
    "div",
    { class: "table-scroll", tabindex: "0", role: "region", "aria-labelledby": labelledBy },
    h(
      "table",
      { class: "figures" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Quote", "Kind", "Value", "Comparator", "Change", "Period", "Measure", "Section", "Article"].map(
            (t) => h("th", { scope: "col", text: t }),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        figures.map((f) =>
          h(
            "tr",
            {},
            h("td", {}, h("a", { href: link({ section: f.section, figure: f.id }), text: f.quote })),
            h("td", { text: f.kind }),
            h("td", { class: "num-cell", text: f.value === null ? "—" : fullValue(f) }),
            h("td", { text: COMPARATORS[f.comparator] ?? f.comparator }),
            h("td", { text: f.change ? (CHANGES[f.change] ?? f.change) : "—" }),
            h("td", { text: period(f) ?? "—" }),
            h("td", { text: f.measure ?? "" }),
            h(
              "td",
              {},
              h("a", {
                href: link({ section: f.section }),
                text: sectionNumber(f, sectionsById),
              }),
            ),
            h("td", { class: "figure-source", text: citation(f.article_meta) }),
          ),
        ),
      ),
    ),
  );
}
