// The facets beside the search results: filter by type (toggle buttons, counted over every
// type even while some are filtered out), by article, by section, and the actors the results
// name. The articles offered are the search's article facet, counted over every result; each
// is named by a hit of this page when one is in it (else by its id), and `from=` filters by
// the API's `article`. Past 10,000 results a count may be low (`facets_exact: false`): the
// counts then show as "≥ n", with a line that says so.

import { h } from "./dom.js";
import { RESULT_TYPES, citation, sectionLabel } from "./format.js";
import { link, navigate, withSearch } from "./links.js";

export const SECTION_CHIPS = 5;
const ARTICLE_CHIPS = 6;
const BOUND_NOTE = "Counts may be low: there are more than 10,000 results.";

/** A facet's count, marked as a lower bound when its page's counts may be low. */
function countChip(count, exact) {
  return exact
    ? h("span", { class: "count", text: count })
    : h("span", { class: "count", text: `≥ ${count}`, title: "At least this many" });
}

/** The article filter: on, a chip to remove it; off, the articles the results are in. */
function articleFacet(request, counted, hits, names, exact) {
  if (request.article) {
    return h(
      "p",
      { class: "facet facet-article" },
      h("span", { class: "facet-name", text: "Article" }),
      h(
        "a",
        {
          class: "chip chip-on",
          href: withSearch({ from: null }),
          "aria-label": "Remove the article filter",
        },
        names.article?.title ?? request.article,
        h("span", { "aria-hidden": "true", text: " ×" }),
      ),
    );
  }
  if (!counted || counted.length < 2) return null;
  const meta = new Map(hits.filter((hit) => hit.article).map((hit) => [hit.article, hit.article_meta]));
  const top = counted
    .slice(0, ARTICLE_CHIPS)
    .map(({ value, count }) => ({ value, count, meta: meta.get(value) }));
  return h(
    "div",
    { class: "facet facet-article" },
    h("span", { class: "facet-name", text: "Articles", title: "Of all the results" }),
    h(
      "ul",
      { class: "chips" },
      top.map(({ value, meta, count }) =>
        h(
          "li",
          {},
          h(
            "a",
            {
              class: "chip",
              href: withSearch({ from: value, within: null }),
              title: citation(meta) || "Only results in this article",
              dataset: { article: value },
            },
            meta?.title ?? value,
            countChip(count, exact),
          ),
        ),
      ),
    ),
  );
}

export function facets(request, page, typePage, names) {
  const own = page.facets;
  const exact = page.facets_exact !== false;
  const typeFacets = typePage.facets;
  const typesExact = typePage.facets_exact !== false;
  const box = h("div", { class: "facets" });
  if (typeFacets.type.length > 1 || request.type.length) {
    // A type filtered on with no results is in no facet count: it still shows, pressed, so
    // that it can be turned off.
    const counted = new Set(typeFacets.type.map(({ value }) => value));
    const types = [
      ...typeFacets.type,
      ...request.type.filter((t) => !counted.has(t)).map((value) => ({ value, count: 0 })),
    ];
    const buttons = types.map(({ value, count }) => {
      const on = request.type.includes(value);
      const next = on ? request.type.filter((t) => t !== value) : [...request.type, value];
      return h(
        "button",
        {
          type: "button",
          class: "chip",
          "aria-pressed": String(on),
          dataset: { focusKey: `type:${value}` },
          onclick: () => navigate(withSearch({ type: next }), { focus: false }),
        },
        RESULT_TYPES[value] ?? value,
        countChip(count, typesExact),
      );
    });
    box.append(
      h(
        "div",
        { class: "facet", role: "group", "aria-label": "Show only these types" },
        h("span", { class: "facet-name", text: "Type" }),
        buttons,
      ),
    );
  }
  const byArticle = articleFacet(request, own.article, page.items, names, exact);
  if (byArticle) box.append(byArticle);
  if (request.section) {
    const section = names.section.get(request.section);
    box.append(
      h(
        "p",
        { class: "facet" },
        h("span", { class: "facet-name", text: "Section" }),
        h(
          "a",
          {
            class: "chip chip-on",
            href: withSearch({ within: null }),
            "aria-label": "Remove the section filter",
          },
          section ? sectionLabel(section) : request.section,
          h("span", { "aria-hidden": "true", text: " ×" }),
        ),
      ),
    );
  } else if (own.section.length > 1) {
    box.append(
      h(
        "div",
        { class: "facet" },
        h("span", { class: "facet-name", text: "Sections" }),
        h(
          "ul",
          { class: "chips" },
          own.section.slice(0, SECTION_CHIPS).map(({ value, count }) =>
            h(
              "li",
              {},
              h(
                "a",
                {
                  class: "chip",
                  href: withSearch({ within: value }),
                  title: "Only results in this section",
                },
                sectionLabel(names.section.get(value) ?? { title: value }),
                countChip(count, exact),
              ),
            ),
          ),
        ),
      ),
    );
  }
  if (own.actor?.length) {
    box.append(
      h(
        "div",
        { class: "facet" },
        h("span", { class: "facet-name", text: "Actors" }),
        h(
          "ul",
          { class: "chips" },
          own.actor
            .slice(0, 8)
            .map(({ value, count }) =>
              h(
                "li",
                {},
                h(
                  "a",
                  { class: "chip", href: link({ actor: value }), title: "Open this actor" },
                  names.actor.get(value)?.name ?? value,
                  countChip(count, exact),
                ),
              ),
            ),
        ),
      ),
    );
  }
  if (!exact || !typesExact) box.append(h("p", { class: "facet-note", text: BOUND_NOTE }));
  return box;
}
