// The home page at `/`: the articles, a page at a time, each with where it came from (title,
// publisher, authors, date, language) and its counts, filterable by publisher and language
// (`&publisher=`, `&language=`, `&page=` in the URL); then the actors by kind, when they come.
// One request for the page of articles (its facets give the filters' options), one for the
// actors.

import * as api from "./api.js";
import { h, replace } from "./dom.js";
import { actorKindPlural, languageName, plural, provenance, textLang } from "./format.js";
import { link, navigate, withSearch } from "./links.js";
import { pageNumber, pagerNav } from "./pager.js";

export const ARTICLES_PER_PAGE = 20;
const FILTERS = ["publisher", "language"];

/** The home page's address with `changes` (null removes a key); a new filter starts at page 1. */
function homeHref(p, changes) {
  const view = {};
  for (const key of [...FILTERS, "page"]) view[key] = p.get(key);
  return link({ ...view, ...changes });
}

/** An article as a card: its title (to its page), provenance, counts and keywords. */
export function articleCard(article, { heading = "h2", titleLink = true } = {}) {
  return h(
    "section",
    { class: "card article-card", "aria-label": article.title, dataset: { article: article.id } },
    h(
      heading,
      { class: "article-title", lang: textLang(article.language) },
      titleLink ? h("a", { href: link({ article: article.id }), text: article.title }) : article.title,
    ),
    provenance(article)
      ? h(
          "p",
          { class: "provenance" },
          article.source_url
            ? h("a", { href: article.source_url, rel: "noopener noreferrer", text: provenance(article) })
            : provenance(article),
        )
      : null,
    h(
      "ul",
      { class: "stats" },
      ["sections", "actors", "figures", "claims"].map((k) =>
        h("li", {}, h("strong", { text: article.counts[k] }), ` ${k}`),
      ),
    ),
    article.keywords.length
      ? h(
          "p",
          { class: "keywords" },
          h("span", { class: "visually-hidden", text: "Keywords: " }),
          article.keywords.map((k) => h("a", { class: "chip", href: withSearch({ q: k }), text: k })),
        )
      : null,
  );
}

function filterSelect(p, name, label, counts, text = (v) => v) {
  const id = `${name}-filter`;
  const current = p.get(name) ?? "";
  const values = counts.filter((c) => c.value !== null);
  // A value in the URL that no article has any more still shows, selected, to be undone.
  if (current && !values.some((c) => c.value === current)) values.push({ value: current, count: 0 });
  return h(
    "p",
    { class: "filter" },
    h("label", { for: id, text: `${label} ` }),
    h(
      "select",
      {
        id,
        onchange: (e) =>
          navigate(homeHref(p, { [name]: e.currentTarget.value || null, page: null }), { focus: false }),
      },
      h("option", { value: "", text: "All" }),
      values.map((c) =>
        h("option", { value: c.value, selected: c.value === current, text: `${text(c.value)} (${c.count})` }),
      ),
    ),
  );
}

async function articleList(box, p) {
  const n = pageNumber(p.get("page"));
  const filters = Object.fromEntries(FILTERS.map((k) => [k, p.get(k)]));
  box.setAttribute("aria-busy", "true");
  const page = await api.getPage("/v1/articles", {
    ...filters,
    limit: ARTICLES_PER_PAGE,
    offset: (n - 1) * ARTICLES_PER_PAGE,
    facet: FILTERS,
  });
  const pager = () =>
    pagerNav(page, {
      label: "Pages of articles",
      hrefFor: (to) => homeHref(p, { page: to > 1 ? to : null }),
    });
  replace(
    box,
    h(
      "div",
      { class: "filters" },
      filterSelect(p, "publisher", "Publisher", page.facets.publisher),
      filterSelect(p, "language", "Language", page.facets.language, (v) => languageName(v) ?? v),
    ),
    h("p", { class: "muted", id: "articles-count", role: "status", text: plural(page.total, "article") }),
    page.total > page.items.length ? pager() : null,
    page.items.length
      ? h(
          "ol",
          { class: "article-list", start: page.offset + 1 },
          page.items.map((a) => h("li", {}, articleCard(a))),
        )
      : h(
          "p",
          { class: "muted", id: "articles-empty" },
          page.total ? "No article on this page. " : "No article matches. ",
          page.total ? h("a", { href: homeHref(p, { page: null }), text: "First page" }) : null,
        ),
    page.total > page.items.length ? pager() : null,
  );
  box.removeAttribute("aria-busy");
}

function actorGroups(actors) {
  const byKind = new Map();
  for (const a of actors) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
  return h(
    "section",
    { "aria-labelledby": "actors-heading" },
    h("h2", { id: "actors-heading", text: "Actors" }),
    actors.some((a) => !a.reviewed)
      ? h("p", {
          class: "note",
          text:
            `${plural(actors.filter((a) => !a.reviewed).length, "actor")} with a dashed border ` +
            "were proposed by the rules or the recognizer and are not yet reviewed.",
        })
      : null,
    h(
      "div",
      { class: "actor-groups" },
      [...byKind].map(([kind, list]) =>
        h(
          "div",
          { class: "actor-group" },
          h("h3", { text: actorKindPlural(kind) }),
          h(
            "ul",
            { class: "chips" },
            list
              .sort((a, b) => b.mentions - a.mentions)
              .map((a) =>
                h(
                  "li",
                  {},
                  h(
                    "a",
                    {
                      class: a.reviewed ? "chip" : "chip chip-proposed",
                      href: link({ actor: a.id }),
                      title: a.reviewed ? null : "Proposed by the rules or the recognizer; not yet reviewed.",
                    },
                    a.name,
                    h("span", { class: "count", title: "mentions", text: a.mentions }),
                  ),
                ),
              ),
          ),
        ),
      ),
    ),
  );
}

export async function homeView(p) {
  const box = h("div", { class: "articles" });
  // The first page is there before the view is shown; later ones replace it in place.
  await articleList(box, p);
  // The actors follow when they come (in a large corpus the list may not: see api.actors).
  const actorsBox = h("div", { class: "home-actors" });
  api
    .actors()
    .then((actors) =>
      replace(
        actorsBox,
        actors
          ? actorGroups(actors)
          : h("p", {
              class: "muted",
              text: "The list of actors is not available; search finds them by name.",
            }),
      ),
    );
  let shown = api.url("", Object.fromEntries([...FILTERS, "page"].map((k) => [k, p.get(k)])));
  return {
    title: "Articles",
    update: (q) => {
      const key = api.url("", Object.fromEntries([...FILTERS, "page"].map((k) => [k, q.get(k)])));
      if (key === shown) return;
      shown = key;
      articleList(box, q).catch((error) =>
        replace(
          box,
          h("p", { class: "error", role: "alert", text: `Could not load the articles: ${error.message}` }),
        ),
      );
    },
    content: h("div", { class: "home" }, h("h1", { text: "Articles" }), box, actorsBox),
  };
}
