// Search as you type: the box in the header, and the results in the sidebar (beside any main
// view), a page at a time. The query lives in the URL (`q`, `type`, `within` for a section,
// `from` for an article).

import * as api from "./api.js";
import { h, replace, snippetFragment } from "./dom.js";
import { RESULT_TYPES, citation, plural, sectionLabel } from "./format.js";
import { link, navigate, params, withSearch } from "./links.js";
import { SECTION_CHIPS, facets } from "./search-facets.js";

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 200;

const $ = (id) => document.getElementById(id);
const els = {
  form: $("search-form"),
  input: $("q"),
  results: $("results"),
  resultsHeading: $("results-heading"),
  status: $("results-status"),
  resultsBody: $("results-body"),
  toc: $("toc"),
};

let searchKey = null;
let searchAbort = null;
let typingTimer = 0;

function submitQuery({ moveFocus }) {
  window.clearTimeout(typingTimer);
  const q = els.input.value;
  const had = params().has("q");
  const href = q.trim() ? withSearch({ q }) : withSearch({ q: null, type: null, within: null, from: null });
  // Typing refines one search: it replaces the history entry rather than adding one per key.
  if (href !== window.location.pathname + window.location.search) {
    navigate(href, { replaceEntry: had, focus: false });
  }
  if (moveFocus && q.trim()) els.resultsHeading.focus();
}

/** Wires the search box: results as you type, Enter to search now, "/" to jump to the box. */
export function installSearchBox() {
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
}

export function renderSearch(p) {
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
  const request = { q, type: p.getAll("type"), section: p.get("within"), article: p.get("from") };
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
    const [page, unfiltered, actorList, filterArticle] = await Promise.all([
      api.search({ ...request, limit: PAGE_SIZE }, { signal }),
      filtered ? api.search({ ...request, type: [], limit: 1 }, { signal }) : null,
      // The actors' names, when the list is there within a moment (see api.actors): a search
      // does not wait for it; the facet then names the actors it does not know by their id.
      Promise.race([api.actors(), new Promise((resolve) => setTimeout(resolve, 150))]).then(
        () => api.actorsNow() ?? [],
      ),
      request.article ? api.article(request.article).catch(() => null) : null,
    ]);
    // The sections the facets offer are named from the sections themselves (a few, memoised:
    // the reader opens them at once); hits in other sections are named by their own title.
    const offered = request.section
      ? [request.section]
      : page.facets.section.slice(0, SECTION_CHIPS).map((c) => c.value);
    const sectionList = await Promise.all(offered.map((id) => api.section(id).catch(() => null)));
    const names = {
      section: new Map(sectionList.filter(Boolean).map((s) => [s.id, s])),
      actor: new Map(actorList.map((a) => [a.id, a])),
      article: filterArticle,
    };
    showResults(request, page, unfiltered ?? page, names);
  } catch (error) {
    if (signal.aborted) return;
    els.status.textContent = `Search failed: ${error.message}`;
    els.resultsBody.replaceChildren();
  } finally {
    if (!signal.aborted) els.results.removeAttribute("aria-busy");
  }
}

function showResults(request, page, typePage, names) {
  // The search these results belong to: a newer one cancels its "Show more" too.
  const current = searchAbort;
  const focusKey = document.activeElement?.dataset?.focusKey; // Kept across the re-render.
  const hadFocus = els.resultsBody.contains(document.activeElement);
  const words = `“${request.q.trim()}”`;
  const where = request.section
    ? ` in ${sectionLabel(names.section.get(request.section) ?? { title: request.section })}`
    : request.article
      ? ` in ${names.article?.title ?? request.article}`
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
    facets(request, page, typePage, names),
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
export function markCurrentHit(p) {
  const id = p.get("figure") ?? p.get("claim") ?? p.get("actor") ?? p.get("section");
  for (const item of els.resultsBody.querySelectorAll(".hit")) {
    const anchor = item.querySelector("a");
    if (item.dataset.id === id) anchor.setAttribute("aria-current", "true");
    else anchor.removeAttribute("aria-current");
  }
}
