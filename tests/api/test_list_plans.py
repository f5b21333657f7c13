"""The lists whose SQL depends on the data (docs/performance.md, "Lists in a large corpus"):
whichever way a page is found, it holds the rows a plain query would list, in the same order,
with the same total."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from app.core.db import read_only_uri, sqlite_path
from app.models.vocabulary import ActorKind
from app.queries import actors, claims
from app.queries.rows import Facets, SqliteRows


@pytest.fixture
def conn(database_url: str) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(read_only_uri(sqlite_path(database_url)), uri=True)
    yield connection
    connection.close()


def naming(conn: sqlite3.Connection, actor: str) -> list[str]:
    """Every claim naming `actor`, in reading order, by the plainest query."""
    return [
        id_
        for (id_,) in conn.execute(
            "SELECT c.id FROM claim c JOIN claim_actor ca ON ca.claim_id = c.id"
            " WHERE ca.actor_id = ? ORDER BY c.article_id, c.position",
            (actor,),
        )
    ]


def test_the_walk_is_chosen_when_a_page_is_a_small_share_of_the_actors_claims(
    conn: sqlite3.Connection,
) -> None:
    rows = SqliteRows(conn)
    # 66 claims; russia is named in 24: the walk reads about 66 claims a wanted row.
    assert claims._walk_pays(rows, "russia", 1) is True
    assert claims._walk_pays(rows, "russia", 8) is True
    assert claims._walk_pays(rows, "russia", 9) is False
    assert claims._walk_pays(rows, "zte", 1) is False
    assert claims._walk_pays(rows, "nobody", 1) is False


@pytest.mark.parametrize("actor", ["venezuela", "russia", "the-west", "zte", "nobody"])
@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (3, 2), (5, 20), (100, 0), (2, 36)])
def test_claims_naming_an_actor_are_the_plain_querys_page(
    conn: sqlite3.Connection, actor: str, limit: int, offset: int
) -> None:
    expected = naming(conn, actor)
    found, total = claims.list_claims(
        SqliteRows(conn), claims.ClaimFilters(actor=actor), limit=limit, offset=offset
    )
    assert [claim["id"] for claim in found.items()] == expected[offset : offset + limit]
    assert total == len(expected)


def test_claims_naming_an_actor_with_facets_count_every_match(conn: sqlite3.Connection) -> None:
    facets = Facets({"kind": "c.kind"})
    found, total = claims.list_claims(
        SqliteRows(conn), claims.ClaimFilters(actor="russia"), limit=1, offset=0, facets=facets
    )
    assert (len(found), total) == (1, 24)
    assert sum(int(str(entry["count"])) for entry in facets.counts["kind"]) == 24


def test_claims_naming_an_actor_narrowed_further_are_the_plain_querys(
    conn: sqlite3.Connection,
) -> None:
    expected = [
        id_
        for (id_,) in conn.execute(
            "SELECT c.id FROM claim c JOIN claim_actor ca ON ca.claim_id = c.id"
            " WHERE ca.actor_id = 'china' AND c.kind = 'fact' ORDER BY c.article_id, c.position"
        )
    ]
    found, total = claims.list_claims(
        SqliteRows(conn),
        claims.ClaimFilters(actor="china", kind=claims.ClaimKind.FACT),
        limit=2,
        offset=1,
    )
    assert [claim["id"] for claim in found.items()] == expected[1:3]
    assert total == len(expected)


def test_actors_are_counted_without_their_mentions_when_nothing_narrows_them(
    conn: sqlite3.Connection,
) -> None:
    listed = conn.execute("SELECT count(*) FROM actor").fetchone()[0]
    countries = conn.execute("SELECT count(*) FROM actor WHERE kind = 'country'").fetchone()[0]
    mentions = dict(conn.execute("SELECT actor_id, count(*) FROM mention GROUP BY actor_id"))
    table, total = actors.list_actors(SqliteRows(conn), actors.ActorFilters(), limit=500, offset=0)
    found = table.items()
    assert total == listed
    assert {actor["id"]: actor["mentions"] for actor in found} == {
        actor["id"]: mentions.get(actor["id"], 0) for actor in found
    }
    assert [actor["mentions"] for actor in found] == sorted(
        (actor["mentions"] for actor in found), reverse=True
    )
    _, total = actors.list_actors(
        SqliteRows(conn), actors.ActorFilters(kind=ActorKind.COUNTRY), limit=1, offset=0
    )
    assert total == countries
