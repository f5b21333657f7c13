// An actor's page: its kind, review state, aliases and affiliation, related actors, the claims
// naming it (its own mentions marked), its figures and the sections it appears in.

import * as api from "./api.js";
import { h } from "./dom.js";
import { claimBadge, speakerNote } from "./claims.js";
import { csvLink, figureTable } from "./figure-table.js";
import { plural, sectionLabel } from "./format.js";
import { highlight } from "./highlight.js";
import { link } from "./links.js";

export async function actorView(id) {
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
                  claimBadge(c),
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
