"""Liveness and readiness: `/health` touches nothing, `/ready` asks the database, and is not
ready while the database's schema is not the one this version reads (a replica started before
`article-facts migrate` ran, or an older replica after it).

`/health` must answer whatever the database does, so nothing on the event loop ever waits for
the database (app/core/db.py); `/ready` asks on a worker thread, within the time limit.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from app.api.deps import DatabaseDep
from app.api.errors import problem_responses
from app.core.db import is_sqlite, sqlite_path
from app.core.migrations import Schema, schema_state
from app.search.dispatch import replica_for
from app.search.engine.store import IndexUnavailableError, searchable_rows

router = APIRouter(tags=["health"])
log = logging.getLogger("app.health")


class SchemaMismatchError(Exception):
    """The database's schema is not the one this version of the service reads."""


class Status(BaseModel):
    status: str
    version: str | None = None


@router.get("/health")
async def health() -> Status:
    """Liveness: the process answers. Touches nothing else."""
    return Status(status="ok")


@router.get("/ready", responses=problem_responses(503))
async def ready(database: DatabaseDep) -> Status:
    """Readiness: the database and its search index answer."""
    try:
        path = sqlite_path(database.url) if is_sqlite(database.url) else None
        await database.in_thread(partial(_check, database.engine, path))
        if path is None:
            # This replica's own copy of the index: built at start, and kept up to date.
            replica_for(database).view()
    except (SQLAlchemyError, OSError, IndexUnavailableError) as exc:
        log.error("not ready: the database does not answer: %s", type(exc).__name__)
        raise HTTPException(503, "The database or its search index does not answer.") from None
    except SchemaMismatchError as exc:
        log.error("not ready: %s", exc)
        raise HTTPException(
            503, "The database's schema is not this version's: run `article-facts migrate`."
        ) from None
    return Status(status="ready", version=database.version)


def _check(engine: Engine, sqlite_file: Path | None) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT count(*) FROM article")).scalar_one()
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        state = schema_state(revision)
        if state is not Schema.CURRENT:
            raise SchemaMismatchError(f"the database's schema {revision} is {state}")
        # The search index is a separate structure that can break on its own.
        if sqlite_file is not None:
            searchable_rows(conn, sqlite_file)
