"""Keeping `figure_related` in step with the figures, inside the load that changes them.

A load that replaces articles recomputes every bucket (app/ingest/related.py) one of their
figures belongs to, old or new: an added figure can push another out of a figure's
`MAX_RELATED`, a deleted one leaves room for the next, and an article's new publication date
reorders the lists it is in. A bucket's pairs all lie within it, so recomputing one is deleting
its members' pairs and writing them again; nothing outside the buckets touched changes. A load
that only deletes articles, or only adds new ones, does less (`update`): the rank of two
figures in a list depends on those two alone, so only the lists that held a deleted figure,
or that a new one enters, change, each from its first changed entry on; a list that only
lost entries keeps the rest with their ranks (ranks order a list, and may skip) and gains
the figures that move up, after its last. A load that migrates the schema recomputes every
bucket, so a database upgraded to this table is filled at once. The request then reads one
ordered range of the table's primary key, joined to `figure_card`: each related figure as the
figure list serves it, written here by that list's own query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

import orjson
from sqlalchemy import Connection, delete, text
from sqlmodel import col

from app.core import postgres
from app.ingest import related
from app.ingest.pipeline import ArticleFacts
from app.ingest.related import BucketKey, Pair, Relatable, buckets, entering, relate
from app.ingest.rows import FigureRelatedRow
from app.models.tables import FigureCard, FigureRelated
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


def _read(conn: Connection, where: str, params: dict[str, object]) -> list[Relatable]:
    actors: dict[str, list[str]] = defaultdict(list)
    for figure_id, actor_id in conn.execute(text(_ACTORS.format(where=where)), params):
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
        for row in conn.execute(text(_RELATABLE.format(where=where)), params)
    ]


def stored_keys(conn: Connection, slugs: Sequence[str]) -> set[BucketKey]:
    """The buckets the stored articles `slugs` have figures in (read before they go)."""
    keys: set[BucketKey] = set()
    for start in range(0, len(slugs), CHUNK):
        condition, params = in_list("slug", slugs[start : start + CHUNK])
        keys |= set(buckets(_read(conn, f"f.article_id IN {condition}", params)))
    return keys


def _keys_of(conn: Connection, ids: Sequence[str]) -> set[BucketKey]:
    """The buckets of the stored figures `ids`."""
    keys: set[BucketKey] = set()
    for start in range(0, len(ids), CHUNK):
        condition, params = in_list("id", ids[start : start + CHUNK])
        keys |= set(buckets(_read(conn, f"f.id IN {condition}", params)))
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


def _members(conn: Connection, keys: set[BucketKey] | None) -> list[Relatable]:
    """The stored figures of the buckets `keys` (every bucket for None)."""
    if keys is None:
        found = _read(conn, "1 = 1", {})
    else:
        # A bucket's members all name each of its actors and are of its kind: read those of
        # its actor named by the fewest figures, keep the buckets asked for. (Its first actor
        # could be one most figures name: in the synthetic corpus at 10,000 articles, the
        # bucket of China and Nicaragua's money figures holds 1,006; read by China, 8,150
        # figures and their 20,353 actors, 0.25 s; by Nicaragua, half of that, 0.09 s.)
        named = _figure_counts(conn, sorted({actor for key in keys for actor in key[3]}))
        rarest = sorted({min(key[3], key=lambda a: (named.get(a, 0), a)) for key in keys})
        kinds, kind_params = in_list("kind", sorted({key[0] for key in keys}))
        seen: dict[str, Relatable] = {}
        for start in range(0, len(rarest), CHUNK):
            condition, params = in_list("actor", rarest[start : start + CHUNK])
            where = (
                f"f.kind IN {kinds} AND f.id IN"  # noqa: S608 (placeholders only)
                f" (SELECT figure_id FROM figure_actor WHERE actor_id IN {condition})"
            )
            seen.update(
                (figure.id, figure) for figure in _read(conn, where, {**params, **kind_params})
            )
        found = list(seen.values())
    return [f for f in found if f.key is not None and (keys is None or f.key in keys)]


def _figure_counts(conn: Connection, actors: Sequence[str]) -> dict[str, int]:
    """How many figures name each of the `actors`."""
    found: dict[str, int] = {}
    for start in range(0, len(actors), CHUNK):
        condition, params = in_list("actor", actors[start : start + CHUNK])
        rows = conn.execute(
            text(
                "SELECT actor_id, count(*) FROM figure_actor"  # noqa: S608 (placeholders only)
                f" WHERE actor_id IN {condition} GROUP BY actor_id"
            ),
            params,
        )
        found.update((actor, int(n)) for actor, n in rows)
    return found


def recompute(conn: Connection, keys: set[BucketKey] | None) -> int:
    """Writes the related pairs of the buckets `keys` (every bucket for None) afresh; returns
    how many were written."""
    if keys is not None and not keys:
        return 0
    members = _members(conn, keys)
    ids = [figure.id for figure in members]
    if keys is None:
        conn.execute(delete(FigureRelated))
        conn.execute(delete(FigureCard))
    else:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            conn.execute(delete(FigureRelated).where(col(FigureRelated.figure_id).in_(chunk)))
            conn.execute(delete(FigureCard).where(col(FigureCard.figure_id).in_(chunk)))
    pairs = relate(members, limit=related.MAX_RELATED)
    _write_pairs(conn, pairs)
    _write_cards(conn, sorted({pair.related for pair in pairs}))
    return len(pairs)


def lists_holding(conn: Connection, slugs: Sequence[str]) -> set[str]:
    """The figures of other articles whose related lists hold a figure of the articles `slugs`
    (read before those go): deleting the articles changes those lists and no other, since
    the rank of two figures in a list depends on those two alone."""
    found: set[str] = set()
    for start in range(0, len(slugs), CHUNK):
        condition, params = in_list("slug", slugs[start : start + CHUNK])
        rows = conn.execute(
            text(
                "SELECT DISTINCT r.figure_id FROM figure_related r"  # noqa: S608 (placeholders only)
                f" JOIN figure f ON f.id = r.related_id WHERE f.article_id IN {condition}"
            ),
            params,
        )
        found.update(figure_id for (figure_id,) in rows)
    for start in range(0, len(slugs), CHUNK):
        condition, params = in_list("slug", slugs[start : start + CHUNK])
        rows = conn.execute(
            text(f"SELECT id FROM figure WHERE article_id IN {condition}"),  # noqa: S608 (placeholders only)
            params,
        )
        found.difference_update(figure_id for (figure_id,) in rows)
    return found


def update(
    conn: Connection,
    keys: set[BucketKey],
    *,
    changed: Collection[str] = (),
    added: Collection[str] = (),
) -> int:
    """Writes again only the related lists a load changes, within the buckets `keys`: the
    lists `changed` (those that held a deleted figure), and, for figures `added`, their own
    lists and the lists they enter (related.entering). Equal to `recompute` of the same
    buckets, for a load that only deletes articles or only adds new ones; returns how many
    pairs were written."""
    if not changed and not added:
        # A delete whose figures no other list held changes no list: the buckets need not be
        # read (at 10,000 articles, reading them was 0.3-0.4 s of such a delete).
        return 0
    if not added:
        # Of a delete's buckets, only those of the lists that change: the others lost figures
        # no list held.
        keys = keys & _keys_of(conn, sorted(changed))
    members = _members(conn, keys)
    ids = {figure.id for figure in members}
    limit = related.MAX_RELATED
    targets = set(changed) | (set(added) & ids)
    if added:
        last = _last_entries(conn, sorted(ids - set(added)), limit)
        for bucket in buckets(members).values():
            targets |= entering(bucket, added, last, limit)
    targets &= ids
    if not targets:
        return 0
    stored = _stored_lists(conn, sorted(targets))
    pairs = relate(members, limit=limit, only=targets)
    wanted: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        wanted[pair.figure].append(pair)
    # Each list is written again from its first entry that changes: a new figure ranked
    # among the last of a list (an undated one, say) leaves the entries before it in place.
    # Ranks order a list and may skip: a list that lost entries to a delete keeps the rest as
    # they are and gains the figures that move up after its last (the 1,061 lists holding one
    # article's figures at 10,000 articles: 1,061 pairs written, not the 38,000 that
    # numbering them again from the first gap wrote).
    cuts: list[dict[str, object]] = []
    written: list[Pair] = []
    previous: set[str] = set()
    for figure_id in sorted(targets):
        old = stored.get(figure_id, [])
        new = wanted.get(figure_id, [])
        same = next(
            (
                i
                for i, (entry, pair) in enumerate(zip(old, new, strict=False))
                if entry[1:] != (pair.related, pair.similarity, pair.agrees)
            ),
            min(len(old), len(new)),
        )
        if same < len(old):
            first = old[same][0]
            cuts.append({"figure_id": figure_id, "rank": first})
            previous.update(entry[1] for entry in old[same:])
        else:
            first = old[-1][0] + 1 if old else 0
        written.extend(replace(pair, rank=first + i) for i, pair in enumerate(new[same:]))
    if cuts:
        conn.execute(
            text("DELETE FROM figure_related WHERE figure_id = :figure_id AND rank >= :rank"),
            cuts,
        )
    _write_pairs(conn, written)
    listed = {pair.related for pair in written}
    _write_cards(conn, sorted(listed - _carded(conn, sorted(listed))))
    # A card only the rewritten lists held, and no longer hold.
    dropped = sorted(previous - listed)
    for start in range(0, len(dropped), CHUNK):
        condition, params = in_list("id", dropped[start : start + CHUNK])
        conn.execute(
            text(
                f"DELETE FROM figure_card WHERE figure_id IN {condition} AND NOT EXISTS"  # noqa: S608 (placeholders only)
                " (SELECT 1 FROM figure_related r WHERE r.related_id = figure_card.figure_id)"
            ),
            params,
        )
    return len(written)


def _stored_lists(
    conn: Connection, ids: Sequence[str]
) -> dict[str, list[tuple[int, str, float, bool]]]:
    """The stored lists of the figures `ids`: each entry's rank, figure, similarity and
    agreement, in rank order (a deleted figure's entries are gone already: ranks may skip)."""
    found: dict[str, list[tuple[int, str, float, bool]]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        condition, params = in_list("id", ids[start : start + CHUNK])
        rows = conn.execute(
            text(
                "SELECT figure_id, rank, related_id, similarity, agrees FROM figure_related"  # noqa: S608 (placeholders only)
                f" WHERE figure_id IN {condition} ORDER BY figure_id, rank"
            ),
            params,
        )
        for figure_id, rank, related_id, score, agrees in rows:
            found[figure_id].append((int(rank), related_id, float(score), bool(agrees)))
    return found


def _last_entries(conn: Connection, ids: Sequence[str], limit: int) -> dict[str, tuple[float, str]]:
    """The last entry (similarity, figure) of each full list of the figures `ids`: its entry
    of the highest rank, ranks may skip (`update`)."""
    found: dict[str, tuple[float, str]] = {}
    for start in range(0, len(ids), CHUNK):
        condition, params = in_list("id", ids[start : start + CHUNK])
        rows = conn.execute(
            text(
                "SELECT r.figure_id, r.similarity, r.related_id FROM figure_related r JOIN"  # noqa: S608 (placeholders only)
                " (SELECT figure_id, max(rank) AS last FROM figure_related"
                f"  WHERE figure_id IN {condition} GROUP BY figure_id HAVING count(*) = :limit)"
                " AS full_list ON full_list.figure_id = r.figure_id AND r.rank = full_list.last"
            ),
            {**params, "limit": limit},
        )
        found.update((figure_id, (float(score), other)) for figure_id, score, other in rows)
    return found


def _carded(conn: Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        condition, params = in_list("id", ids[start : start + CHUNK])
        rows = conn.execute(
            text(f"SELECT figure_id FROM figure_card WHERE figure_id IN {condition}"),  # noqa: S608 (placeholders only)
            params,
        )
        found.update(figure_id for (figure_id,) in rows)
    return found


def _write_pairs(conn: Connection, pairs: Sequence[Pair]) -> None:
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


def _write_cards(conn: Connection, ids: Sequence[str]) -> None:
    """The figures `ids` serialised as the figure list answers them (its own query)."""
    rows = SqlAlchemyRows(conn)
    insert = text("INSERT INTO figure_card (figure_id, item) VALUES (:figure_id, :item)")
    for start in range(0, len(ids), CHUNK):
        condition, params = in_list("id", ids[start : start + CHUNK])
        items = figures(rows, f"f.id IN {condition}", params)
        cards = [{"figure_id": item["id"], "item": orjson.dumps(item).decode()} for item in items]
        if cards:
            conn.execute(insert, cards)
