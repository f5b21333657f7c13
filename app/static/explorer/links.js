// The explorer's URL state: every view is an address, so a view is a deep link that survives a
// reload and the back button. Views build their links here; navigate() changes the address and
// asks the page (app.js) to render it.

const SEARCH_KEYS = ["q", "type", "within", "from"];

let renderPage = () => {};

/** Who renders the page after navigate() changed the address (app.js, once, at start). */
export function onNavigate(render) {
  renderPage = render;
}

export const params = () => new URLSearchParams(window.location.search);

/** A link to a main view that keeps the current search (so the results stay beside it). */
export function link(view = {}, { keepSearch = true } = {}) {
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
export function withSearch(changes) {
  const next = params();
  for (const [key, value] of Object.entries(changes)) {
    next.delete(key);
    for (const item of [value].flat()) if (item !== null && item !== undefined) next.append(key, item);
  }
  const query = next.toString();
  return query ? `/?${query}` : "/";
}

export function navigate(href, { replaceEntry = false, focus = true } = {}) {
  window.history[replaceEntry ? "replaceState" : "pushState"](null, "", href);
  renderPage({ focus });
}
