// The figures view: a chart of the largest money figures over their periods, then the table of
// figures a page at a time, filterable by kind (`&kind=`) and article (`&article=`), with its
// CSV download of every matching row. At most three requests, whatever the corpus: the chart's
// figures, the table's page, and the count of each kind.

import * as api from "./api.js";
import { h, replace } from "./dom.js";
import { chartable, moneyChart } from "./chart.js";
import { csvLink, figureTable } from "./figure-table.js";
import { plural } from "./format.js";
import { link, navigate } from "./links.js";
import { pageNumber, pagerNav } from "./pager.js";

export const FIGURES_PER_PAGE = 50;
// The chart draws the largest money figures, at most this many (one API page).
export const CHART_FIGURES = 100;

const figuresHref = (p, changes) =>
  link({ view: "figures", kind: p.get("kind"), article: p.get("article"), page: p.get("page"), ...changes });

export async function figuresView(p) {
  const article = p.get("article");
  const [money, counted, about] = await Promise.all([
    api.getJSON("/v1/figures", { kind: "money", article, sort: "-value", limit: CHART_FIGURES }),
    // How many figures of each kind: the list's facet, counted by the API over every figure.
    api.once(`figure-kinds:${article}`, () =>
      api.getJSON("/v1/figures", { facet: "kind", article, limit: 1 }),
    ),
    article ? api.article(article) : null,
  ]);
  const perKind = new Map(counted.facets.kind.map((c) => [c.value, c.count]));
  const kinds = [...perKind.keys()].sort();
  const drawn = chartable(money.items);
  const units = [...new Set(drawn.map((f) => f.unit))];
  // The main column's content width, while it still shows "Loading…".
  const main = document.getElementById("main");
  const style = window.getComputedStyle(main);
  const inner = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const chartWidth = Math.max(300, Math.min(720, inner));

  const tableBox = h("div", { "aria-live": "polite" });
  const select = h(
    "select",
    {
      id: "kind-filter",
      onchange: (e) =>
        navigate(figuresHref(p, { kind: e.currentTarget.value, page: null }), {
          replaceEntry: true,
          focus: false,
        }),
    },
    h("option", { value: "", text: "All kinds" }),
    kinds.map((k) => h("option", { value: k, text: `${k} (${perKind.get(k) ?? 0})` })),
  );
  let shown = null;
  let token = 0;
  const showTable = async (q) => {
    const kind = kinds.includes(q.get("kind")) ? q.get("kind") : "";
    const n = pageNumber(q.get("page"));
    const key = `${kind}/${n}`;
    if (key === shown) return;
    shown = key;
    const mine = ++token;
    select.value = kind;
    tableBox.setAttribute("aria-busy", "true");
    const filters = { kind, article };
    const page = await api.getPage("/v1/figures", {
      ...filters,
      limit: FIGURES_PER_PAGE,
      offset: (n - 1) * FIGURES_PER_PAGE,
    });
    if (mine !== token) return;
    const pager = () =>
      pagerNav(page, {
        label: "Pages of figures",
        hrefFor: (to) => figuresHref(q, { page: to > 1 ? to : null }),
      });
    const name = ["figures", article, kind].filter(Boolean).join("-");
    replace(
      tableBox,
      h("p", { class: "muted", id: "figures-count", text: plural(page.total, "figure") }),
      csvLink(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), name),
      page.total > page.items.length ? pager() : null,
      figureTable(page.items, null, "figures-table-heading"),
      page.total > page.items.length ? pager() : null,
    );
    tableBox.removeAttribute("aria-busy");
  };
  const notCharted = money.items.length - drawn.length;
  return {
    title: about ? `Figures of ${about.title}` : "Figures",
    update: (q) =>
      showTable(q).catch((error) =>
        replace(
          tableBox,
          h("p", { class: "error", role: "alert", text: `Could not load figures: ${error.message}` }),
        ),
      ),
    content: h(
      "div",
      { class: "figures-view" },
      h("h1", { text: "Figures" }),
      about
        ? h(
            "p",
            { class: "facet" },
            "Of ",
            h("a", { href: link({ article }), text: about.title }),
            " ",
            h("a", {
              class: "chip chip-on",
              href: figuresHref(p, { article: null, page: null }),
              text: "All articles ×",
            }),
          )
        : null,
      h(
        "section",
        { "aria-labelledby": "chart-heading" },
        h("h2", { id: "chart-heading", text: "Money over time" }),
        units.length
          ? units.map((unit) => {
              const labelId = `chart-title-${unit}`;
              const figures = drawn.filter((f) => f.unit === unit);
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
        money.total > money.items.length
          ? h("p", {
              class: "small",
              text: `The chart draws the ${money.items.length} largest of ${plural(money.total, "money figure")}.`,
            })
          : null,
        notCharted
          ? h("p", {
              class: "small",
              text: `${plural(notCharted, "money figure")} without a period ${notCharted === 1 ? "is" : "are"} listed below but not charted.`,
            })
          : null,
      ),
      h(
        "section",
        { "aria-labelledby": "figures-table-heading" },
        h("h2", { id: "figures-table-heading", text: about ? "Its figures" : "All figures" }),
        h("p", { class: "filter" }, h("label", { for: "kind-filter", text: "Kind " }), select),
        tableBox,
      ),
    ),
  };
}
