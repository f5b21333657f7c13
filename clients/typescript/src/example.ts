/**
 * A small typed consumer of the article-facts API.
 *
 * Every path, parameter and response body below is checked against `schema.d.ts`, which
 * openapi-typescript generates from the service's `/openapi.json` (see ../check.sh): a renamed
 * field or a removed filter in the API fails `tsc`, not a user.
 *
 * Run against a local service:  ARTICLE_FACTS_URL=http://127.0.0.1:8000 npm run example
 */
import { pathToFileURL } from "node:url";

import createClient from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type SearchPage = components["schemas"]["SearchPage"];
export type SearchHit = components["schemas"]["SearchHit"];
export type Figure = components["schemas"]["FigurePublic"];
export type Problem = components["schemas"]["Problem"];
export type SearchType = components["schemas"]["SearchType"];

// Lists also answer CSV and NDJSON; this consumer reads their JSON and the problems.
type Json = "application/json" | "application/problem+json";
export type Client = ReturnType<typeof createClient<paths, Json>>;

export function connect(baseUrl: string): Client {
  return createClient<paths, Json>({ baseUrl });
}

/** An RFC 9457 problem answered by the API, as an exception. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
  }
}

/** Keyword search; `types` narrows it to sections, claims, figures or actors. */
export async function search(
  client: Client,
  q: string,
  types: SearchType[] = [],
  limit = 10,
): Promise<SearchPage> {
  const { data, error } = await client.GET("/v1/search", {
    params: { query: { q, type: types.length ? types : null, limit } },
  });
  if (error) throw new ApiError(error);
  return data;
}

/** Every money figure, largest first, following the pagination to the end. */
export async function moneyFigures(client: Client): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (let offset = 0; ; ) {
    const { data, error } = await client.GET("/v1/figures", {
      params: { query: { kind: "money", sort: "-value", limit: 100, offset } },
    });
    if (error) throw new ApiError(error);
    figures.push(...data.items);
    offset += data.items.length;
    if (offset >= data.total || data.items.length === 0) return figures;
  }
}

/** The snippet as plain text: the API escapes everything and marks matches with <mark>. */
export function plainSnippet(hit: SearchHit): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'" };
  return hit.snippet
    .replace(/<\/?mark>/g, "")
    .replace(/&(amp|lt|gt|quot|#x27);/g, (_, name: string) => entities[name] ?? "");
}

const COMPARATORS: Record<Figure["comparator"], string> = {
  eq: "",
  approx: "about ",
  gt: "more than ",
  gte: "at least ",
  lt: "less than ",
  lte: "at most ",
};

/** "more than USD 11,000,000,000 (2005–2013): Russian military equipment" */
export function describeMoney(figure: Figure): string {
  const amount =
    figure.value === null
      ? figure.quote
      : `${figure.unit ?? ""} ${figure.value.toLocaleString("en-US")}`.trim();
  const period =
    figure.period_start || figure.period_end
      ? ` (${figure.period_start ?? "…"}–${figure.period_end ?? "…"})`
      : "";
  return `${COMPARATORS[figure.comparator]}${amount}${period}: ${figure.measure ?? "?"}`;
}

async function main(): Promise<void> {
  const client = connect(process.env["ARTICLE_FACTS_URL"] ?? "http://127.0.0.1:8000");

  const page = await search(client, process.argv[2] ?? "Sukhoi");
  console.log(`${page.total} results (${page.mode} words)`);
  for (const hit of page.items) {
    console.log(`  [${hit.type}] ${hit.title}\n      ${plainSnippet(hit)}`);
  }
  if (page.suggestion) console.log(`  Did you mean "${page.suggestion}"?`);

  console.log("Money figures:");
  for (const figure of await moneyFigures(client)) {
    console.log(`  ${describeMoney(figure)}`);
  }
}

// Only when run as a program, not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
