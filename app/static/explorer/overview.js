// The overview at `/`: each article with where it came from, its counts and keywords, and its
// actors by kind (proposed, unreviewed ones marked).

import * as api from "./api.js";
import { h } from "./dom.js";
import { actorKindPlural, plural, provenance } from "./format.js";
import { link, withSearch } from "./links.js";

export async function overviewView() {
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
