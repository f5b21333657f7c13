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
from collections.abc import Collection, Sequence
from dataclasses import replace

from sqlalchemy import Connection, delete, text
from sqlmodel import col

from app.ingest import related
from app.ingest.related import BucketKey, Pair, Relatable, buckets, entering, relate
from app.ingest.related_tables import (
    CHUNK,
    carded,
    keys_of,
    last_entries,
    list_ends,
    members,
    rows_in,
    stored_lists,
    write_buckets,
    write_cards,
    write_pairs,
)
from app.models.tables import FigureBucket, FigureCard, FigureRelated
from app.queries.rows import in_list


def recompute(conn: Connection, keys: set[BucketKey] | None) -> int:
    """Writes the related pairs of the buckets `keys` (every bucket for None) afresh; returns
    how many were written."""
    if keys is not None and not keys:
        return 0
    group = members(conn, keys)
    ids = [figure.id for figure in group]
    if keys is None:
        conn.execute(delete(FigureRelated))
        conn.execute(delete(FigureCard))
        # Every figure's bucket named afresh, so a database upgraded to figure_bucket has
        # them all.
        conn.execute(delete(FigureBucket))
        write_buckets(conn, group)
    else:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            conn.execute(delete(FigureRelated).where(col(FigureRelated.figure_id).in_(chunk)))
            conn.execute(delete(FigureCard).where(col(FigureCard.figure_id).in_(chunk)))
    pairs = relate(group, limit=related.MAX_RELATED)
    write_pairs(conn, pairs)
    write_cards(conn, sorted({pair.related for pair in pairs}))
    return len(pairs)


def lists_holding(conn: Connection, slugs: Sequence[str]) -> set[str]:
    """The figures of other articles whose related lists hold a figure of the articles `slugs`
    (read before those go): deleting the articles changes those lists and no other, since
    the rank of two figures in a list depends on those two alone."""
    holding = rows_in(
        conn,
        "SELECT DISTINCT r.figure_id FROM figure_related r"
        " JOIN figure f ON f.id = r.related_id WHERE f.article_id IN {values}",
        slugs,
    )
    own = rows_in(conn, "SELECT id FROM figure WHERE article_id IN {values}", slugs)
    return {figure_id for (figure_id,) in holding} - {figure_id for (figure_id,) in own}


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
    limit = related.MAX_RELATED
    if not added:
        # Of a delete's buckets, only those of the lists that change: the others lost figures
        # no list held.
        shortened = members(conn, keys & keys_of(conn, sorted(changed)))
        return _continue_lists(conn, shortened, set(changed), limit)
    group = members(conn, keys)
    ids = {figure.id for figure in group}
    targets = set(changed) | (set(added) & ids)
    if added:
        last = last_entries(conn, sorted(ids - set(added)), limit)
        for bucket in buckets(group).values():
            targets |= entering(bucket, added, last, limit)
    targets &= ids
    if not targets:
        return 0
    stored = stored_lists(conn, sorted(targets))
    pairs = relate(group, limit=limit, only=targets)
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
    write_pairs(conn, written)
    listed = {pair.related for pair in written}
    write_cards(conn, sorted(listed - carded(conn, sorted(listed))))
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


def _continue_lists(
    conn: Connection, group: Sequence[Relatable], shortened: set[str], limit: int
) -> int:
    """The lists `shortened` by a delete, each continued after its last entry with the
    figures that move up (related.extend); the entries they keep are not read again. At
    10,000 articles the bench's heaviest delete shortens 1,061 lists: ranking all 50 entries
    of each again, as a load that adds does, was 0.2-0.5 s of it."""
    targets = shortened & {figure.id for figure in group}
    if not targets:
        return 0
    ends = list_ends(conn, sorted(targets))
    lists: dict[str, tuple[int, str | None]] = {}
    # A pair's rank from `extend` counts on from the entries kept; stored, it follows the
    # last kept entry's rank.
    shift: dict[str, int] = {}
    for target in targets:
        end = ends.get(target)
        lists[target] = (end.entries, end.related) if end else (0, None)
        shift[target] = end.rank + 1 - end.entries if end else 0
    pairs = related.extend(group, lists, limit=limit)
    written = [replace(pair, rank=pair.rank + shift[pair.figure]) for pair in pairs]
    write_pairs(conn, written)
    listed = {pair.related for pair in written}
    write_cards(conn, sorted(listed - carded(conn, sorted(listed))))
    return len(written)
