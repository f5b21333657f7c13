// An actor's timeline: its money figures across every article, in time order
// (`GET /v1/actors/{id}/figures?sort=period&kind=money`), drawn by chart.js as bars over the
// periods they cover, one chart a currency; each bar names its article and links to the figure.
// One request, at most TIMELINE_FIGURES bars, whatever the corpus.

import * as api from "./api.js";
import { h } from "./dom.js";
import { chartable, moneyChart } from "./chart.js";
import { plural } from "./format.js";
import { link } from "./links.js";

export const TIMELINE_FIGURES = 100;

/** The timeline's section for actor `id`, `width` CSS pixels wide; null when it has no money
 * figure with a period. */
export async function actorTimeline(id, width) {
  const page = await api.getJSON(`/v1/actors/${encodeURIComponent(id)}/figures`, {
    sort: "period",
    kind: "money",
    limit: TIMELINE_FIGURES,
  });
  const drawn = chartable(page.items);
  if (!drawn.length) return null;
  const units = [...new Set(drawn.map((f) => f.unit))];
  const articles = new Set(drawn.map((f) => f.article)).size;
  return h(
    "section",
    { class: "timeline", "aria-labelledby": "timeline-heading" },
    h("h2", { id: "timeline-heading", text: "Timeline" }),
    units.map((unit) => {
      const labelId = `timeline-title-${unit}`;
      return h(
        "figure",
        { class: "chart" },
        moneyChart(
          drawn.filter((f) => f.unit === unit),
          { labelId, width, hrefFor: (f) => link({ section: f.section, figure: f.id }) },
        ),
        h(
          "figcaption",
          { id: labelId },
          `Money figures in ${unit} naming this actor, over the periods they cover, from ${plural(articles, "article")}. `,
          "Select a bar to read the figure in its article.",
        ),
      );
    }),
    page.total > page.items.length
      ? h("p", {
          class: "small",
          id: "timeline-note",
          text: `The first ${page.items.length} of ${plural(page.total, "money figure")} in time order.`,
        })
      : null,
  );
}
