"""The tables of related figures as a load reads and writes them: each figure's bucket
(`figure_bucket`), the pairs of its list (`figure_related`) and the cards of the figures listed
(`figure_card`), in the load's transaction. What to write is app/ingest/related_index.py's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Connection, text

from app.core import postgres
from app.ingest import related
from app.ingest.pipeline import ArticleFacts
from app.ingest.related import BucketKey, Pair, Relatable, buckets
from app.ingest.rows import FigureRelatedRow
from app.queries.figures import figures
from app.queries.rows import SqlAlchemyRows, in_list

# Ids per `IN (...)`: well under every backend's limit on bound parameters.
CHUNK = 500
# Related pairs written per executemany.
WRITE_BATCH = 5000
_PAIR_COLUMNS = FigureRelatedRow._fields

_RELATABLE = (
    "SELECT f.id, f.article_id, a.published, f.kind, f.unit, f.change, f.measure, f.value,"
    " f.value_max, f.comparator, f.period_start_year, f.period_end_year"
    " FROM figure f JOIN article a ON a.id = f.article_id"
    " WHERE f.value IS NOT NULL AND f.measure IS NOT NULL AND {where}"
)
_ACTORS = (
    "SELECT fa.figure_id, fa.actor_id FROM figure_actor fa JOIN figure f ON f.id = fa.figure_id"
    " WHERE f.value IS NOT NULL AND f.measure IS NOT NULL AND {where}"
)


def rows_in(
    conn: Connection, sql: str, values: Sequence[object], params: Mapping[str, object] = {}
) -> Iterator[Sequence[Any]]:
    """The rows of `sql` (a constant of this package) with `{values}` replaced by an
    `IN (...)` of `values`, CHUNK of them a statement."""
    for start in range(0, len(values), CHUNK):
        condition, bound = in_list("value", values[start : start + CHUNK])
        yield from conn.execute(text(sql.format(values=condition)), {**bound, **params})


def read(conn: Connection, where: str, params: dict[str, object]) -> list[Relatable]:
    actors: dict[str, list[str]] = defaultdict(list)
    for figure_id, actor_id in conn.execute(text(_ACTORS.format(where=where)), params).all():
        actors[figure_id].append(actor_id)
    return [
        Relatable(
            id=row[0],
            article=row[1],
            published=row[2],
            kind=row[3],
            unit=row[4],
            change=row[5],
            actors=tuple(sorted(actors.get(row[0], ()))),
            measure=row[6],
            value=row[7],
            value_max=row[8],
            comparator=row[9],
            period_start_year=row[10],
            period_end_year=row[11],
        )
        for row in conn.execute(text(_RELATABLE.format(where=where)), params).all()
    ]


def stored_keys(conn: Connection, slugs: Sequence[str]) -> set[BucketKey]:
    """The buckets the stored articles `slugs` have figures in (read before they go)."""
    return _keys(conn, "f.article_id", slugs)


def keys_of(conn: Connection, ids: Sequence[str]) -> set[BucketKey]:
    """The buckets of the stored figures `ids`."""
    return _keys(conn, "f.id", ids)


def _keys(conn: Connection, column: str, values: Sequence[str]) -> set[BucketKey]:
    keys: set[BucketKey] = set()
    for start in range(0, len(values), CHUNK):
        condition, params = in_list("value", values[start : start + CHUNK])
        keys |= set(buckets(read(conn, f"{column} IN {condition}", params)))
    return keys


def relatable(facts: ArticleFacts) -> list[Relatable]:
    """An article's figures as grouping sees them, before they are written."""
    actors: dict[str, list[str]] = defaultdict(list)
    for link in facts.figure_actors:
        actors[link.figure_id].append(link.actor_id)
    return [
        Relatable(
            id=figure.id,
            article=figure.article_id,
            published=facts.article.published,
            kind=figure.kind,
            unit=figure.unit,
            change=figure.change,
            actors=tuple(sorted(actors.get(figure.id, ()))),
            measure=figure.measure,
            value=figure.value,
            value_max=figure.value_max,
            comparator=figure.comparator,
            period_start_year=figure.period_start_year,
            period_end_year=figure.period_end_year,
        )
        for figure in facts.figures
    ]


def written_keys(batch: Iterable[ArticleFacts]) -> set[BucketKey]:
    return {key for facts in batch for key in buckets(relatable(facts))}


def members(conn: Connection, keys: set[BucketKey] | None) -> list[Relatable]:
    """The stored figures of the buckets `keys` (every bucket for None), read through
    `figure_bucket`. (Read through an actor, they cost a walk of every figure that actor
    names: at 10,000 synthetic articles, the two buckets of China and Nicaragua's money
    figures, 2,088 figures, were read from Nicaragua's 18,360 in 0.3-0.4 s; through their
    names, in 0.05 s.)"""
    if keys is None:
        found = read(conn, "1 = 1", {})
    else:
        names = sorted(related.bucket_name(key) for key in keys)
        seen: dict[str, Relatable] = {}
        for start in range(0, len(names), CHUNK):
            condition, params = in_list("bucket", names[start : start + CHUNK])
            where = f"f.id IN (SELECT figure_id FROM figure_bucket WHERE bucket IN {condition})"  # noqa: S608 (placeholders only)
            seen.update((figure.id, figure) for figure in read(conn, where, params))
        found = list(seen.values())
    return [f for f in found if f.key is not None and (keys is None or f.key in keys)]


def place(conn: Connection, batch: Iterable[ArticleFacts]) -> None:
    """Names the bucket of each figure of the articles `batch`, just written."""
    write_buckets(conn, [figure for facts in batch for figure in relatable(facts)])


def write_buckets(conn: Connection, figures: Iterable[Relatable]) -> None:
    rows = [
        (figure.id, related.bucket_name(key))
        for figure in figures
        if (key := figure.key) is not None
    ]
    if postgres.can_copy(conn):
        postgres.copy_rows(conn, "figure_bucket", ("figure_id", "bucket"), rows)
        return
    for start in range(0, len(rows), WRITE_BATCH):
        conn.execute(
            text("INSERT INTO figure_bucket (figure_id, bucket) VALUES (:figure_id, :bucket)"),
            [{"figure_id": f, "bucket": b} for f, b in rows[start : start + WRITE_BATCH]],
        )


class ListEnd(NamedTuple):
    """A stored list's length and its last entry (ranks may skip)."""

    entries: int
    rank: int
    related: str
    similarity: float


def list_ends(conn: Connection, ids: Sequence[str]) -> dict[str, ListEnd]:
    """The end of each stored list of the figures `ids` that is not empty. Two statements a
    chunk, each a range of the primary key: PostgreSQL answered the one statement that joins
    the lists' last ranks back to the table by hashing all of it (1.2 million pairs at 10,000
    articles: 0.23 s for 500 lists)."""
    found: dict[str, ListEnd] = {}
    for start in range(0, len(ids), CHUNK):
        condition, params = in_list("id", ids[start : start + CHUNK])
        counts = conn.execute(
            text(
                "SELECT figure_id, count(*), max(rank) FROM figure_related"  # noqa: S608 (placeholders only)
                f" WHERE figure_id IN {condition} GROUP BY figure_id"
            ),
            params,
        ).all()
        ends = {figure_id: (int(entries), int(last)) for figure_id, entries, last in counts}
        ranks, rank_params = in_list("rank", sorted({last for _, last in ends.values()}))
        rows = conn.execute(
            text(
                "SELECT figure_id, rank, related_id, similarity FROM figure_related"  # noqa: S608 (placeholders only)
                f" WHERE figure_id IN {condition} AND rank IN {ranks}"
            ),
            {**params, **rank_params},
        )
        for figure_id, rank, related_id, similarity in rows:
            entries, last = ends[figure_id]
            if rank == last:
                found[figure_id] = ListEnd(entries, last, related_id, float(similarity))
    return found


def stored_lists(
    conn: Connection, ids: Sequence[str]
) -> dict[str, list[tuple[int, str, float, bool]]]:
    """The stored lists of the figures `ids`: each entry's rank, figure, similarity and
    agreement, in rank order (a deleted figure's entries are gone already: ranks may skip)."""
    found: dict[str, list[tuple[int, str, float, bool]]] = defaultdict(list)
    rows = rows_in(
        conn,
        "SELECT figure_id, rank, related_id, similarity, agrees FROM figure_related"
        " WHERE figure_id IN {values} ORDER BY figure_id, rank",
        ids,
    )
    for figure_id, rank, related_id, score, agrees in rows:
        found[figure_id].append((int(rank), related_id, float(score), bool(agrees)))
    return found


def last_entries(conn: Connection, ids: Sequence[str], limit: int) -> dict[str, tuple[float, str]]:
    """The last entry (similarity, figure) of each full list of the figures `ids`: its entry
    of the highest rank, ranks may skip (`update`)."""
    return {
        figure_id: (end.similarity, end.related)
        for figure_id, end in list_ends(conn, ids).items()
        if end.entries == limit
    }


def carded(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Those of the figures `ids` that have a card."""
    sql = "SELECT figure_id FROM figure_card WHERE figure_id IN {values}"
    return {figure_id for (figure_id,) in rows_in(conn, sql, ids)}


def write_pairs(conn: Connection, pairs: Sequence[Pair]) -> None:
    if postgres.can_copy(conn):
        # One COPY, not an executemany of INSERTs: 38,000 pairs (what one delete at 10,000
        # articles rewrote before a shortened list kept its ranks) took 1.09-1.19 s as
        # INSERTs and 0.55-0.56 s as COPY, the rest being the server's own work (foreign
        # keys, two indexes).
        copied = (
            FigureRelatedRow(p.figure, p.rank, p.related, p.similarity, p.agrees) for p in pairs
        )
        postgres.copy_rows(conn, "figure_related", _PAIR_COLUMNS, copied)
        return
    columns = ", ".join(_PAIR_COLUMNS)
    for start in range(0, len(pairs), WRITE_BATCH):
        rows = [
            FigureRelatedRow(p.figure, p.rank, p.related, p.similarity, p.agrees)
            for p in pairs[start : start + WRITE_BATCH]
        ]
        if conn.dialect.name == "sqlite":
            # Tuples as sqlite3 binds them: SQLAlchemy's parameter processing of each row cost
            # more than SQLite's own insert (a bucket of the synthetic corpus at 10,000 articles
            # writes 160,000 pairs: 1.0 -> 0.4 s).
            conn.exec_driver_sql(
                f"INSERT INTO figure_related ({columns}) VALUES (?, ?, ?, ?, ?)",  # noqa: S608 (constants only)
                rows,
            )
        else:
            conn.execute(
                text(
                    f"INSERT INTO figure_related ({columns})"  # noqa: S608 (constants only)
                    " VALUES (:figure_id, :rank, :related_id, :similarity, :agrees)"
                ),
                [row._asdict() for row in rows],
            )


def write_cards(conn: Connection, ids: Sequence[str]) -> None:
    """The figures `ids` serialised as the figure list answers them (its own query)."""
    rows = SqlAlchemyRows(conn)
    insert = text("INSERT INTO figure_card (figure_id, item) VALUES (:figure_id, :item)")
    for start in range(0, len(ids), CHUNK):
        condition, params = in_list("id", ids[start : start + CHUNK])
        items = figures(rows, f"f.id IN {condition}", params)
        cards = [{"figure_id": item["id"], "item": orjson.dumps(item).decode()} for item in items]
        if cards:
            conn.execute(insert, cards)
