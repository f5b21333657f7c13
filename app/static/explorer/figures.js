// The figures view: a chart of the money figures over their periods, then a table of every
// figure, filterable by kind (`&kind=`), with its CSV download.

import * as api from "./api.js";
import { h, replace } from "./dom.js";
import { chartable, moneyChart } from "./chart.js";
import { csvLink, figureTable } from "./figure-table.js";
import { plural } from "./format.js";
import { link, navigate } from "./links.js";

export async function figuresView(p) {
  const [all, sections, counted] = await Promise.all([
    api.once("figures", () => api.getAll("/v1/figures")),
    api.sections(),
    // How many figures of each kind: the list's facet, counted by the API over every figure.
    api.once("figure-kinds", () => api.getJSON("/v1/figures", { facet: "kind", limit: 1 })),
  ]);
  const perKind = new Map(counted.facets.kind.map((c) => [c.value, c.count]));
  const byId = new Map(sections.map((s) => [s.id, s]));
  const money = all.filter((f) => f.kind === "money");
  const units = [...new Set(chartable(money).map((f) => f.unit))];
  const kinds = [...new Set(all.map((f) => f.kind))].sort();
  // The main column's content width, while it still shows "Loading…".
  const main = document.getElementById("main");
  const style = window.getComputedStyle(main);
  const inner = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const chartWidth = Math.max(300, Math.min(720, inner));

  const tableBox = h("div");
  const select = h(
    "select",
    {
      id: "kind-filter",
      onchange: (e) =>
        navigate(link({ view: "figures", kind: e.currentTarget.value }), {
          replaceEntry: true,
          focus: false,
        }),
    },
    h("option", { value: "", text: "All kinds" }),
    kinds.map((k) => h("option", { value: k, text: `${k} (${perKind.get(k) ?? 0})` })),
  );
  const showTable = (kind) => {
    select.value = kinds.includes(kind) ? kind : "";
    const shown = select.value ? all.filter((f) => f.kind === select.value) : all;
    replace(
      tableBox,
      h("p", {
        class: "muted",
        id: "figures-count",
        "aria-live": "polite",
        text: `${plural(shown.length, "figure")}`,
      }),
      csvLink(select.value ? { kind: select.value } : {}, select.value ? `figures-${select.value}` : "figures"),
      figureTable(shown, byId, "figures-table-heading"),
    );
  };
  return {
    title: "Figures",
    update: (q) => showTable(q.get("kind") ?? ""),
    content: h(
      "div",
      { class: "figures-view" },
      h("h1", { text: "Figures" }),
      h(
        "section",
        { "aria-labelledby": "chart-heading" },
        h("h2", { id: "chart-heading", text: "Money over time" }),
        units.length
          ? units.map((unit) => {
              const labelId = `chart-title-${unit}`;
              const figures = money.filter((f) => f.unit === unit);
              return h(
                "figure",
                { class: "chart" },
                moneyChart(figures, {
                  labelId,
                  width: chartWidth,
                  hrefFor: (f) => link({ section: f.section, figure: f.id }),
                }),
                h(
                  "figcaption",
                  { id: labelId },
                  `Money figures in ${unit} over the periods they cover; an arrow marks a period still running. `,
                  "Select a bar to read the figure in its section.",
                ),
              );
            })
          : h("p", { class: "muted", text: "No money figure has a period to chart." }),
        money.length > chartable(money).length
          ? h("p", {
              class: "small",
              text: `${plural(money.length - chartable(money).length, "money figure")} without a period ${money.length - chartable(money).length === 1 ? "is" : "are"} listed below but not charted.`,
            })
          : null,
      ),
      h(
        "section",
        { "aria-labelledby": "figures-table-heading" },
        h("h2", { id: "figures-table-heading", text: "All figures" }),
        h("p", { class: "filter" }, h("label", { for: "kind-filter", text: "Kind " }), select),
        tableBox,
      ),
    ),
  };
}
