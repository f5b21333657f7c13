// The few calls the explorer makes to the service's own /v1 API (same origin: CSP connect-src 'self').

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

/** "/v1/search" + {q: "x", type: ["a", "b"]} -> "/v1/search?q=x&type=a&type=b" */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of [value].flat()) {
      if (item !== null && item !== undefined && item !== "") query.append(name, String(item));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function request(path, params, signal) {
  const response = await fetch(url(path, params), { signal, headers: { Accept: "application/json" } });
  if (!response.ok) {
    // Errors are RFC 9457 problem+json; anything else still becomes a readable message.
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJSON(path, params = {}, { signal } = {}) {
  return (await request(path, params, signal)).json();
}

/** `<url>; rel="next", <url>; rel="prev"` -> {next: url, prev: url} (RFC 8288, as the API writes it). */
export function parseLink(header) {
  const rels = {};
  for (const part of (header ?? "").split(",")) {
    const match = part.match(/<([^>]*)>\s*;\s*rel="?([a-z]+)"?/);
    if (match) rels[match[2]] = match[1];
  }
  return rels;
}

/** One page of a list: its envelope (`items`, `total`, `limit`, `offset`, any `facets`) and
 * `links`, the pages the `Link` header names (`next`, `prev`). */
export async function getPage(path, params = {}, { signal } = {}) {
  const response = await request(path, params, signal);
  const page = await response.json();
  return { ...page, links: parseLink(response.headers.get("Link")) };
}

export async function getText(path, { signal } = {}) {
  return (await request(path, {}, signal)).text();
}

/** Every item of a paginated list (100 a page, the API's maximum). */
export async function getAll(path, params = {}, { signal } = {}) {
  const items = [];
  for (;;) {
    const page = await getJSON(path, { ...params, limit: 100, offset: items.length }, { signal });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

// Things every view needs and that do not change while the page is open.
const memo = new Map();

/** Memoised by key; a failed call is forgotten so that it can be retried. */
export function once(key, load) {
  if (!memo.has(key)) {
    const promise = load();
    memo.set(key, promise);
    promise.catch(() => memo.delete(key));
  }
  return memo.get(key);
}

// Whole lists are only fetched where they stay small whatever the corpus: the actors (a
// curated list and the names the rules find), one article's sections. Articles, figures and
// claims are read a page at a time (getPage).
//
// The actors list counts every actor's mentions over the whole corpus: at 10,000 articles it
// runs past the service's time limit (a 503 after 2 s, the service busy all along). Above
// ACTORS_LIST_MAX_ARTICLES it is not asked for, and when it fails `actors()` answers null, once
// for the page's life: views do without it. `actorsNow()` answers what is known, at once.
export const ACTORS_LIST_MAX_ARTICLES = 1000;
let actorsKnown = null;
export const actors = () =>
  once("actors", async () => {
    const first = await firstArticle().catch(() => null);
    if (!first || first.total > ACTORS_LIST_MAX_ARTICLES) return null;
    return getAll("/v1/actors").then(
      (list) => (actorsKnown = list),
      () => null,
    );
  });
export const actorsNow = () => actorsKnown;

/** An actor's list entry (name, kind, aliases, affiliation, reviewed, mentions) and whether its
 * `mentions` count the whole corpus; without the corpus-wide list, as an article naming it
 * lists it (its mentions there only). Null for an actor nothing names. */
export async function actorSummary(id) {
  const all = await actors();
  if (all) return { actor: all.find((a) => a.id === id) ?? null, corpusWide: true };
  const [claim, figure] = await Promise.all([
    getJSON("/v1/claims", { actor: id, limit: 1 }),
    getJSON("/v1/figures", { actor: id, limit: 1 }),
  ]);
  const article = claim.items[0]?.article ?? figure.items[0]?.article;
  if (!article) return { actor: null, corpusWide: false };
  const named = await getAll("/v1/actors", { article });
  return { actor: named.find((a) => a.id === id) ?? null, corpusWide: false };
}
export const articleSections = (id) => once(`sections:${id}`, () => getAll("/v1/sections", { article: id }));
export const article = (id) => once(`article:${id}`, () => getJSON(`/v1/articles/${encodeURIComponent(id)}`));
/** The first article and the number of them (a page of one): with a single article, the
 * explorer opens its contents everywhere. */
export const firstArticle = () => once("first-article", () => getJSON("/v1/articles", { limit: 1 }));
export const articleText = (id) =>
  once(`text:${id}`, () => getText(`/v1/articles/${encodeURIComponent(id)}/text`));
export const actor = (id) => once(`actor:${id}`, () => getJSON(`/v1/actors/${encodeURIComponent(id)}`));
export const section = (id) => once(`section:${id}`, () => getJSON(`/v1/sections/${encodeURIComponent(id)}`));

export function search(params, { signal } = {}) {
  return getJSON("/v1/search", params, { signal });
}
