// The facets beside the search results: filter by type (toggle buttons, counted over every
// type even while some are filtered out), by section, and the actors the results name.

import { h } from "./dom.js";
import { RESULT_TYPES, sectionLabel } from "./format.js";
import { link, navigate, withSearch } from "./links.js";

export function facets(request, own, typeFacets, names) {
  const box = h("div", { class: "facets" });
  if (typeFacets.type.length > 1 || request.type.length) {
    // A type filtered on with no results is in no facet count: it still shows, pressed, so
    // that it can be turned off.
    const counted = new Set(typeFacets.type.map(({ value }) => value));
    const types = [
      ...typeFacets.type,
      ...request.type.filter((t) => !counted.has(t)).map((value) => ({ value, count: 0 })),
    ];
    const buttons = types.map(({ value, count }) => {
      const on = request.type.includes(value);
      const next = on ? request.type.filter((t) => t !== value) : [...request.type, value];
      return h(
        "button",
        {
          type: "button",
          class: "chip",
          "aria-pressed": String(on),
          dataset: { focusKey: `type:${value}` },
          onclick: () => navigate(withSearch({ type: next }), { focus: false }),
        },
        RESULT_TYPES[value] ?? value,
        h("span", { class: "count", text: count }),
      );
    });
    box.append(
      h(
        "div",
        { class: "facet", role: "group", "aria-label": "Show only these types" },
        h("span", { class: "facet-name", text: "Type" }),
        buttons,
      ),
    );
  }
  if (request.section) {
    const section = names.section.get(request.section);
    box.append(
      h(
        "p",
        { class: "facet" },
        h("span", { class: "facet-name", text: "Section" }),
        h(
          "a",
          {
            class: "chip chip-on",
            href: withSearch({ within: null }),
            "aria-label": "Remove the section filter",
          },
          section ? sectionLabel(section) : request.section,
          h("span", { "aria-hidden": "true", text: " ×" }),
        ),
      ),
    );
  } else if (own.section.length > 1) {
    box.append(
      h(
        "div",
        { class: "facet" },
        h("span", { class: "facet-name", text: "Sections" }),
        h(
          "ul",
          { class: "chips" },
          own.section
            .slice(0, 6)
            .map(({ value, count }) =>
              h(
                "li",
                {},
                h(
                  "a",
                  {
                    class: "chip",
                    href: withSearch({ within: value }),
                    title: "Only results in this section",
                  },
                  sectionLabel(names.section.get(value) ?? { title: value }),
                  h("span", { class: "count", text: count }),
                ),
              ),
            ),
        ),
      ),
    );
  }
  if (own.actor?.length) {
    box.append(
      h(
        "div",
        { class: "facet" },
        h("span", { class: "facet-name", text: "Actors" }),
        h(
          "ul",
          { class: "chips" },
          own.actor
            .slice(0, 8)
            .map(({ value, count }) =>
              h(
                "li",
                {},
                h(
                  "a",
                  { class: "chip", href: link({ actor: value }), title: "Open this actor" },
                  names.actor.get(value)?.name ?? value,
                  h("span", { class: "count", text: count }),
                ),
              ),
            ),
        ),
      ),
    );
  }
  return box;
}
