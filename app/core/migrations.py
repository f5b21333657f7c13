"""Running the Alembic migrations from code, on a given connection, and telling whether a
database's schema is the one this version of the service reads."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    config.attributes["configure_logging"] = False
    return config


@cache
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@cache
def known_revisions() -> frozenset[str]:
    return frozenset(
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    )


class Schema(StrEnum):
    """A database's schema against this version's migrations."""

    CURRENT = "current"
    BEHIND = "behind"  # an older version wrote it: `article-facts migrate` brings it to head
    UNKNOWN = "unknown"  # a newer version (or something else) wrote it: this one cannot read it


def schema_state(revision: str | None) -> Schema:
    if revision == head_revision():
        return Schema.CURRENT
    if revision is None or revision in known_revisions():
        return Schema.BEHIND
    return Schema.UNKNOWN


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    command.upgrade(alembic_config(connection), revision)


def downgrade(connection: Connection, revision: str = "base") -> None:
    command.downgrade(alembic_config(connection), revision)
