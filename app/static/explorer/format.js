// Words and numbers for the API's codes and normalised values.

export const COMPARATORS = {
  eq: "exactly",
  approx: "about",
  gt: "more than",
  gte: "at least",
  lt: "less than",
  lte: "at most",
};

export const CHANGES = {
  rise: "rise",
  fall: "fall",
};

export const CLAIM_KINDS = {
  fact: "Fact",
  assessment: "Assessment",
  forecast: "Forecast",
  prescription: "Prescription",
};

export const RESULT_TYPES = {
  section: "Section",
  claim: "Claim",
  figure: "Figure",
  actor: "Actor",
};

const ACTOR_KIND_PLURALS = {
  country: "Countries",
  city: "Cities",
  region: "Regions",
  company: "Companies",
  organization: "Organizations",
  person: "People",
  initiative: "Initiatives",
  policy: "Policies",
  group: "Groups",
};

export function actorKindPlural(kind) {
  return ACTOR_KIND_PLURALS[kind] ?? kind;
}

const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A currency formatter for an ISO 4217 code, or null when Intl does not know the code. */
function currency(unit, options = {}) {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: unit, ...options });
  } catch {
    return null;
  }
}

/** "$11B", "60%", "20 years": short, for labels. */
export function shortValue(figure) {
  const { value, unit, kind } = figure;
  if (value === null || value === undefined) return figure.quote;
  if (kind === "money") {
    const money = currency(unit, { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
    return money ? money.format(value) : `${compact(value)} ${unit ?? ""}`.trim();
  }
  return fullValue(figure);
}

/** "11,000,000,000 USD", "60 %", "2017", "5 – 7 %": the normalised value in full. */
export function fullValue(figure) {
  const { value, value_max: max, unit, kind } = figure;
  if (value === null || value === undefined) return "none (the quote is a period)";
  if (kind === "year") return String(value);
  const amount = max === null || max === undefined ? plain.format(value) : `${plain.format(value)} – ${plain.format(max)}`;
  if (kind === "percent") return `${amount} %`;
  if (!unit) return amount;
  const noun = unit === "year" && (value !== 1 || max) ? "years" : unit;
  return `${amount} ${noun}`;
}

function compact(value) {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** "2005 – 2013", "since 2007", "until 2013", or null when the figure has no period. */
export function period(figure) {
  const { period_start: start, period_end: end } = figure;
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return `since ${start}`;
  if (end) return `until ${end}`;
  return null;
}

/** "more than $11B" */
export function describe(figure) {
  const comparator =
    figure.comparator && figure.comparator !== "eq" ? `${COMPARATORS[figure.comparator]} ` : "";
  return `${comparator}${shortValue(figure)}`;
}

/** "2.1 A legacy of the Chávez years" */
export function sectionLabel(section) {
  return section.number ? `${section.number} ${section.title}` : section.title;
}

export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** The year of an ISO 8601 date or year ("2013", "2013-05-01"), or null. */
export function yearOf(iso) {
  if (!iso) return null;
  const year = parseInt(iso.slice(0, 4), 10);
  return Number.isFinite(year) ? year : null;
}

// "English" for "en", in the reader's own language; null for "und" (undetermined) or an
// unknown code.
export function languageName(code) {
  if (!code || code === "und") return null;
  try {
    return new Intl.DisplayNames([navigator.language, "en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

// The `lang` attribute of an article's own text (its title, its sections): its language, or
// "" (unknown, as HTML reads it) when undetermined, so that the page's English is not claimed
// for it. Screen readers, hyphenation and fonts follow it.
export function textLang(code) {
  return code && code !== "und" ? code : "";
}

// Where an article came from, in one line: publisher, authors, date and language, the parts
// it has.
export function provenance(article) {
  const parts = [
    article.publisher,
    article.authors?.length ? article.authors.join(", ") : null,
    article.published,
    languageName(article.language),
  ];
  return parts.filter(Boolean).join(" · ");
}

// The article a fact is from, as one cites it: title, publisher and date, the parts it has.
export function citation(meta) {
  if (!meta) return "";
  return [meta.title, meta.publisher, meta.published].filter(Boolean).join(" · ");
}
