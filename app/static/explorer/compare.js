// "Compare sources": under a selected figure, the figures of other articles about the same thing
// (`GET /v1/figures/{id}/related`, most alike first), each with its value, whether it agrees
// with this one, how alike the two measures are, and the article it is from; ten at a time.

import * as api from "./api.js";
import { h } from "./dom.js";
import { citation, describe, period } from "./format.js";
import { link } from "./links.js";
import { pagedList } from "./pager.js";

export const RELATED_PAGE = 10;

function relatedItem(figure) {
  const when = period(figure);
  return h(
    "li",
    { class: `related related-${figure.agrees ? "agrees" : "differs"}`, dataset: { figure: figure.id } },
    h("span", {
      class: `badge badge-${figure.agrees ? "agrees" : "differs"}`,
      text: figure.agrees ? "agrees" : "differs",
    }),
    " ",
    h("a", {
      class: "related-value",
      href: link({ section: figure.section, figure: figure.id }),
      text: describe(figure),
    }),
    when ? h("span", { class: "muted", text: ` (${when})` }) : null,
    h("span", {
      class: "related-similarity small muted",
      title: "How alike the two measures are",
      text: ` · ${Math.round(figure.similarity * 100)}% alike`,
    }),
    h("span", { class: "related-source small", text: citation(figure.article_meta) }),
  );
}

/** The panel's "Compare sources" part for `figure`. */
export function compareSources(figure) {
  return h(
    "section",
    { class: "compare", "aria-labelledby": "compare-heading" },
    h("h3", { id: "compare-heading", text: "Compare sources" }),
    pagedList({
      label: "Pages of related figures",
      limit: RELATED_PAGE,
      empty: "No figure in another article is about the same thing.",
      load: (offset, limit) =>
        api.getPage(`/v1/figures/${encodeURIComponent(figure.id)}/related`, { offset, limit }),
      draw: (items, page) => {
        const agreeing = items.filter((f) => f.agrees).length;
        return [
          h("p", {
            class: "compare-summary small",
            text:
              page.total === items.length
                ? `${agreeing} of ${items.length} agree.`
                : `${agreeing} of these ${items.length} agree.`,
          }),
          h("ol", { class: "related-list" }, items.map(relatedItem)),
        ];
      },
    }),
  );
}
