// The contents in the sidebar: every article's sections as a tree, folded away in a narrow
// window; the open section is marked.

import * as api from "./api.js";
import { h, replace } from "./dom.js";
import { plural } from "./format.js";
import { link, params } from "./links.js";

const WIDE = window.matchMedia("(min-width: 62rem)");
const tocBody = document.getElementById("toc-body");

export async function loadContents() {
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
    replace(tocBody, details);
    markCurrentSection(params());
  } catch (error) {
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
