"""The migrations: up and down on an empty database, and in step with the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect
from sqlmodel import SQLModel

import app.models.tables  # noqa: F401  (registers the tables)
from app.core import migrations

FACT_TABLES = {
    "actor",
    "article",
    "claim",
    "claim_actor",
    "claim_figure",
    "figure",
    "figure_actor",
    "figure_bucket",
    "figure_card",
    "figure_related",
    "mention",
    "section",
}


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return create_engine(f"sqlite:///{tmp_path / 'm.db'}")


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_upgrade_head_then_downgrade_base_then_upgrade_again(engine: Engine) -> None:
    with engine.begin() as conn:
        migrations.upgrade(conn)
    assert tables(engine) >= FACT_TABLES | {"alembic_version"}
    with engine.begin() as conn:
        assert migrations.current_revision(conn) == migrations.head_revision()
        migrations.downgrade(conn)
    assert tables(engine) == {"alembic_version"}
    with engine.begin() as conn:
        migrations.upgrade(conn)
    assert tables(engine) >= FACT_TABLES


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.begin() as conn:
        migrations.upgrade(conn)
        opts = {"compare_type": True, "include_object": env_include_object}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), SQLModel.metadata)
    assert diff == []


def env_include_object(obj: object, name: str | None, kind: str, *args: object) -> bool:
    """The same filter as migrations/env.py: the search index is the migrations' own."""
    return not (kind == "table" and name is not None and name.startswith("search_"))
