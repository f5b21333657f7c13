"""A load that writes a large share of the database analyzes what it wrote (app/core/
postgres.py, `analyze_large_load`): the planner has statistics from the commit on, not from
autovacuum's first pass a minute or more later."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import create_engine, text

from app.ingest.loader import load
from app.ingest.seed import Seed

RELTUPLES = "SELECT relname, reltuples FROM pg_class WHERE relname IN ('article', 'section')"


def test_a_first_load_leaves_the_planner_the_row_counts_it_wrote(
    postgres_database: Callable[[], str], seed: Seed
) -> None:
    url = postgres_database()
    load(url, seed.articles, seed.curated.actors)
    engine = create_engine(url)
    with engine.connect() as conn:
        counted = dict(conn.execute(text(RELTUPLES)).all())
        rows = conn.execute(text("SELECT count(*) FROM section")).scalar_one()
    engine.dispose()
    assert counted == {"article": 1.0, "section": float(rows)}
