// Long lists, a page at a time: a view asks the API for one page (`limit`/`offset`) and draws
// only its rows, whatever the corpus size; "Previous" and "Next" follow the list's `Link`
// header. The page lives in the URL (`page=`, from 1) where the view is an address, so it
// survives a reload; lists inside a view page in place.

import { h, replace } from "./dom.js";

/** Page `n` (from 1) as the URL gives it; anything else is the first page. */
export function pageNumber(value) {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** "21–40 of 1,234" */
export function rangeText(page) {
  if (page.total === 0) return "none";
  const last = page.offset + page.items.length;
  return `${(page.offset + 1).toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${page.total.toLocaleString("en-US")}`;
}

/**
 * The pager under a list: where we are, and buttons (or links, when `hrefFor(n)` gives the page's
 * address) to the previous and next page, present when the `Link` header names them.
 */
export function pagerNav(page, { label, onPage, hrefFor }) {
  const n = Math.floor(page.offset / page.limit) + 1;
  const control = (rel, to, text) => {
    if (!page.links?.[rel]) return h("span", { class: "pager-gap" });
    return hrefFor
      ? h("a", { class: "button button-quiet", rel, href: hrefFor(to), text })
      : h("button", {
          type: "button",
          class: "button button-quiet",
          dataset: { rel },
          text,
          onclick: () => onPage(to),
        });
  };
  return h(
    "nav",
    { class: "list-pager", "aria-label": label },
    control("prev", n - 1, "← Previous"),
    h("span", { class: "muted list-range", text: rangeText(page) }),
    control("next", n + 1, "Next →"),
  );
}

/**
 * A list that pages in place: `load(offset, limit)` answers a page (api.getPage), `draw(items)`
 * its rows. Returns the element; a newer page replaces the rows, never adds to them.
 */
export function pagedList({ load, draw, label, limit = 20, empty = "None." }) {
  const box = h("div", { class: "paged", "aria-live": "polite" });
  let token = 0;
  const show = async (n) => {
    const mine = ++token;
    box.setAttribute("aria-busy", "true");
    try {
      const page = await load((n - 1) * limit, limit);
      if (mine !== token) return;
      replace(
        box,
        page.total === 0 ? h("p", { class: "muted", text: empty }) : draw(page.items, page),
        page.total > page.items.length ? pagerNav(page, { label, onPage: show }) : null,
      );
    } catch (error) {
      if (mine === token) replace(box, h("p", { class: "error", text: `Could not load: ${error.message}` }));
    } finally {
      if (mine === token) box.removeAttribute("aria-busy");
    }
  };
  show(1);
  return box;
}
