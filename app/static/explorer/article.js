// An article's page (`/?article=<id>`): where it came from, its counts and keywords, its
// sections to read, and links to its figures and to a search within it. Two requests: the
// article, and its sections (shared with the contents in the sidebar).

import * as api from "./api.js";
import { h } from "./dom.js";
import { sectionTree } from "./contents.js";
import { articleCard } from "./home.js";
import { link } from "./links.js";

export async function articleView(id) {
  const [article, sections] = await Promise.all([api.article(id), api.articleSections(id)]);
  const first = [...sections].filter((s) => s.parent === null).sort((a, b) => a.position - b.position)[0];
  return {
    title: article.title,
    content: h(
      "div",
      { class: "article-page" },
      h(
        "nav",
        { class: "breadcrumb", "aria-label": "Breadcrumb" },
        h("ol", {}, h("li", {}, h("a", { href: link(), text: "Articles" }))),
      ),
      articleCard(article, { heading: "h1", titleLink: false }),
      h(
        "p",
        {},
        first ? h("a", { class: "button", href: link({ section: first.id }), text: "Start reading" }) : null,
        " ",
        h("a", {
          class: "button button-quiet",
          href: link({ view: "figures", article: id }),
          text: "Its figures",
        }),
      ),
      h(
        "section",
        { "aria-labelledby": "article-sections-heading" },
        h("h2", { id: "article-sections-heading", text: "Sections" }),
        sectionTree(sections, { keepSearch: true }),
      ),
    ),
  };
}
