// The panel for a selected figure: its normalised value, comparator, period and context, the
// article it is from, and the figures of other articles about the same thing (compare.js).

import { h } from "./dom.js";
import { claimBadge } from "./claims.js";
import { compareSources } from "./compare.js";
import { CHANGES, COMPARATORS, citation, fullValue, period } from "./format.js";
import { link } from "./links.js";

/** The panel's content for `figure`; `claims` and `actorNames` are the section's, by id. */
export function figureDetails(figure, claims, actorNames) {
  const claim = figure.claim ? claims.get(figure.claim) : null;
  const row = (term, ...definition) => [h("dt", { text: term }), h("dd", {}, ...definition)];
  return [
    h("p", { class: "figure-quote" }, "“", h("strong", { text: figure.quote }), "”"),
    h(
      "dl",
      { class: "facts" },
      row("Value", h("span", { class: "figure-value", text: fullValue(figure) })),
      row(
        "Comparator",
        h("span", { class: "figure-comparator", text: COMPARATORS[figure.comparator] ?? figure.comparator }),
        " ",
        h("code", { text: figure.comparator }),
      ),
      row("Period", h("span", { class: "figure-period", text: period(figure) ?? "none given" })),
      figure.change
        ? row("Change", h("span", { class: "figure-change", text: CHANGES[figure.change] ?? figure.change }))
        : null,
      row("Kind", figure.kind),
      figure.measure ? row("Measure", figure.measure) : null,
      figure.actors.length
        ? row(
            "Actors",
            figure.actors.map((a, i) => [
              i ? ", " : "",
              h("a", { href: link({ actor: a }), text: actorNames.get(a) ?? a }),
            ]),
          )
        : null,
      claim ? row("Claim", claimBadge(claim), " ", claim.text) : null,
      figure.article_meta
        ? row(
            "Article",
            h("a", {
              class: "figure-article",
              href: link({ article: figure.article }),
              text: citation(figure.article_meta),
            }),
          )
        : null,
    ),
    h(
      "p",
      { class: "small" },
      h("a", { href: link({ view: "figures", kind: figure.kind }), text: `All ${figure.kind} figures` }),
      " · ",
      h("a", { href: `/v1/figures/${encodeURIComponent(figure.id)}`, text: "JSON" }),
    ),
    compareSources(figure),
  ];
}
