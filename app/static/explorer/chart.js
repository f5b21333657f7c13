// A small SVG chart of money figures over their periods: x is time (years), y the amount.
// Each figure is a bar at the height of its value spanning its period; a period left open
// ("since 2007") runs to the current year and ends in an arrow. Bars are links to the figure
// in its section, so the chart is usable from the keyboard; the table next to it carries the
// same data for screen readers. Each bar's label and tooltip name the article it is from.

import { svg } from "./dom.js";
import { COMPARATORS, citation, period, shortValue, yearOf } from "./format.js";

const HEIGHT = 300;
const MARGIN = { top: 28, right: 28, bottom: 40, left: 64 };
const BAR = 12;
// A generous average advance of the 13px bold label font: labels are placed from it.
const LABEL_CHAR_PX = 8;

/** 0 .. a round number above max, with 3-6 ticks of 1, 2 or 5 x 10^n. */
function niceTicks(max) {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
  const ticks = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

/** Figures that can be drawn: a value and at least one end of a period. */
export function chartable(figures) {
  return figures.filter(
    (f) => f.value !== null && (yearOf(f.period_start) !== null || yearOf(f.period_end) !== null),
  );
}

/**
 * An <svg> for money figures that share one `unit`; `hrefFor(figure)` gives each bar's link.
 * `labelId` names the element that titles the chart. `width` is in CSS pixels: drawn at the
 * width it is shown, the chart keeps its text at a readable size in a narrow window.
 */
export function moneyChart(figures, { hrefFor, labelId, width = 720, now = new Date().getFullYear() }) {
  const chartW = Math.round(width);
  const rows = chartable(figures).map((figure) => {
    const start = yearOf(figure.period_start);
    const end = yearOf(figure.period_end);
    return { figure, start, end, openStart: start === null, openEnd: end === null };
  });
  const years = rows.flatMap((r) => [r.start, r.end, r.openEnd ? now : null]).filter((y) => y !== null);
  const first = Math.min(...years) - 1;
  const last = Math.max(...years) + 1; // Bars run to the end of their last year.
  const yTicks = niceTicks(Math.max(...rows.map((r) => r.figure.value)));
  const top = yTicks[yTicks.length - 1];

  const plotW = chartW - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (year) => MARGIN.left + ((year - first) / (last - first)) * plotW;
  const y = (value) => MARGIN.top + plotH - (value / top) * plotH;

  const root = svg("svg", {
    class: "chart-svg",
    viewBox: `0 0 ${chartW} ${HEIGHT}`,
    role: "group",
    "aria-labelledby": labelId,
  });

  // Grid and axes.
  const axes = svg("g", { class: "chart-axes", "aria-hidden": "true" });
  for (const tick of yTicks) {
    axes.append(
      svg("line", { class: "grid", x1: MARGIN.left, x2: chartW - MARGIN.right, y1: y(tick), y2: y(tick) }),
      svg("text", {
        x: MARGIN.left - 8,
        y: y(tick),
        class: "tick tick-y",
        text: shortValue({ ...rows[0].figure, value: tick }),
      }),
    );
  }
  const yearStep = Math.max(1, Math.ceil((last - first) / Math.max(2, Math.floor(plotW / 64))));
  for (let year = first; year <= last; year += yearStep) {
    axes.append(
      svg("line", {
        class: "tick-mark",
        x1: x(year),
        x2: x(year),
        y1: MARGIN.top + plotH,
        y2: MARGIN.top + plotH + 5,
      }),
      svg("text", { x: x(year), y: MARGIN.top + plotH + 20, class: "tick tick-x", text: String(year) }),
    );
  }
  axes.append(
    svg("line", {
      class: "axis",
      x1: MARGIN.left,
      x2: chartW - MARGIN.right,
      y1: MARGIN.top + plotH,
      y2: MARGIN.top + plotH,
    }),
  );
  root.append(axes);

  // Bars, highest value first so labels of low bars are drawn on top.
  rows.sort((a, b) => b.figure.value - a.figure.value);
  for (const row of rows) {
    const { figure } = row;
    const x1 = x(row.openStart ? first : row.start);
    const x2 = x((row.openEnd ? now : row.end) + 1);
    const top = y(figure.value) - BAR / 2;
    const comparator = figure.comparator === "eq" ? "" : `${COMPARATORS[figure.comparator]} `;
    const full = `${comparator}${shortValue(figure)} · ${figure.measure ?? figure.quote}`;
    const source = citation(figure.article_meta);
    const spoken = `${full}, ${period(figure)}${source ? `, in ${source}` : ""}`;
    // Labels sit above their bar from its left end, moved left (or shortened) to stay inside.
    const fits = (text) => text.length * LABEL_CHAR_PX <= chartW - 8;
    const label = fits(full) ? full : `${comparator}${shortValue(figure)}`;
    const labelX = Math.max(4, Math.min(x1, chartW - 4 - label.length * LABEL_CHAR_PX));
    const link = svg(
      "a",
      { href: hrefFor(figure), class: "chart-bar", "aria-label": spoken, dataset: { figure: figure.id } },
      svg("title", { text: `${spoken} — “${figure.quote}”` }),
      svg("rect", { x: x1, y: top, width: Math.max(x2 - x1, 3), height: BAR, rx: 3 }),
      svg("text", { class: "bar-label", x: labelX, y: top - 6, text: label }),
    );
    // Open ends: an arrow pointing out of the known span.
    if (row.openEnd) {
      link.append(
        svg("path", { class: "open-end", d: `M${x2 + 1},${top - 3} l9,${BAR / 2 + 3} l-9,${BAR / 2 + 3} z` }),
      );
    }
    if (row.openStart) {
      link.append(
        svg("path", { class: "open-end", d: `M${x1 - 1},${top - 3} l-9,${BAR / 2 + 3} l9,${BAR / 2 + 3} z` }),
      );
    }
    root.append(link);
  }
  return root;
}
