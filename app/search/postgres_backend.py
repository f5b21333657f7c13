"""`GET /v1/search` on PostgreSQL: the same query language, answer and JSON as on SQLite.

The query is parsed by `query.parse` as on SQLite, actor names are expanded the same way, and
the terms become a tsquery written by this module from quoted lexemes and its own operators
(`&`, `|`, `<->`, `:*`), then bound as one parameter of `to_tsquery`: nothing the user typed
is SQL or tsquery syntax. Every word matches as a stem, the last word as a prefix while typed,
a phrase as adjacent words; all words, or failing that any word (`mode`). Ranking is
`ts_rank_cd` with the SQLite weights (title 10, aliases 5, body 1), so scores are on another
scale than BM25's and close ties may order differently; the set of results, `total`, `mode`
and the facets are the same (tests/postgres/test_search.py). Snippets come from `ts_headline`
for the page's rows only, with private-use markers turned into `<mark>` after escaping, as on
SQLite; suggestions come from a trigram index over the unstemmed vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.engine import Engine

from app.queries.published import article_meta
from app.queries.rows import SqlAlchemyRows
from app.search import highlight, stems
from app.search.aliases import (
    ActorNames,
    Alternative,
    spans,
)
from app.search.completions import completions_for
from app.search.filters import SearchFilters
from app.search.postgres_index import CONFIG
from app.search.query import ParsedQuery, Term, parse
from app.search.results import Hit, Result, facets, hit
from app.search.schemas import SearchMode, SearchType
from app.search.suggest import FEW_MATCHES, MIN_WORD_LENGTH, closest, suggest

# ts_rank_cd's weights for D, C, B, A (body, unused, aliases, title): SQLite's 1 / 5 / 10,
# divided by ten because PostgreSQL wants them in [0, 1]. Normalization 1 divides by
# 1 + log(length): short fields (a claim) rank above long ones (the section holding it), as
# BM25's length normalization does.
WEIGHTS = "{0.1, 0, 0.5, 1.0}"
NORMALIZATION = 1
# ts_headline's window, as SQLite's snippet() is cut at 24 tokens.
HEADLINE = (
    f"StartSel={highlight.OPEN}, StopSel={highlight.CLOSE}, MaxWords=24, MinWords=20, ShortWord=0"
)
# ts_headline drops anything its parser takes for an HTML tag; SQLite shows it (escaped). So
# `<` goes in as this private-use character and comes back before escaping.
LESS_THAN = "\ue002"
MAX_COMPLETIONS = 8
# The most rows a query ranks (and counts in `total` and the facets): when more match, the
# newest ones (the highest rowids: the last loaded). It bounds what a common word costs.
MAX_MATCHES = 1_000
# Trigram similarity a vocabulary word needs to be considered as a correction; rapidfuzz then
# ranks the candidates exactly as on SQLite (suggest.closest).
TRIGRAM_THRESHOLD = "0.2"
MAX_CANDIDATES = 50

# A match: rowid, type, id, article, section, actors, rank (here higher is better).
Match = tuple[int, str, str, str | None, str | None, str, float]


def lexeme(token: str, *, prefix: bool = False) -> str:
    """A tsquery operand that is always one quoted lexeme: quotes and backslashes escaped."""
    quoted = "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + ":*" if prefix else quoted


def phrase(alternative: Alternative) -> str:
    words, prefix = alternative
    last = len(words) - 1
    return " <-> ".join(lexeme(w, prefix=prefix and i == last) for i, w in enumerate(words))


@dataclass(frozen=True)
class Group:
    """One term, or a run of terms naming an actor (any of its names will do)."""

    alternatives: tuple[Alternative, ...]
    named: tuple[int, ...] = ()

    def tsquery(self) -> str:
        return "(" + " | ".join(f"({phrase(a)})" for a in self.alternatives) + ")"


def term_tsquery(term: Term) -> str:
    return phrase((term.tokens, term.prefix))


def expand(
    query: ParsedQuery,
    names: ActorNames,
    completions: dict[int, tuple[str, ...]],
    variants: dict[int, tuple[str, ...]] | None = None,
) -> list[Group]:
    """`aliases.spans` as tsquery groups."""
    return [
        Group(span.alternatives, span.named) for span in spans(query, names, completions, variants)
    ]


def match_all(groups: Sequence[Group]) -> str:
    return " & ".join(g.tsquery() for g in groups)


def match_any(groups: Sequence[Group]) -> str:
    return " | ".join(g.tsquery() for g in groups)


def filter_sql(filters: SearchFilters) -> tuple[str, dict[str, Any]]:
    """SQL conditions with bound parameters: no value is ever written into the SQL."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if filters.types:
        clauses.append("type = ANY(:types)")
        params["types"] = [t.value for t in filters.types]
    if filters.article is not None:
        clauses.append(
            "(article = :article OR (type = 'actor' AND id IN"
            " (SELECT actor_id FROM mention WHERE article_id = :article)))"
        )
        params["article"] = filters.article
    if filters.section is not None:
        clauses.append("section = :section")
        params["section"] = filters.section
    if filters.published:
        # An actor is in the articles when one of them mentions it.
        articles, values = filters.published.articles()
        clauses.append(
            f"(article IN ({articles}) OR (type = 'actor' AND id IN"  # noqa: S608 (placeholders only)
            f" (SELECT actor_id FROM mention WHERE article_id IN ({articles}))))"
        )
        params.update(values)
    return "".join(f" AND {c}" for c in clauses), params


def _matches(conn: Connection, tsquery: str, filters: SearchFilters) -> list[Match]:
    """The matching rows, best first; the newest MAX_MATCHES of them when more match, as on
    SQLite before its own index."""
    where, params = filter_sql(filters)
    rows = conn.execute(
        text(
            "SELECT * FROM (SELECT rowid, type, id, article, section, actors,"  # noqa: S608 (constants and placeholders only)
            f" ts_rank_cd('{WEIGHTS}', document, q, {NORMALIZATION}) AS r"
            f" FROM search_index, to_tsquery('{CONFIG}', :tsquery) AS q"
            f" WHERE document @@ q{where} ORDER BY rowid DESC LIMIT :max) AS newest"
            ' ORDER BY r DESC, type COLLATE "C", id COLLATE "C"'
        ),
        {"tsquery": tsquery, "max": MAX_MATCHES, **params},
    ).all()
    return [(r[0], r[1], r[2], r[3], r[4], r[5], float(r[6])) for r in rows]


_COUNT = text(
    f"SELECT count(*) FROM search_index WHERE document @@ to_tsquery('{CONFIG}', :q)"  # noqa: S608 (constants and placeholders only)
)


def count_rows(conn: Connection, tsquery: str) -> int:
    """Rows the tsquery matches, with no filters (what `suggest` asks of a term)."""
    return int(conn.execute(_COUNT, {"q": tsquery}).scalar_one())


def completions(conn: Connection, prefix: str) -> tuple[str, ...]:
    """Vocabulary words starting with `prefix`, those in most rows first."""
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        text(
            "SELECT word FROM search_words WHERE word LIKE :pattern AND length(word) >= :min"
            " ORDER BY rows DESC, word LIMIT :n"
        ),
        {"pattern": pattern, "min": MIN_WORD_LENGTH, "n": MAX_COMPLETIONS},
    ).scalars()
    return tuple(rows)


def correction(conn: Connection, word: str, more_than: int) -> str | None:
    """The closest vocabulary word in more rows: trigram candidates, ranked by rapidfuzz."""
    # Local to this transaction: the threshold `%` (and its GIN index) uses.
    conn.execute(
        text("SELECT set_config('pg_trgm.similarity_threshold', :t, true)"),
        {"t": TRIGRAM_THRESHOLD},
    )
    rows = conn.execute(
        text(
            "SELECT word, rows FROM search_words"
            " WHERE word % :word AND length(word) >= :min AND rows > :more"
            " ORDER BY similarity(word, :word) DESC, rows DESC, word LIMIT :n"
        ),
        {"word": word, "min": MIN_WORD_LENGTH, "more": more_than, "n": MAX_CANDIDATES},
    ).all()
    return closest(word, {w: int(n) for w, n in rows}, more_than=more_than)


# Every actor with its names: its aliases, then its translated names (names.py), in one
# statement (a round trip is a good part of a search here).
_NAMES = text(
    "SELECT a.id, a.name, a.aliases, array(SELECT n.name FROM search_names AS n"
    " WHERE n.actor = a.id ORDER BY n.position) FROM actor AS a ORDER BY a.id"
)


def load_names(conn: Connection) -> ActorNames:
    rows = conn.execute(_NAMES).all()
    return ActorNames.from_rows((r[0], r[1], [*r[2], *r[3]]) for r in rows)


_SPELLED = text(stems.SPELLED_SQL.format(language=":language", stems=":stems")).bindparams(
    bindparam("stems", expanding=True)
)


# Whether the index of a database at a data version has rows stemmed by other rules than
# English (stems.py), as SQLite's IndexData.has_stems: an index without them is asked nothing
# more, not even in a round trip. Keyed by database and version; emptied when it fills.
_HAS_STEMS: dict[tuple[str, str], bool] = {}
_HAS_STEMS_SQL = text("SELECT EXISTS (SELECT 1 FROM search_stems)")
MAX_VERSIONS = 64


def has_stems(conn: Connection, version: str | None) -> bool:
    """True when the version is unknown (the words are then looked up, finding what is)."""
    if version is None:
        return True
    key = (conn.engine.url.render_as_string(hide_password=True), version)
    found = _HAS_STEMS.get(key)
    if found is None:
        found = bool(conn.execute(_HAS_STEMS_SQL).scalar_one())
        if len(_HAS_STEMS) >= MAX_VERSIONS:
            _HAS_STEMS.clear()
        _HAS_STEMS[key] = found
    return found


def variants(
    conn: Connection,
    query: ParsedQuery,
    completed: dict[int, tuple[str, ...]],
    version: str | None = None,
) -> dict[int, tuple[str, ...]]:
    """backend._variants on PostgreSQL: the same words from the same table."""
    words = stems.wanted(query)
    if not words or not has_stems(conn, version):
        return {}
    lookup: stems.Lookup = {}
    for language, asked in stems.stems_of(words.values()).items():
        found = conn.execute(_SPELLED, {"language": language, "stems": asked})
        lookup[language] = stems.spelled((str(r[0]), str(r[1])) for r in found)
    return stems.variants_for(query, words, lookup, completed)


def _cut_marks(marked: str, original: str) -> str:
    """The headline with `…` where ts_headline left text out, as snippet() marks it."""
    shown = " ".join(marked.replace(highlight.OPEN, "").replace(highlight.CLOSE, "").split())
    whole = " ".join(original.split())
    if not shown or shown == whole:
        return marked
    head = "" if whole.startswith(shown) else highlight.ELLIPSIS
    tail = "" if whole.endswith(shown) else highlight.ELLIPSIS
    return head + marked.strip() + tail


def choose(kind: str, marked: dict[str, str]) -> str:
    """The column that shows the match best, as safe HTML (snippets.choose, same rules)."""
    if kind == SearchType.ACTOR:
        parts = [marked["title"], marked["aliases"]]
        if highlight.has_match(marked["body"]):
            parts.append(marked["body"])
        return " · ".join(_html(p) for p in parts if p)
    order = ("body", "title") if kind == SearchType.SECTION else ("body",)
    chosen = next((marked[c] for c in order if highlight.has_match(marked[c])), marked[order[0]])
    return _html(chosen)


def _html(marked: str) -> str:
    return highlight.to_html(marked.replace(LESS_THAN, "<"))


_COLUMNS = ("title", "body", "aliases")
_SNIPPETS = text(
    "SELECT rowid, type, label, title, body, aliases,"  # noqa: S608 (constants and placeholders only)
    + ", ".join(f" ts_headline('{CONFIG}', replace({c}, '<', :lt), q, :options)" for c in _COLUMNS)
    + f" FROM search_index, to_tsquery('{CONFIG}', :tsquery) AS q WHERE rowid IN :rowids"
).bindparams(bindparam("rowids", expanding=True))


def _hits(conn: Connection, tsquery: str, page: Sequence[Match]) -> list[Hit]:
    if not page:
        return []
    cut: dict[int, tuple[str, str]] = {}
    for row in conn.execute(
        _SNIPPETS,
        {"lt": LESS_THAN, "options": HEADLINE, "tsquery": tsquery, "rowids": [m[0] for m in page]},
    ).all():
        originals = dict(zip(_COLUMNS, row[3:6], strict=True))
        marked = {
            c: _cut_marks(m, originals[c].replace("<", LESS_THAN))
            for c, m in zip(_COLUMNS, row[6:9], strict=True)
        }
        cut[row[0]] = (row[2], choose(row[1], marked))
    meta = article_meta(SqlAlchemyRows(conn), (m[3] for m in page))
    return [
        hit(kind, id_, cut[rowid][0], cut[rowid][1], round(rank, 6), section, article, meta)
        for rowid, kind, id_, article, section, _, rank in page
    ]


def _completions(conn: Connection, query: ParsedQuery) -> dict[int, tuple[str, ...]]:
    return completions_for(
        query,
        lambda term: count_rows(conn, term_tsquery(term)),
        lambda word: completions(conn, word),
    )


def search(
    engine: Engine,
    q: str,
    filters: SearchFilters,
    *,
    limit: int,
    offset: int,
    version: str | None = None,
) -> Result:
    """`backend.search` on PostgreSQL, through the read-only engine (app/core/postgres.py).
    `version`: the data version the service last saw (`Database.version`), which what is
    known of the index is kept under.

    Blocking: call it from a worker thread, not on the event loop. Database errors surface as
    SQLAlchemy's DBAPIError, which the service answers with a 503 problem.
    """
    query = parse(q)
    if not query:
        return Result([], 0, limit, offset, SearchMode.ALL, facets([]), None)
    with engine.connect() as conn:
        completed = _completions(conn, query)
        found = variants(conn, query, completed, version)
        groups = expand(query, load_names(conn), completed, found)
        mode, tsquery = SearchMode.ALL, match_all(groups)
        matches = _matches(conn, tsquery, filters)
        if not matches and len(groups) > 1:
            mode, tsquery = SearchMode.ANY, match_any(groups)
            matches = _matches(conn, tsquery, filters)
        suggestion = None
        if mode is SearchMode.ANY or len(matches) <= FEW_MATCHES:
            skip = {*completed, *found, *(i for group in groups for i in group.named)}
            suggestion = suggest(
                query,
                count=lambda term: count_rows(conn, term_tsquery(term)),
                correct=lambda word, matched: correction(conn, word, matched),
                skip=skip,
            )
        return Result(
            items=_hits(conn, tsquery, matches[offset : offset + limit]),
            total=len(matches),
            limit=limit,
            offset=offset,
            mode=mode,
            facets=facets([m[1:6] for m in matches]),
            suggestion=suggestion,
            # Only the newest MAX_MATCHES were ranked and counted.
            total_exact=len(matches) < MAX_MATCHES,
            facets_exact=len(matches) < MAX_MATCHES,
        )
