"""The databases a benchmark serves: the service's, loaded by the real loader, and a copy of it
laid out for Datasette's `_search` (a table and an FTS5 index over it with the same text)."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlmodel import Session

from app.core.db import sqlite_url
from app.ingest.curated import ActorEntry
from app.ingest.loader import load
from app.ingest.pipeline import ArticleFacts
from app.ingest.seed import Seed, read_seed
from app.search.index import actor_rows, article_rows
from bench.servers import REPO


def seed() -> Seed:
    return read_seed(REPO / "seed")


@dataclass(frozen=True)
class Loaded:
    path: Path
    seconds: float

    @property
    def megabytes(self) -> float:
        return self.path.stat().st_size / 1e6


def load_service(
    path: Path, articles: Sequence[ArticleFacts], actors: Sequence[ActorEntry]
) -> Loaded:
    started = time.perf_counter()
    load(sqlite_url(path), articles, actors)
    return Loaded(path, time.perf_counter() - started)


def datasette_copy(service_db: Path, dest: Path) -> Path:
    """A copy of the service's database with its search rows (app/search/index.py: the very
    rows the service indexes) as Datasette expects them: a table and an FTS5 index over it
    declared with content="docs"."""
    shutil.copy(service_db, dest)
    engine = create_engine(sqlite_url(dest))
    try:
        with Session(engine) as session:
            articles = [r[0] for r in session.connection().execute(text("SELECT id FROM article"))]
            rows = [*actor_rows(session), *article_rows(session, articles)]
    finally:
        engine.dispose()
    with contextlib.closing(sqlite3.connect(dest)) as conn, conn:
        conn.execute(
            "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, type TEXT, ref TEXT, title TEXT,"
            " body TEXT, aliases TEXT)"
        )
        conn.executemany(
            "INSERT INTO docs (type, ref, title, body, aliases) VALUES (?, ?, ?, ?, ?)",
            [(r.type, r.id, r.title, r.body, r.aliases) for r in rows],
        )
        conn.executescript(
            """
            CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, aliases, content="docs",
                                                     tokenize='porter unicode61');
            INSERT INTO docs_fts (docs_fts) VALUES ('rebuild');
            """
        )
    return dest
