// An actor's page: its kind, review state, aliases and affiliation, its timeline (timeline.js),
// the claims naming it and its figures, each a page at a time and each naming its article; for
// an actor named at most MENTION_DETAIL_LIMIT times, also its related actors, its own mentions
// marked in its claims and the sections it appears in (they come from the actor's own page,
// which lists every mention: megabytes for a country in a large corpus).

import * as api from "./api.js";
import { h } from "./dom.js";
import { claimBadge, claimSource, speakerNote } from "./claims.js";
import { csvLink, figureTable } from "./figure-table.js";
import { plural } from "./format.js";
import { highlight } from "./highlight.js";
import { link } from "./links.js";
import { pagedList } from "./pager.js";
import { actorTimeline } from "./timeline.js";

export const ACTOR_PAGE = 20;
// The actor's own page lists every mention in the corpus: an actor named more often than this
// is not fetched (its page would be megabytes in a large corpus).
export const MENTION_DETAIL_LIMIT = 200;

export async function actorView(id) {
  const [{ actor: listed, corpusWide }, all] = await Promise.all([api.actorSummary(id), api.actors()]);
  // An actor no list knows is asked for by id: a 404 says "Not found". A count of one
  // article's mentions says nothing of the actor's page: it is not fetched.
  const small = !listed || (corpusWide && listed.mentions <= MENTION_DETAIL_LIMIT);
  // The main column's content width, while it still shows "Loading…", for the timeline.
  const main = document.getElementById("main");
  const style = window.getComputedStyle(main);
  const width = Math.max(
    300,
    Math.min(720, main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)),
  );
  const [detail, timeline] = await Promise.all([
    small ? api.actor(id) : null,
    // A timeline that fails to load leaves the rest of the page.
    actorTimeline(id, width).catch(() => null),
  ]);
  const actor = { relations: [], occurrences: [], sections: [], ...listed, ...detail };
  const affiliation = actor.affiliation ? (all?.find((a) => a.id === actor.affiliation) ?? null) : null;
  const sectionLink = (sectionId, text, extra = {}) =>
    h("a", { href: link({ section: sectionId, ...extra }), text });

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
      timeline,
      h(
        "section",
        { "aria-labelledby": "actor-claims-heading" },
        h("h2", { id: "actor-claims-heading", text: "Claims" }),
        pagedList({
          label: "Pages of claims",
          limit: ACTOR_PAGE,
          empty: "No claim names this actor.",
          load: (offset, limit) => api.getPage("/v1/claims", { actor: id, offset, limit }),
          draw: (claims) =>
            h(
              "ol",
              { class: "claims" },
              claims.map((c) =>
                h(
                  "li",
                  { class: "claim-item" },
                  claimBadge(c),
                  " ",
                  h("span", { class: "claim-text" }, markMentions(c)),
                  speakerNote(c),
                  " ",
                  h(
                    "span",
                    { class: "small" },
                    "— ",
                    sectionLink(c.section, "read in context", { claim: c.id }),
                  ),
                  claimSource(c),
                ),
              ),
            ),
        }),
      ),
      h(
        "section",
        { "aria-labelledby": "actor-figures-heading" },
        h("h2", { id: "actor-figures-heading", text: "Figures" }),
        csvLink({ actor: id }, `figures-${id}`),
        pagedList({
          label: "Pages of figures",
          limit: ACTOR_PAGE,
          empty: "No figure concerns this actor.",
          load: (offset, limit) => api.getPage("/v1/figures", { actor: id, offset, limit }),
          draw: (figures) => figureTable(figures, null, "actor-figures-heading"),
        }),
      ),
      actor.sections.length
        ? h(
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
                  sectionLink(s.id, s.number ? `${s.number} ${s.title}` : s.title),
                  " ",
                  h("span", { class: "muted", text: `(${plural(s.mentions, "mention")})` }),
                ),
              ),
            ),
          )
        : null,
    ),
  };
}
