// The section reader: the section's text with every claim, figure and actor mention highlighted
// from the API's offsets, layers that can be switched off, and the panel for a selected figure.
// `&figure=` and `&claim=` in the URL select a figure and outline a claim.

import * as api from "./api.js";
import { h, replace } from "./dom.js";
import { claimBadge, claimTitle, speakerNote } from "./claims.js";
import { figureDetails } from "./figure-detail.js";
import { CLAIM_KINDS, describe, sectionLabel, textLang } from "./format.js";
import { codePointIndexer, hasDescendant, highlight } from "./highlight.js";
import { link, params } from "./links.js";
import { markCurrentHit } from "./search.js";

export async function sectionView(id) {
  const detail = await api.section(id);
  const [text, sections, article] = await Promise.all([
    api.articleText(detail.article),
    api.articleSections(detail.article),
    api.article(detail.article),
  ]);
  const toIndex = codePointIndexer(text);
  const slice = (start, end) => text.slice(toIndex(start), toIndex(end));
  // Show the body, without the heading line that the section's span starts with.
  const bodyStart = detail.end - [...detail.body].length;
  const origin = slice(bodyStart, detail.end) === detail.body ? bodyStart : detail.start;
  const shown = slice(origin, detail.end);

  const figures = new Map(detail.figures.map((f) => [f.id, f]));
  const claims = new Map(detail.claims.map((c) => [c.id, c]));
  const actorNames = new Map(detail.actors.map((a) => [a.id, a.name]));
  const inside = (s) => s.start >= origin && s.end <= detail.end;
  const spans = [
    ...detail.claims.map((c) => ({ start: c.start, end: c.end, layer: 0, type: "claim", id: c.id })),
    ...detail.figures.map((f) => ({ start: f.start, end: f.end, layer: 1, type: "figure", id: f.id })),
    // The section's own mentions: never the actors' pages, which list every mention anywhere.
    ...detail.mentions.map((m) => ({ start: m.start, end: m.end, layer: 2, type: "mention", id: m.actor })),
  ].filter(inside);

  const isFigure = (s) => s.type === "figure";
  const make = (span, { ancestors }) => {
    if (span.type === "claim") {
      const kind = claims.get(span.id).kind;
      return h("span", {
        class: `claim claim-${kind}`,
        id: span.continued ? null : `claim-${span.id}`,
        dataset: { claim: span.id },
        title: claimTitle(claims.get(span.id)),
      });
    }
    if (span.type === "figure") {
      const figure = figures.get(span.id);
      return h("span", {
        class: "figure-mark",
        role: "button",
        tabindex: "0",
        "aria-pressed": "false",
        "aria-controls": "figure-detail",
        dataset: { figure: span.id },
        title: `Figure: ${describe(figure)}. Select for its normalised value.`,
      });
    }
    // A mention inside (or around) a figure stays plain text: no link within a button.
    const plain = ancestors.some(isFigure) || hasDescendant(span, isFigure);
    return plain
      ? h("span", { class: "mention", dataset: { actor: span.id } })
      : h("a", {
          class: "mention",
          href: link({ actor: span.id }),
          dataset: { actor: span.id },
          title: `Actor: ${actorNames.get(span.id)}`,
        });
  };

  const lang = textLang(article.language);
  const body = h("div", { class: "reader-text", lang }, highlight(shown, origin, spans, make));
  const noFigure = () =>
    h("p", {
      class: "muted",
      text: detail.figures.length
        ? "Select a highlighted figure to see its normalised value, comparator and period."
        : "This section quotes no figures.",
    });
  const detailBox = h("div", { id: "figure-detail", "aria-live": "polite" }, noFigure());

  // Clicks and Enter/Space on figures; one listener for the whole text.
  const activate = (event) => {
    const mark = event.target.closest("[data-figure]");
    if (!mark) return;
    if (event.type === "keydown") {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault(); // Space would scroll the page.
    }
    selectFigure(mark.dataset.figure, { updateUrl: true });
  };
  body.addEventListener("click", activate);
  body.addEventListener("keydown", activate);

  function selectFigure(figureId, { updateUrl = false, scroll = false } = {}) {
    const figure = figures.get(figureId);
    for (const el of body.querySelectorAll("[data-figure]")) {
      const on = el.dataset.figure === figureId;
      el.setAttribute("aria-pressed", String(on));
      el.classList.toggle("selected", on);
    }
    if (!figure) {
      // Back to a URL without a figure: the panel says so again.
      if (detailBox.querySelector(".figure-quote")) replace(detailBox, noFigure());
      return;
    }
    replace(detailBox, figureDetails(figure, claims, actorNames));
    if (scroll)
      body.querySelector(`[data-figure="${CSS.escape(figureId)}"]`)?.scrollIntoView({ block: "center" });
    if (updateUrl && params().get("figure") !== figureId) {
      const p = params();
      p.delete("claim");
      focusClaim(null); // The claim left the URL, so it leaves the text too.
      p.set("figure", figureId);
      window.history.replaceState(null, "", `/?${p}`);
      markCurrentHit(p);
    }
  }

  function focusClaim(claimId) {
    for (const el of body.querySelectorAll(".claim-focused")) el.classList.remove("claim-focused");
    if (!claimId) return;
    const pieces = body.querySelectorAll(`[data-claim="${CSS.escape(claimId)}"]`);
    for (const el of pieces) el.classList.add("claim-focused");
    pieces[0]?.scrollIntoView({ block: "center" });
  }

  const toggles = h(
    "fieldset",
    { class: "legend" },
    h("legend", { text: "Highlight" }),
    [
      ["claims", "Claims"],
      ["figures", "Figures"],
      ["mentions", "Actors"],
    ].map(([layer, label]) =>
      h(
        "label",
        { class: `legend-item legend-${layer}` },
        h("input", {
          type: "checkbox",
          checked: true,
          onchange: (e) => body.classList.toggle(`hide-${layer}`, !e.currentTarget.checked),
        }),
        h("span", { class: "swatch", "aria-hidden": "true" }),
        label,
      ),
    ),
    h(
      "span",
      { class: "claim-kinds", "aria-hidden": "true" },
      Object.entries(CLAIM_KINDS).map(([kind, label]) =>
        h("span", { class: `claim claim-${kind}`, text: label }),
      ),
    ),
  );

  const siblings = [...sections].sort((a, b) => a.position - b.position);
  const at = siblings.findIndex((s) => s.id === id);
  const [previous, next] = [siblings[at - 1], siblings[at + 1]];
  const byId = new Map(sections.map((s) => [s.id, s]));
  const trail = [];
  for (let parent = byId.get(detail.parent); parent; parent = byId.get(parent.parent)) trail.unshift(parent);

  return {
    title: sectionLabel(detail),
    update: (p) => {
      selectFigure(p.get("figure"), { scroll: true });
      focusClaim(p.get("claim"));
    },
    content: h(
      "article",
      { class: "reader", "aria-labelledby": "section-heading" },
      h(
        "nav",
        { class: "breadcrumb", "aria-label": "Breadcrumb" },
        h(
          "ol",
          {},
          h("li", { lang }, h("a", { href: link({ article: detail.article }), text: article.title })),
          trail.map((s) => h("li", { lang }, h("a", { href: link({ section: s.id }), text: sectionLabel(s) }))),
        ),
      ),
      h(
        "h1",
        { id: "section-heading", lang },
        detail.number ? h("span", { class: "num", text: detail.number }) : null,
        detail.title,
      ),
      shown.trim()
        ? [
            toggles,
            h(
              "div",
              { class: "reader-grid" },
              body,
              h(
                "aside",
                { class: "figure-panel", "aria-labelledby": "figure-panel-heading" },
                h("h2", { id: "figure-panel-heading", text: "Figure" }),
                detailBox,
              ),
            ),
          ]
        : h("p", { class: "muted", text: "This heading has no text of its own; see its subsections." }),
      detail.children.length
        ? h(
            "section",
            { "aria-labelledby": "children-heading" },
            h("h2", { id: "children-heading", text: "Subsections" }),
            h(
              "ul",
              {},
              detail.children.map((c) =>
                h("li", {}, h("a", { href: link({ section: c.id }), text: sectionLabel(c) })),
              ),
            ),
          )
        : null,
      detail.actors.length
        ? h(
            "section",
            { "aria-labelledby": "section-actors-heading" },
            h("h2", { id: "section-actors-heading", text: "Actors in this section" }),
            h(
              "ul",
              { class: "chips" },
              detail.actors.map((a) =>
                h(
                  "li",
                  {},
                  h(
                    "a",
                    { class: "chip", href: link({ actor: a.id }) },
                    a.name,
                    h("span", { class: "count", title: "mentions here", text: a.mentions }),
                  ),
                ),
              ),
            ),
          )
        : null,
      detail.claims.length
        ? h(
            "details",
            { class: "claims-list" },
            h("summary", { text: `Claims in this section (${detail.claims.length})` }),
            h(
              "ol",
              {},
              detail.claims.map((c) => h("li", {}, claimBadge(c), " ", c.text, speakerNote(c))),
            ),
          )
        : null,
      h(
        "nav",
        { class: "pager", "aria-label": "Previous and next section" },
        previous
          ? h(
              "a",
              { rel: "prev", href: link({ section: previous.id }) },
              h("span", { "aria-hidden": "true", text: "← " }),
              sectionLabel(previous),
            )
          : h("span"),
        next
          ? h(
              "a",
              { rel: "next", href: link({ section: next.id }) },
              sectionLabel(next),
              h("span", { "aria-hidden": "true", text: " →" }),
            )
          : h("span"),
      ),
    ),
  };
}
