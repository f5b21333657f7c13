"""The migrations on PostgreSQL: up, down, up again, and in step with the models."""

from __future__ import annotations

from collections.abc import Callable

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlmodel import SQLModel

from app.core import data_version, migrations
from tests.test_migrations import FACT_TABLES, env_include_object

SEARCH_TABLES = {
    "search_stems",
    "search_names",
    "search_generation",
}


def test_upgrade_head_then_downgrade_base_then_upgrade_again(
    postgres_database: Callable[[], str],
) -> None:
    engine = create_engine(postgres_database())
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn)
        assert set(inspect(engine).get_table_names()) == (
            FACT_TABLES | SEARCH_TABLES | {"alembic_version", "data_version"}
        )
        with engine.begin() as conn:
            assert migrations.current_revision(conn) == migrations.head_revision()
            assert data_version.read(conn) == 0
            migrations.downgrade(conn)
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        with engine.begin() as conn:
            migrations.upgrade(conn)
            # Migration 0002 made it, 0016 dropped it with the tables it was for.
            configs = conn.execute(
                text("SELECT cfgname FROM pg_ts_config WHERE cfgname = 'article_facts'")
            ).scalars()
            assert list(configs) == []
        assert set(inspect(engine).get_table_names()) >= FACT_TABLES | SEARCH_TABLES
    finally:
        engine.dispose()


def test_models_and_migrations_agree(postgres_database: Callable[[], str]) -> None:
    engine = create_engine(postgres_database())
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn)
            opts = {"compare_type": True, "include_object": env_include_object}
            diff = compare_metadata(MigrationContext.configure(conn, opts=opts), SQLModel.metadata)
        assert diff == []
    finally:
        engine.dispose()
