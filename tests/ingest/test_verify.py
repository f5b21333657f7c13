"""Checking stored facts against the stored text: each kind of mismatch is reported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text

from app.ingest import verify
from app.ingest.verify import verify_database
from tests.conftest import ARTICLE, copy_database


@pytest.fixture
def conn(tmp_path: Path, database_url: str) -> Iterator[Connection]:
    path = tmp_path / "facts.db"
    copy_database(Path(database_url.removeprefix("sqlite:///")), path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def first_id(conn: Connection, table: str) -> str:
    return str(conn.execute(text(f"SELECT id FROM {table} ORDER BY id LIMIT 1")).scalar_one())


def test_the_seed_holds(conn: Connection) -> None:
    assert verify_database(conn, [ARTICLE]) == []


def test_offsets_past_the_text(conn: Connection) -> None:
    claim = first_id(conn, "claim")
    conn.execute(
        text('UPDATE claim SET start = 10000000, "end" = 10000005 WHERE id = :id'), {"id": claim}
    )
    assert verify_database(conn, [ARTICLE]) == [
        f"{ARTICLE}: claim {claim}: offsets 10000000..10000005 outside the text",
        f"{ARTICLE}: claim {claim}: not inside its section",
    ]


def test_a_section_whose_body_is_not_at_its_offsets(conn: Connection) -> None:
    section = first_id(conn, "section")
    conn.execute(text("UPDATE section SET body = 'elsewhere' WHERE id = :id"), {"id": section})
    assert verify_database(conn, [ARTICLE]) == [
        f"{ARTICLE}: section {section}: title or body not at its offsets"
    ]


def test_a_mention_outside_its_section(conn: Connection) -> None:
    mention, section = conn.execute(
        text("SELECT id, section_id FROM mention ORDER BY id LIMIT 1")
    ).one()
    other = conn.execute(
        text("SELECT id FROM section WHERE id != :id ORDER BY id LIMIT 1"), {"id": section}
    ).scalar_one()
    conn.execute(
        text("UPDATE mention SET section_id = :s WHERE id = :id"), {"s": other, "id": mention}
    )
    assert verify_database(conn, [ARTICLE]) == [
        f"{ARTICLE}: mention {mention}: not inside its section"
    ]


def test_many_articles_are_read_a_round_at_a_time(
    conn: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "ARTICLES_PER_QUERY", 1)
    claim = first_id(conn, "claim")
    conn.execute(text("UPDATE claim SET text = 'other' WHERE id = :id"), {"id": claim})
    [problem] = verify_database(conn, [ARTICLE, "missing", ARTICLE])
    assert problem.startswith(f"{ARTICLE}: claim {claim}: text[")
