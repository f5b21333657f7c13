"""What every `article-facts` command shares: its two consoles, the errors it expects, and how
it says what failed."""

from __future__ import annotations

import re
import sqlite3

import typer
from pydantic import ValidationError
from pydantic_settings import SettingsError
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from app.core.config import ENV_PREFIX, Settings, get_settings
from app.core.db import is_sqlite, sqlite_path
from app.ingest.article import IngestError
from app.ingest.curated import CuratedError
from app.ingest.fetch import FetchError
from app.ingest.files import FileRefusedError
from app.ingest.load_checks import LoadError
from app.ingest.loader import LoadReport
from app.ingest.metadata import MetadataError
from app.ingest.pipeline import ArticleFacts, PipelineError
from app.ingest.recognizer import RecognizerError
from app.ingest.seed import SeedError
from app.ingest.sqlite_file import remove_leftovers

# soft_wrap: messages stay on one line, so paths in them can be copied and grepped.
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXPECTED_ERRORS = (
    SeedError,
    CuratedError,
    PipelineError,
    LoadError,
    IngestError,
    MetadataError,
    RecognizerError,
    FetchError,
    FileRefusedError,
)
# What the database or the file system can refuse: a file that is not a database, a server that
# does not answer, a folder that cannot be written.
STORAGE_ERRORS = (sqlite3.DatabaseError, SQLAlchemyError, OSError)


def fail(message: str, code: int = 1) -> typer.Exit:
    # The message is text, not markup: "article-facts[ner]" must print as written.
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def load_settings() -> Settings:
    """The settings, or one error line per environment variable that is wrong."""
    try:
        return get_settings()
    except ValidationError as exc:
        problems = [
            f"{ENV_PREFIX}{str(e['loc'][0]).upper()}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        ]
        raise fail("; ".join(problems)) from None
    except SettingsError as exc:  # a value pydantic-settings could not decode (JSON lists)
        field = re.search(r'field "(\w+)"', str(exc))
        name = f"{ENV_PREFIX}{field[1].upper()}" if field else "settings"
        raise fail(f'{name}: not valid JSON (a list looks like ["*"])') from None


def storage_problem(settings: Settings, exc: Exception) -> typer.Exit:
    if isinstance(exc, OSError):
        path = exc.filename or where(settings)
        return fail(f"{path}: {exc.strerror or exc}")
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return fail(f"{where(settings)}: {reason}")


def remove_load_leftovers(settings: Settings) -> None:
    """What a killed load left beside the database, removed as a command starts, unless a load
    running in another process holds the lock (app/ingest/loader.py)."""
    for path in remove_leftovers(settings.database_url):
        out.print(f"removed {path}: left by a load that was killed", highlight=False)


def summary_row(facts: ArticleFacts, report: LoadReport) -> list[str]:
    """One article's line of the summary table."""
    slug = facts.article.id
    return [
        slug,
        str(len(facts.sections)),
        str(len({m.actor_id for m in facts.mentions})),
        str(len(facts.figures)),
        str(len(facts.claims)),
        "written" if slug in report.written else "unchanged",
    ]


def summary_table(rows: list[list[str]]) -> Table:
    table = Table("article", "sections", "actors", "figures", "claims", "status")
    for row in rows:
        table.add_row(*row)
    return table


def summary(articles: list[ArticleFacts], report: LoadReport) -> Table:
    return summary_table([summary_row(facts, report) for facts in articles])


def where(settings: Settings) -> str:
    url = settings.database_url
    return str(sqlite_path(url)) if is_sqlite(url) else "database"
