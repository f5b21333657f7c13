// The explorer: one page, its state in the URL so every view is a deep link that survives a
// reload and the back button.
//
//   /?q=Sukhoi&type=claim&within=<section>   search results in the sidebar (with any main view)
//   /?section=<id>[&figure=<id>|&claim=<id>]  the section reader, a figure or claim selected
//   /?actor=<id>                              an actor's claims, figures, sections and relations
//   /?view=figures[&kind=money]               the money chart and the table of all figures
//   /                                         the overview: articles and actors
//
// Everything from the API reaches the DOM as text nodes (dom.js), never through innerHTML.

import * as api from "./api.js";
import { h, replace, snippetFragment } from "./dom.js";
import { chartable, moneyChart } from "./chart.js";
import {
  CHANGES,
  CLAIM_KINDS,
  COMPARATORS,
  RESULT_TYPES,
  actorKindPlural,
  citation,
  describe,
  fullValue,
  period,
  plural,
  provenance,
  sectionLabel,
} from "./format.js";
import { codePointIndexer, hasDescendant, highlight } from "./highlight.js";

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 200;
const SEARCH_KEYS = ["q", "type", "within"];
const WIDE = window.matchMedia("(min-width: 62rem)");

const $ = (id) => document.getElementById(id);
const els = {
  form: $("search-form"),
  input: $("q"),
  results: $("results"),
  resultsHeading: $("results-heading"),
  status: $("results-status"),
  resultsBody: $("results-body"),
  toc: $("toc"),
  tocBody: $("toc-body"),
  main: $("main"),
};

// ---------------------------------------------------------------------------------- URLs

const params = () => new URLSearchParams(window.location.search);

/** A link to a main view that keeps the current search (so the results stay beside it). */
function link(view = {}, { keepSearch = true } = {}) {
  const next = new URLSearchParams();
  if (keepSearch) {
    const now = params();
    for (const key of SEARCH_KEYS) for (const value of now.getAll(key)) next.append(key, value);
  }
  for (const [key, value] of Object.entries(view)) {
    if (value !== null && value !== undefined && value !== "") next.set(key, value);
  }
  const query = next.toString();
  return query ? `/?${query}` : "/";
}

/** The same URL with the search part changed; null values remove a key. */
function withSearch(changes) {
  const next = params();
  for (const [key, value] of Object.entries(changes)) {
    next.delete(key);
    for (const item of [value].flat()) if (item !== null && item !== undefined) next.append(key, item);
  }
  const query = next.toString();
  return query ? `/?${query}` : "/";
}

function navigate(href, { replaceEntry = false, focus = true } = {}) {
  window.history[replaceEntry ? "replaceState" : "pushState"](null, "", href);
  render({ focus });
}

// Same-page links are handled here, so a click changes the view without reloading the page;
// they are still real links (open in a new tab, copy the address, reload).
document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a[href]");
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || anchor.target) return;
  // getAttribute: an SVG <a>'s .href is not a string.
  const href = anchor.getAttribute("href");
  // An in-page jump ("Skip to content") is the browser's to make.
  if (href.startsWith("#")) return;
  const target = new URL(href, window.location.href);
  if (target.origin !== window.location.origin || target.pathname !== "/") return;
  event.preventDefault();
  navigate(target.pathname + target.search);
});

window.addEventListener("popstate", () => render({ focus: true }));

// -------------------------------------------------------------------------------- render

let mainKey = null;

/** Which main view the URL asks for; the view is rebuilt only when this changes. */
function mainViewKey(p) {
  if (p.get("section")) return `section:${p.get("section")}`;
  if (p.get("actor")) return `actor:${p.get("actor")}`;
  if (p.get("view") === "figures") return "figures";
  return "home";
}

async function render({ focus = false } = {}) {
  const p = params();
  renderSearch(p);
  markCurrentNav(p);
  const key = mainViewKey(p);
  if (key !== mainKey) {
    mainKey = key;
    await renderMain(key, p, focus);
  } else {
    updateMain(p);
  }
  markCurrentHit(p);
}

let mainToken = 0;

async function renderMain(key, p, focus) {
  const token = ++mainToken;
  els.main.setAttribute("aria-busy", "true");
  replace(els.main, h("p", { class: "muted loading", text: "Loading…" }));
  let view;
  try {
    if (key.startsWith("section:")) view = await sectionView(p.get("section"));
    else if (key.startsWith("actor:")) view = await actorView(p.get("actor"));
    else if (key === "figures") view = await figuresView(p);
    else view = await homeView();
  } catch (error) {
    view = errorView(error);
    // A view that failed is not open: asking for it again loads it again.
    if (token === mainToken) mainKey = null;
  }
  if (token !== mainToken) return; // A newer navigation won the race.
  document.title = `${view.title} · article-facts explorer`;
  replace(els.main, view.content);
  els.main.removeAttribute("aria-busy");
  updateCurrent = view.update ?? null;
  updateCurrent?.(p);
  if (focus) {
    // Moves screen readers and the keyboard to the new content, as a page load would.
    const heading = els.main.querySelector("h1");
    heading?.setAttribute("tabindex", "-1");
    (heading ?? els.main).focus({ preventScroll: Boolean(p.get("figure") || p.get("claim")) });
  }
}

// The open view's handler for URL changes that keep the view (a figure picked, a filter).
let updateCurrent = null;

/** The URL changed within the same main view (a figure or claim picked, a filter changed). */
function updateMain(p) {
  updateCurrent?.(p);
}

function markCurrentNav(p) {
  const view = mainViewKey(p);
  for (const a of document.querySelectorAll(".site-nav a[data-view]")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  for (const a of els.tocBody.querySelectorAll("a[data-section]")) {
    if (a.dataset.section === p.get("section")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

function errorView(error) {
  const notFound = error?.name === "ApiError" && error.status === 404;
  return {
    title: notFound ? "Not found" : "Error",
    content: h(
      "div",
      { class: "error", role: "alert" },
      h("h1", { text: notFound ? "Not found" : "Something went wrong" }),
      h("p", { text: error.message }),
      h("p", {}, h("a", { href: link(), text: "Back to the overview" })),
    ),
  };
}

// -------------------------------------------------------------------------------- search

let searchKey = null;
let searchAbort = null;
let typingTimer = 0;

function submitQuery({ moveFocus }) {
  window.clearTimeout(typingTimer);
  const q = els.input.value;
  const had = params().has("q");
  const href = q.trim() ? withSearch({ q }) : withSearch({ q: null, type: null, within: null });
  // Typing refines one search: it replaces the history entry rather than adding one per key.
  if (href !== window.location.pathname + window.location.search) {
    navigate(href, { replaceEntry: had, focus: false });
  }
  if (moveFocus && q.trim()) els.resultsHeading.focus();
}

els.input.addEventListener("input", () => {
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => submitQuery({ moveFocus: false }), TYPING_DELAY_MS);
});
els.form.addEventListener("submit", (event) => {
  event.preventDefault();
  submitQuery({ moveFocus: true });
});
// "/" anywhere outside a field jumps to the search box.
document.addEventListener("keydown", (event) => {
  const field = event.target.closest?.("input, textarea, select, [contenteditable]");
  if (event.key === "/" && !field && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    els.input.focus();
    els.input.select();
  }
});

function renderSearch(p) {
  const q = p.get("q") ?? "";
  // Typing leads here with the box's own value; Back and deep links bring another one.
  if (els.input.value !== q) els.input.value = q;
  if (!q.trim()) {
    searchAbort?.abort();
    searchKey = null;
    els.results.hidden = true;
    els.toc.hidden = false;
    return;
  }
  els.results.hidden = false;
  els.toc.hidden = true;
  const request = { q, type: p.getAll("type"), section: p.get("within") };
  const key = api.url("", request);
  if (key === searchKey) return;
  searchKey = key;
  runSearch(request);
}

async function runSearch(request) {
  searchAbort?.abort();
  const abort = new AbortController();
  searchAbort = abort;
  const { signal } = abort;
  els.results.setAttribute("aria-busy", "true");
  els.status.textContent = "Searching…";
  try {
    // With a type filter on, the API counts only those types; a second, one-item query
    // gives the counts of every type so the other filters can still be offered.
    const filtered = request.type.length > 0;
    const [page, unfiltered, sectionList, actorList] = await Promise.all([
      api.search({ ...request, limit: PAGE_SIZE }, { signal }),
      filtered ? api.search({ ...request, type: [], limit: 1 }, { signal }) : null,
      api.sections(),
      api.actors(),
    ]);
    const names = {
      section: new Map(sectionList.map((s) => [s.id, s])),
      actor: new Map(actorList.map((a) => [a.id, a])),
    };
    showResults(request, page, (unfiltered ?? page).facets, names);
  } catch (error) {
    if (signal.aborted) return;
    els.status.textContent = `Search failed: ${error.message}`;
    els.resultsBody.replaceChildren();
  } finally {
    if (!signal.aborted) els.results.removeAttribute("aria-busy");
  }
}

function showResults(request, page, typeFacets, names) {
  // The search these results belong to: a newer one cancels its "Show more" too.
  const current = searchAbort;
  const focusKey = document.activeElement?.dataset?.focusKey; // Kept across the re-render.
  const hadFocus = els.resultsBody.contains(document.activeElement);
  const words = `“${request.q.trim()}”`;
  const where = request.section
    ? ` in ${sectionLabel(names.section.get(request.section) ?? { title: request.section })}`
    : "";
  els.status.textContent =
    page.total === 0
      ? `No results for ${words}${where}.`
      : `${plural(page.total, "result")} for ${words}${where}.`;

  const list = h("ol", { class: "hits", start: 1 });
  const more = h("div", { class: "more" });
  appendHits(list, page.items, names);
  const addMore = (shown) => {
    replace(more);
    if (shown >= page.total) return;
    more.append(
      h("button", {
        type: "button",
        class: "button",
        text: `Show more (${page.total - shown} left)`,
        onclick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          try {
            const next = await api.search(
              { ...request, limit: PAGE_SIZE, offset: shown },
              { signal: current?.signal },
            );
            if (current?.signal.aborted) return;
            const first = appendHits(list, next.items, names);
            addMore(shown + next.items.length);
            markCurrentHit(params());
            first?.querySelector("a")?.focus(); // On to the first new result.
            els.status.textContent = `Showing ${shown + next.items.length} of ${plural(page.total, "result")}.`;
          } catch (error) {
            if (current?.signal.aborted) return;
            button.disabled = false;
            els.status.textContent = `Could not load more results: ${error.message}`;
          }
        },
      }),
    );
  };
  addMore(page.items.length);

  replace(
    els.resultsBody,
    page.mode === "any" && page.total > 0
      ? h("p", { class: "note", text: "No result has every word; these match some of them." })
      : null,
    page.suggestion
      ? h(
          "p",
          { class: "suggestion" },
          "Did you mean ",
          h("a", { href: withSearch({ q: page.suggestion }), text: page.suggestion }),
          "?",
        )
      : null,
    facets(request, page.facets, typeFacets, names),
    list,
    more,
  );
  markCurrentHit(params());
  const kept = focusKey ? els.resultsBody.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`) : null;
  if (kept) kept.focus();
  else if (hadFocus) {
    // The link that had focus (a section filter, a suggestion) is gone with the old results:
    // focus goes to the new results' summary rather than falling to the page.
    els.status.setAttribute("tabindex", "-1");
    els.status.focus();
  }
}

function facets(request, own, typeFacets, names) {
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
        h("span", { class: "count", text: count }),
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
          own.section
            .slice(0, 6)
            .map(({ value, count }) =>
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
                  h("span", { class: "count", text: count }),
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
                  h("span", { class: "count", text: count }),
                ),
              ),
            ),
        ),
      ),
    );
  }
  return box;
}

/** Where a hit leads: its section with the fact selected, or the actor. */
function hitHref(hit) {
  if (hit.type === "actor") return link({ actor: hit.id });
  if (hit.type === "figure") return link({ section: hit.section, figure: hit.id });
  if (hit.type === "claim") return link({ section: hit.section, claim: hit.id });
  return link({ section: hit.section ?? hit.id });
}

function appendHits(list, hits, names) {
  let first = null;
  for (const hit of hits) {
    const section = hit.section ? names.section.get(hit.section) : null;
    // A claim's title is its own (cut) text, which the snippet already shows in full: the
    // claim is named by its section instead. Sections get their number.
    const title =
      (hit.type === "claim" || hit.type === "section") && section ? sectionLabel(section) : hit.title;
    const item = h(
      "li",
      { class: `hit hit-${hit.type}`, dataset: { type: hit.type, id: hit.id } },
      h(
        "a",
        { class: "hit-link", href: hitHref(hit), dataset: { focusKey: `hit:${hit.type}:${hit.id}` } },
        h("span", { class: `badge badge-${hit.type}`, text: RESULT_TYPES[hit.type] ?? hit.type }),
        " ",
        h("span", { class: "hit-title", text: title }),
      ),
      h("p", { class: "snippet" }, snippetFragment(hit.snippet)),
      section && hit.type !== "section" && hit.type !== "claim"
        ? h("p", { class: "hit-meta", text: `in ${sectionLabel(section)}` })
        : null,
      hit.article_meta ? h("p", { class: "hit-meta hit-source", text: citation(hit.article_meta) }) : null,
    );
    list.append(item);
    first ??= item;
  }
  return first;
}

/** Marks the hit whose view is open. */
function markCurrentHit(p) {
  const id = p.get("figure") ?? p.get("claim") ?? p.get("actor") ?? p.get("section");
  for (const item of els.resultsBody.querySelectorAll(".hit")) {
    const anchor = item.querySelector("a");
    if (item.dataset.id === id) anchor.setAttribute("aria-current", "true");
    else anchor.removeAttribute("aria-current");
  }
}

// ----------------------------------------------------------------------------- contents

async function loadContents() {
  try {
    const [articles, sections] = await Promise.all([api.articles(), api.sections()]);
    const tree = (article, parent) =>
      sections
        .filter((s) => s.article === article && s.parent === parent)
        .sort((a, b) => a.position - b.position)
        .map((s) => {
          const children = tree(article, s.id);
          return h(
            "li",
            {},
            h(
              "a",
              { href: link({ section: s.id }, { keepSearch: false }), dataset: { section: s.id } },
              s.number ? h("span", { class: "num", text: s.number }) : null,
              s.title,
            ),
            children.length ? h("ol", {}, children) : null,
          );
        });
    const details = h(
      "details",
      { class: "toc-details", open: WIDE.matches },
      h("summary", { text: `${plural(sections.length, "section")}` }),
      articles.map((a) => [
        articles.length > 1 ? h("h3", { text: a.title }) : null,
        h("ol", { class: "toc-list" }, tree(a.id, null)),
      ]),
    );
    replace(els.tocBody, details);
    markCurrentNav(params());
  } catch (error) {
    replace(els.tocBody, h("p", { class: "error", text: `Contents unavailable: ${error.message}` }));
  }
}

// -------------------------------------------------------------------------- the overview

async function homeView() {
  const [articles, actors, sections] = await Promise.all([api.articles(), api.actors(), api.sections()]);
  const byKind = new Map();
  for (const a of actors) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
  return {
    title: "Overview",
    content: h(
      "div",
      { class: "home" },
      h("h1", { text: articles.length === 1 ? articles[0].title : "Articles" }),
      articles.map((article) => {
        const first = sections
          .filter((s) => s.article === article.id)
          .sort((a, b) => a.position - b.position)[0];
        return h(
          "section",
          { class: "card", "aria-label": articles.length > 1 ? article.title : "About the article" },
          articles.length > 1 ? h("h2", { text: article.title }) : null,
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
          h(
            "p",
            {},
            first
              ? h("a", { class: "button", href: link({ section: first.id }), text: "Start reading" })
              : null,
            " ",
            h("a", {
              class: "button button-quiet",
              href: link({ view: "figures" }),
              text: "See the figures",
            }),
          ),
        );
      }),
      h(
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
      ),
    ),
  };
}

// ------------------------------------------------------------------------ section reader

async function sectionView(id) {
  const detail = await api.section(id);
  const [text, sections, articles, actorDetails] = await Promise.all([
    api.articleText(detail.article),
    api.sections(),
    api.articles(),
    // Mention offsets live on each actor; the section lists the actors it mentions.
    Promise.all(detail.actors.map((a) => api.actor(a.id))),
  ]);
  const toIndex = codePointIndexer(text);
  const slice = (start, end) => text.slice(toIndex(start), toIndex(end));
  // Show the body, without the heading line that the section's span starts with.
  const bodyStart = detail.end - [...detail.body].length;
  const origin = slice(bodyStart, detail.end) === detail.body ? bodyStart : detail.start;
  const shown = slice(origin, detail.end);

  const figures = new Map(detail.figures.map((f) => [f.id, f]));
  const claims = new Map(detail.claims.map((c) => [c.id, c]));
  const actorNames = new Map(actorDetails.map((a) => [a.id, a.name]));
  const inside = (s) => s.start >= origin && s.end <= detail.end;
  const spans = [
    ...detail.claims.map((c) => ({ start: c.start, end: c.end, layer: 0, type: "claim", id: c.id })),
    ...detail.figures.map((f) => ({ start: f.start, end: f.end, layer: 1, type: "figure", id: f.id })),
    ...actorDetails.flatMap((a) =>
      a.occurrences
        .filter((o) => o.section === id && o.article === detail.article)
        .map((o) => ({ start: o.start, end: o.end, layer: 2, type: "mention", id: a.id })),
    ),
  ].filter(inside);

  const isFigure = (s) => s.type === "figure";
  const make = (span, { ancestors }) => {
    if (span.type === "claim") {
      const kind = claims.get(span.id).kind;
      return h("span", {
        class: `claim claim-${kind}`,
        id: span.continued ? null : `claim-${span.id}`,
        dataset: { claim: span.id },
        title: claimTitle(claims.get(span.id)),
      });
    }
    if (span.type === "figure") {
      const figure = figures.get(span.id);
      return h("span", {
        class: "figure-mark",
        role: "button",
        tabindex: "0",
        "aria-pressed": "false",
        "aria-controls": "figure-detail",
        dataset: { figure: span.id },
        title: `Figure: ${describe(figure)}. Select for its normalised value.`,
      });
    }
    // A mention inside (or around) a figure stays plain text: no link within a button.
    const plain = ancestors.some(isFigure) || hasDescendant(span, isFigure);
    return plain
      ? h("span", { class: "mention", dataset: { actor: span.id } })
      : h("a", {
          class: "mention",
          href: link({ actor: span.id }),
          dataset: { actor: span.id },
          title: `Actor: ${actorNames.get(span.id)}`,
        });
  };

  const body = h("div", { class: "reader-text", lang: "en" }, highlight(shown, origin, spans, make));
  const noFigure = () =>
    h("p", {
      class: "muted",
      text: detail.figures.length
        ? "Select a highlighted figure to see its normalised value, comparator and period."
        : "This section quotes no figures.",
    });
  const detailBox = h("div", { id: "figure-detail", "aria-live": "polite" }, noFigure());

  // Clicks and Enter/Space on figures; one listener for the whole text.
  const activate = (event) => {
    const mark = event.target.closest("[data-figure]");
    if (!mark) return;
    if (event.type === "keydown") {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault(); // Space would scroll the page.
    }
    selectFigure(mark.dataset.figure, { updateUrl: true });
  };
  body.addEventListener("click", activate);
  body.addEventListener("keydown", activate);

  function selectFigure(figureId, { updateUrl = false, scroll = false } = {}) {
    const figure = figures.get(figureId);
    for (const el of body.querySelectorAll("[data-figure]")) {
      const on = el.dataset.figure === figureId;
      el.setAttribute("aria-pressed", String(on));
      el.classList.toggle("selected", on);
    }
    if (!figure) {
      // Back to a URL without a figure: the panel says so again.
      if (detailBox.querySelector(".figure-quote")) replace(detailBox, noFigure());
      return;
    }
    replace(detailBox, figureDetails(figure, claims, actorNames));
    if (scroll)
      body.querySelector(`[data-figure="${CSS.escape(figureId)}"]`)?.scrollIntoView({ block: "center" });
    if (updateUrl && params().get("figure") !== figureId) {
      const p = params();
      p.delete("claim");
      focusClaim(null); // The claim left the URL, so it leaves the text too.
      p.set("figure", figureId);
      window.history.replaceState(null, "", `/?${p}`);
      markCurrentHit(p);
    }
  }

  function focusClaim(claimId) {
    for (const el of body.querySelectorAll(".claim-focused")) el.classList.remove("claim-focused");
    if (!claimId) return;
    const pieces = body.querySelectorAll(`[data-claim="${CSS.escape(claimId)}"]`);
    for (const el of pieces) el.classList.add("claim-focused");
    pieces[0]?.scrollIntoView({ block: "center" });
  }

  const toggles = h(
    "fieldset",
    { class: "legend" },
    h("legend", { text: "Highlight" }),
    [
      ["claims", "Claims"],
      ["figures", "Figures"],
      ["mentions", "Actors"],
    ].map(([layer, label]) =>
      h(
        "label",
        { class: `legend-item legend-${layer}` },
        h("input", {
          type: "checkbox",
          checked: true,
          onchange: (e) => body.classList.toggle(`hide-${layer}`, !e.currentTarget.checked),
        }),
        h("span", { class: "swatch", "aria-hidden": "true" }),
        label,
      ),
    ),
    h(
      "span",
      { class: "claim-kinds", "aria-hidden": "true" },
      Object.entries(CLAIM_KINDS).map(([kind, label]) =>
        h("span", { class: `claim claim-${kind}`, text: label }),
      ),
    ),
  );

  const siblings = sections
    .filter((s) => s.article === detail.article)
    .sort((a, b) => a.position - b.position);
  const at = siblings.findIndex((s) => s.id === id);
  const [previous, next] = [siblings[at - 1], siblings[at + 1]];
  const byId = new Map(sections.map((s) => [s.id, s]));
  const trail = [];
  for (let parent = byId.get(detail.parent); parent; parent = byId.get(parent.parent)) trail.unshift(parent);
  const article = articles.find((a) => a.id === detail.article);

  return {
    title: sectionLabel(detail),
    update: (p) => {
      selectFigure(p.get("figure"), { scroll: true });
      focusClaim(p.get("claim"));
    },
    content: h(
      "article",
      { class: "reader", "aria-labelledby": "section-heading" },
      h(
        "nav",
        { class: "breadcrumb", "aria-label": "Breadcrumb" },
        h(
          "ol",
          {},
          h("li", {}, h("a", { href: link(), text: article?.title ?? detail.article })),
          trail.map((s) => h("li", {}, h("a", { href: link({ section: s.id }), text: sectionLabel(s) }))),
        ),
      ),
      h(
        "h1",
        { id: "section-heading" },
        detail.number ? h("span", { class: "num", text: detail.number }) : null,
        detail.title,
      ),
      shown.trim()
        ? [
            toggles,
            h(
              "div",
              { class: "reader-grid" },
              body,
              h(
                "aside",
                { class: "figure-panel", "aria-labelledby": "figure-panel-heading" },
                h("h2", { id: "figure-panel-heading", text: "Figure" }),
                detailBox,
              ),
            ),
          ]
        : h("p", { class: "muted", text: "This heading has no text of its own; see its subsections." }),
      detail.children.length
        ? h(
            "section",
            { "aria-labelledby": "children-heading" },
            h("h2", { id: "children-heading", text: "Subsections" }),
            h(
              "ul",
              {},
              detail.children.map((c) =>
                h("li", {}, h("a", { href: link({ section: c.id }), text: sectionLabel(c) })),
              ),
            ),
          )
        : null,
      detail.actors.length
        ? h(
            "section",
            { "aria-labelledby": "section-actors-heading" },
            h("h2", { id: "section-actors-heading", text: "Actors in this section" }),
            h(
              "ul",
              { class: "chips" },
              detail.actors.map((a) =>
                h(
                  "li",
                  {},
                  h(
                    "a",
                    { class: "chip", href: link({ actor: a.id }) },
                    a.name,
                    h("span", { class: "count", title: "mentions here", text: a.mentions }),
                  ),
                ),
              ),
            ),
          )
        : null,
      detail.claims.length
        ? h(
            "details",
            { class: "claims-list" },
            h("summary", { text: `Claims in this section (${detail.claims.length})` }),
            h(
              "ol",
              {},
              detail.claims.map((c) =>
                h(
                  "li",
                  {},
                  h("span", { class: `badge claim-${c.kind}`, text: CLAIM_KINDS[c.kind] ?? c.kind }),
                  " ",
                  c.text,
                  speakerNote(c),
                ),
              ),
            ),
          )
        : null,
      h(
        "nav",
        { class: "pager", "aria-label": "Previous and next section" },
        previous
          ? h(
              "a",
              { rel: "prev", href: link({ section: previous.id }) },
              h("span", { "aria-hidden": "true", text: "← " }),
              sectionLabel(previous),
            )
          : h("span"),
        next
          ? h(
              "a",
              { rel: "next", href: link({ section: next.id }) },
              sectionLabel(next),
              h("span", { "aria-hidden": "true", text: " →" }),
            )
          : h("span"),
      ),
    ),
  };
}

/** The panel for a selected figure: its normalised value, comparator, period and context. */
/** A claim's tooltip in the reader: its kind, and who it is attributed to. */
function claimTitle(claim) {
  const kind = `${CLAIM_KINDS[claim.kind] ?? claim.kind} claim`;
  return claim.speaker ? `${kind}, attributed to ${claim.speaker}` : kind;
}

/** Who a claim is attributed to ("X said"), linking the actor it is; nothing when the article
 * asserts it itself. */
function speakerNote(claim) {
  if (!claim.speaker) return null;
  const name = claim.speaker_actor
    ? h("a", { href: link({ actor: claim.speaker_actor }), text: claim.speaker })
    : claim.speaker;
  return h("span", { class: "claim-speaker small" }, " — according to ", name);
}

function figureDetails(figure, claims, actorNames) {
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
      figure.change ? row("Change", h("span", { class: "figure-change", text: CHANGES[figure.change] ?? figure.change })) : null,
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
      claim
        ? row(
            "Claim",
            h("span", { class: `badge claim-${claim.kind}`, text: CLAIM_KINDS[claim.kind] ?? claim.kind }),
            " ",
            claim.text,
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
  ];
}

// ---------------------------------------------------------------------------- actor page

async function actorView(id) {
  const [actor, sections] = await Promise.all([api.actor(id), api.sections()]);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const affiliation = actor.affiliation ? await api.actor(actor.affiliation).catch(() => null) : null;
  const sectionLink = (sectionId, extra = {}) =>
    h("a", {
      href: link({ section: sectionId, ...extra }),
      text: sectionLabel(byId.get(sectionId) ?? { title: sectionId }),
    });

  // The actor's own mentions, highlighted inside each claim (claim text = text[start:end]).
  const markMentions = (claim) =>
    highlight(
      claim.text,
      claim.start,
      actor.occurrences
        .filter((o) => o.article === claim.article && o.start >= claim.start && o.end <= claim.end)
        .map((o) => ({ start: o.start, end: o.end, layer: 0 })),
      () => h("mark", { class: "mention-self" }),
    );

  return {
    title: actor.name,
    content: h(
      "article",
      { class: "actor", "aria-labelledby": "actor-heading" },
      h("h1", { id: "actor-heading", text: actor.name }),
      h(
        "p",
        { class: "meta" },
        h("span", { class: "badge", text: actor.kind }),
        " ",
        actor.reviewed
          ? ""
          : [
              h("span", {
                class: "badge badge-proposed",
                title: "Found by the rules or the recognizer; nobody has reviewed it yet.",
                text: "proposed",
              }),
              " ",
            ],
        plural(actor.mentions, "mention"),
        actor.aliases.length ? ` · also “${actor.aliases.join("”, “")}”` : "",
        affiliation
          ? [" · part of ", h("a", { href: link({ actor: affiliation.id }), text: affiliation.name })]
          : "",
      ),
      actor.relations.length
        ? h(
            "section",
            { "aria-labelledby": "relations-heading" },
            h("h2", { id: "relations-heading", text: "Related actors" }),
            h(
              "ul",
              { class: "chips" },
              actor.relations.map((r) =>
                h(
                  "li",
                  {},
                  h(
                    "a",
                    {
                      class: "chip",
                      href: link({ actor: r.actor }),
                      title: `${r.relation.replaceAll("_", " ")}, in ${plural(r.claims, "claim")}`,
                    },
                    r.name,
                    h("span", {
                      class: "count",
                      text: r.relation === "co_mentioned" ? r.claims : r.relation.replaceAll("_", " "),
                    }),
                  ),
                ),
              ),
            ),
          )
        : null,
      h(
        "section",
        { "aria-labelledby": "actor-claims-heading" },
        h("h2", { id: "actor-claims-heading", text: `Claims (${actor.claims.length})` }),
        actor.claims.length
          ? h(
              "ol",
              { class: "claims" },
              actor.claims.map((c) =>
                h(
                  "li",
                  { class: "claim-item" },
                  h("span", { class: `badge claim-${c.kind}`, text: CLAIM_KINDS[c.kind] ?? c.kind }),
                  " ",
                  h("span", { class: "claim-text" }, markMentions(c)),
                  speakerNote(c),
                  " ",
                  h("span", { class: "small" }, "— ", sectionLink(c.section, { claim: c.id })),
                ),
              ),
            )
          : h("p", { class: "muted", text: "No claim names this actor." }),
      ),
      h(
        "section",
        { "aria-labelledby": "actor-figures-heading" },
        h("h2", { id: "actor-figures-heading", text: `Figures (${actor.figures.length})` }),
        actor.figures.length
          ? [
              csvLink({ actor: actor.id }, `figures-${actor.id}`),
              figureTable(actor.figures, byId, "actor-figures-heading"),
            ]
          : h("p", { class: "muted", text: "No figure concerns this actor." }),
      ),
      h(
        "section",
        { "aria-labelledby": "actor-sections-heading" },
        h("h2", { id: "actor-sections-heading", text: "Mentioned in" }),
        h(
          "ul",
          {},
          actor.sections.map((s) =>
            h(
              "li",
              {},
              sectionLink(s.id),
              " ",
              h("span", { class: "muted", text: `(${plural(s.mentions, "mention")})` }),
            ),
          ),
        ),
      ),
    ),
  };
}

// ------------------------------------------------------------------------- figures view

// The same rows as a spreadsheet: every figure the filters match, as the API exports them.
function csvLink(filters, name) {
  const query = new URLSearchParams({ ...filters, format: "csv", all: "true" });
  return h(
    "p",
    { class: "download" },
    h("a", { href: `/v1/figures?${query}`, download: `${name}.csv`, text: "Download CSV" }),
  );
}

function figureTable(figures, sectionsById, labelledBy) {
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
          ["Quote", "Kind", "Value", "Comparator", "Change", "Period", "Measure", "Section", "Article"].map((t) =>
            h("th", { scope: "col", text: t }),
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
                text: sectionsById.get(f.section)?.number ?? sectionsById.get(f.section)?.title ?? f.section,
              }),
            ),
            h("td", { class: "figure-source", text: citation(f.article_meta) }),
          ),
        ),
      ),
    ),
  );
}

async function figuresView(p) {
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
  const style = window.getComputedStyle(els.main);
  const inner = els.main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
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

// --------------------------------------------------------------------------------- start

loadContents();
render();
