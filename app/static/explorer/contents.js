// The contents in the sidebar: the sections of the article in view (the article's page, or the
// open section's article; the only article when there is one) as a tree, folded away in a
// narrow window; the open section is marked. One article's sections, never the corpus's.

import * as api from "./api.js";
import { h, replace } from "./dom.js";
import { plural } from "./format.js";
import { link, params } from "./links.js";

const WIDE = window.matchMedia("(min-width: 62rem)");
const tocBody = document.getElementById("toc-body");

let shownArticle; // The article whose contents are drawn (null: none).
let token = 0;

/** The article the URL is about, or null: its page, its section's, or the only one there is. */
async function articleInView(p) {
  if (p.get("article")) return p.get("article");
  if (p.get("section")) return (await api.section(p.get("section"))).article;
  const first = await api.firstArticle();
  return first.total === 1 ? first.items[0].id : null;
}

/** A tree of `sections` (one article's), in reading order. */
export function sectionTree(sections, { keepSearch = false } = {}) {
  const tree = (parent) =>
    sections
      .filter((s) => s.parent === parent)
      .sort((a, b) => a.position - b.position)
      .map((s) => {
        const children = tree(s.id);
        return h(
          "li",
          {},
          h(
            "a",
            { href: link({ section: s.id }, { keepSearch }), dataset: { section: s.id } },
            s.number ? h("span", { class: "num", text: s.number }) : null,
            s.title,
          ),
          children.length ? h("ol", {}, children) : null,
        );
      });
  return h("ol", { class: "toc-list" }, tree(null));
}

/** Draws the contents of the article in view, when it changed. */
export async function renderContents(p) {
  const mine = ++token;
  try {
    // A section that failed to load leaves the contents as they were (the view says why).
    const id = await articleInView(p).catch(() => shownArticle);
    if (mine !== token) return;
    if (id === shownArticle) {
      markCurrentSection(p);
      return;
    }
    if (!id) {
      shownArticle = null;
      replace(tocBody, h("p", { class: "muted", text: "Open an article to see its sections here." }));
      return;
    }
    const [article, sections] = await Promise.all([api.article(id), api.articleSections(id)]);
    if (mine !== token) return;
    shownArticle = id;
    const details = h(
      "details",
      { class: "toc-details", open: WIDE.matches },
      h("summary", { text: `${plural(sections.length, "section")}` }),
      h("h3", {}, h("a", { href: link({ article: id }, { keepSearch: false }), text: article.title })),
      sectionTree(sections),
    );
    replace(tocBody, details);
    markCurrentSection(p);
  } catch (error) {
    if (mine === token)
      replace(tocBody, h("p", { class: "error", text: `Contents unavailable: ${error.message}` }));
  }
}

/** Marks the open section in the contents. */
export function markCurrentSection(p) {
  for (const a of tocBody.querySelectorAll("a[data-section]")) {
    if (a.dataset.section === p.get("section")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}
