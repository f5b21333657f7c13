"""Checking stored facts against the stored text: every quote must sit at its offsets.

The facts are read back as plain columns, many articles per query: reading them as SQLModel
objects, four queries per article, was a sixth of a load's time (docs/performance.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, select
from sqlmodel import SQLModel

import app.models.tables  # noqa: F401 (puts the tables in SQLModel.metadata)

# Articles per round of queries: well under every backend's limit on bound parameters.
ARTICLES_PER_QUERY = 500

_TABLES = SQLModel.metadata.tables
# The facts with a quote: what the problem lines call them, their table, the quote's column.
_QUOTED = (
    ("mention", _TABLES["mention"], "surface"),
    ("claim", _TABLES["claim"], "text"),
    ("figure", _TABLES["figure"], "quote"),
)


def verify_database(conn: Connection, article_ids: Sequence[str]) -> list[str]:
    """Returns one line per fact whose offsets do not hold; empty when all is well."""
    ids = sorted(set(article_ids))
    problems: list[str] = []
    for start in range(0, len(ids), ARTICLES_PER_QUERY):
        problems += _verify_articles(conn, ids[start : start + ARTICLES_PER_QUERY])
    return problems


def _verify_articles(conn: Connection, article_ids: list[str]) -> list[str]:
    article = _TABLES["article"].c
    texts: dict[str, str] = dict(
        conn.execute(
            select(article.id, article.source_text).where(article.id.in_(article_ids))
        ).all()
    )
    # Each article's problems together, as when articles were checked one at a time.
    problems: dict[str, list[str]] = defaultdict(list)
    section = _TABLES["section"]
    columns = (section.c.title, section.c.body, section.c.start, section.c.end)
    spans: dict[str, tuple[int, int]] = {}
    for article_id, sid, title, body, start, end in _read(conn, section, columns, article_ids):
        spans[sid] = (start, end)
        mine = problems[article_id]
        found = _check(mine, texts[article_id], article_id, f"section {sid}", start, end)
        # A section without a heading (the introduction) is all body; others show their title.
        if found and (not found.endswith(body) or (found != body and title not in found)):
            mine.append(f"{article_id}: section {sid}: title or body not at its offsets")
    for kind, table, quote in _QUOTED:
        columns = (table.c.section_id, table.c.start, table.c.end, table.c[quote])
        for article_id, fact_id, sid, start, end, expected in _read(
            conn, table, columns, article_ids
        ):
            text, outer = texts[article_id], spans.get(sid)
            # Millions of facts in a large load: the ones that hold cost one chain of tests.
            if (
                outer is not None
                and 0 <= outer[0] <= start <= end <= outer[1] <= len(text)
                and text[start:end] == expected
            ):
                continue
            mine, what = problems[article_id], f"{kind} {fact_id}"
            _check(mine, text, article_id, what, start, end, expected)
            if outer is None or not (outer[0] <= start and end <= outer[1]):
                mine.append(f"{article_id}: {what}: not inside its section")
    return [line for article_id in sorted(problems) for line in problems[article_id]]


def _read(
    conn: Connection, table: Table, columns: tuple[Any, ...], article_ids: list[str]
) -> Sequence[Any]:
    """(article id, id, *columns) of the articles' rows, each article's in offset order."""
    c = table.c
    query: Select[tuple[Any, ...]] = (
        select(c.article_id, c.id, *columns)
        .where(c.article_id.in_(article_ids))
        .order_by(c.article_id, c.start, c.id)
    )
    return conn.execute(query).all()


def _check(
    problems: list[str],
    text: str,
    article_id: str,
    what: str,
    start: int,
    end: int,
    expected: str | None = None,
) -> str:
    """The text at [start, end), noting a problem when it is out of range or not `expected`."""
    if not 0 <= start <= end <= len(text):
        problems.append(f"{article_id}: {what}: offsets {start}..{end} outside the text")
        return ""
    found = text[start:end]
    if expected is not None and found != expected:
        problems.append(f"{article_id}: {what}: text[{start}:{end}] is {found!r}, not {expected!r}")
    return found
