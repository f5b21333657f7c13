"""The `article-facts` command: seed the database, ingest an article, serve the API."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
from typing import Annotated, Any

import typer

from app.cli_common import (
    EXPECTED_ERRORS,
    STORAGE_ERRORS,
    fail,
    load_settings,
    out,
    remove_load_leftovers,
    storage_problem,
    summary,
    where,
)
from app.cli_ingest import ingest
from app.core.config import Settings
from app.core.db import create_read_engine, database_exists, is_sqlite, sqlite_path
from app.core.migrations import Schema, current_revision, head_revision, schema_state
from app.ingest.curated import load_curated
from app.ingest.loader import LoadReport, load
from app.ingest.seed import CURATED_FILE, read_seed
from app.queries.articles import list_articles as query_articles
from app.queries.rows import SqlAlchemyRows
from app.search.engine import store as search_store

cli = typer.Typer(
    help="Serve the verifiable facts of analysis articles over a REST API.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# The listing shows every article, however many, within a generous time limit.
MAX_LISTED = 10_000_000
LIST_TIMEOUT_MS = 60_000

cli.command()(ingest)


def _seed(settings: Settings) -> LoadReport:
    with out.status("reading the seed articles") as status:
        seed = read_seed(settings.seed_dir)
        report = load(
            settings.database_url,
            seed.articles,
            seed.curated.actors,
            progress=lambda step: status.update(step),
        )
    out.print(summary(seed.articles, report))
    return report


@cli.command()
def seed() -> None:
    """Migrate the database to the latest schema and load the seed articles; safe to repeat.

    Each seed article must be a regular file named by its id (a slug, then .txt): a symbolic link, FIFO or device in the seed folder is refused, wherever a link points.
    """  # noqa: E501 - one line, or the help output breaks it mid-sentence
    settings = load_settings()
    remove_load_leftovers(settings)
    try:
        report = _seed(settings)
    except EXPECTED_ERRORS as exc:
        raise fail(str(exc)) from None
    except STORAGE_ERRORS as exc:
        raise storage_problem(settings, exc) from None
    verdict = "updated" if report.changed else "already up to date; nothing written"
    out.print(f"{where(settings)}: {verdict}", highlight=False)


def stored_articles(url: str) -> list[dict[str, Any]]:
    """Every stored article as `GET /v1/articles/{id}` shows it, in id order, through a
    read-only connection."""
    engine = create_read_engine(url, timeout_ms=LIST_TIMEOUT_MS)
    try:
        with engine.connect() as conn:
            rows = SqlAlchemyRows(conn)
            found, _ = query_articles(rows, limit=MAX_LISTED, offset=0)
            return found.items()
    finally:
        engine.dispose()


@cli.command(name="list")
def list_articles() -> None:
    """List the stored articles: id, title, source and how many facts each has."""
    settings = load_settings()
    if not database_exists(settings.database_url):
        raise fail(f"no database at {where(settings)}; create it with `article-facts seed`")
    try:
        articles = stored_articles(settings.database_url)
    except STORAGE_ERRORS as exc:
        raise storage_problem(settings, exc) from None
    # Plain aligned columns, the title last and whole: ids and titles copy and grep as they are.
    width = max((len(article["id"]) for article in articles), default=7)
    out.print(f"{'article':<{width}}  sections  actors  figures  claims  title", highlight=False)
    for article in articles:
        counts = article["counts"]
        out.print(
            f"{article['id']:<{width}}  {counts['sections']:>8}  {counts['actors']:>6}"
            f"  {counts['figures']:>7}  {counts['claims']:>6}  {article['title']}",
            highlight=False,
            markup=False,
        )
    out.print(f"{len(articles)} article{'' if len(articles) == 1 else 's'}", highlight=False)


def stored_revision(url: str) -> str | None:
    """The schema revision the database at `url` is at (None before any migration)."""
    engine = create_read_engine(url, timeout_ms=LIST_TIMEOUT_MS)
    try:
        with engine.connect() as conn:
            return current_revision(conn)
    finally:
        engine.dispose()


@cli.command()
def migrate() -> None:
    """Bring the database's schema to this version's, in one step (a failure leaves it as it was); safe to repeat."""  # noqa: E501 - one line, or the help output breaks it mid-sentence
    settings = load_settings()
    if not database_exists(settings.database_url):
        raise fail(f"no database at {where(settings)}; create it with `article-facts seed`")
    remove_load_leftovers(settings)
    try:
        before = stored_revision(settings.database_url)
        if schema_state(before) is Schema.UNKNOWN:
            raise fail(_unknown_schema(settings, before))
        curated = load_curated(settings.seed_dir / CURATED_FILE)
        with out.status("migrating") as status:
            # A load of no article: the loader migrates in the transaction it writes in.
            load(settings.database_url, [], curated.actors, progress=status.update)
    except EXPECTED_ERRORS as exc:
        raise fail(str(exc)) from None
    except STORAGE_ERRORS as exc:
        raise storage_problem(settings, exc) from None
    verdict = (
        f"schema {head_revision()}, already up to date"
        if before == head_revision()
        else f"migrated from schema {before or 'none'} to {head_revision()}"
    )
    out.print(f"{where(settings)}: {verdict}", highlight=False)


def _index_missing(settings: Settings) -> bool:
    """Whether a SQLite database names no search index that is on disk."""
    if not is_sqlite(settings.database_url):
        return False
    engine = create_read_engine(settings.database_url, timeout_ms=LIST_TIMEOUT_MS)
    try:
        with engine.connect() as conn:
            return not search_store.usable(
                conn, search_store.root_for(sqlite_path(settings.database_url))
            )
    finally:
        engine.dispose()


def _unknown_schema(settings: Settings, revision: str | None) -> str:
    return (
        f"the database at {where(settings)} has schema {revision}, which this version does not"
        f" know (it reads {head_revision()}): a newer version of article-facts wrote it"
    )


def _ready_schema(settings: Settings) -> None:
    """Stops `serve` on a database whose schema it cannot read; on the embedded default, brings
    an older schema to this version's first."""
    try:
        revision = stored_revision(settings.database_url)
    except STORAGE_ERRORS as exc:
        raise storage_problem(settings, exc) from None
    state = schema_state(revision)
    if state is Schema.UNKNOWN:
        raise fail(_unknown_schema(settings, revision))
    if state is Schema.CURRENT and not _index_missing(settings):
        return
    if state is Schema.CURRENT:
        # A database copied without its search index, or whose index was removed.
        if not settings.is_default_database:
            raise fail(
                f"the database at {where(settings)} has no search index beside it: run"
                " `article-facts migrate` to build it"
            )
        out.print("The database has no search index: building it.")
    elif not settings.is_default_database:
        raise fail(
            f"the database at {where(settings)} has schema {revision or 'none'}; this version"
            f" reads {head_revision()}: run `article-facts migrate` first"
        )
    else:
        out.print(
            f"The database's schema is {revision or 'none'}: migrating it to {head_revision()}."
        )
    status = subprocess.run([sys.executable, "-m", "app", "migrate"], check=False).returncode
    if status:
        raise typer.Exit(status)


@cli.command()
def delete(
    slug: Annotated[str, typer.Argument(help="The id of the article to delete.")],
) -> None:
    """Delete one article: its sections, figures, claims, mentions, search rows and the actors
    only it named, in one step; a failure leaves the database as it was."""
    settings = load_settings()
    if not database_exists(settings.database_url):
        raise fail(f"no database at {where(settings)}; create it with `article-facts seed`")
    try:
        curated = load_curated(settings.seed_dir / CURATED_FILE)
        with out.status("deleting") as status:
            load(settings.database_url, [], curated.actors, delete=[slug], progress=status.update)
    except EXPECTED_ERRORS as exc:
        raise fail(str(exc)) from None
    except STORAGE_ERRORS as exc:
        raise storage_problem(settings, exc) from None
    out.print(f"{where(settings)}: deleted article {slug!r}", highlight=False)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
) -> None:
    """Serve the API. On the embedded default, creates and seeds the database first if missing, and migrates it if an older version wrote it."""  # noqa: E501 - one line, or the help output breaks it mid-sentence
    import uvicorn

    from app.core.serving import FileLimitError, raise_open_file_limit, uvicorn_options

    settings = load_settings()
    remove_load_leftovers(settings)
    try:
        raise_open_file_limit(settings)
    except FileLimitError as exc:
        raise fail(str(exc)) from None
    if not database_exists(settings.database_url):
        if not settings.is_default_database:
            path = sqlite_path(settings.database_url)
            raise fail(f"no database at {path}; create it with `article-facts seed`")
        out.print("No database yet: creating and seeding it.")
        # `article-facts seed` in a child process: reading may load the language detector's
        # model, and a serving process never loads one. The child says what failed itself.
        status = subprocess.run([sys.executable, "-m", "app", "seed"], check=False).returncode
        if status:
            raise typer.Exit(status)
    else:
        _ready_schema(settings)
    # uvicorn would log a bind failure and exit 3: say it as every other error, before it.
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise fail(f"{host}:{port}: {exc.strerror or exc}") from None
    shown = "localhost" if host in ("0.0.0.0", "::") else host  # noqa: S104
    out.print(f"Explorer: [link]http://{shown}:{port}/[/link]")
    out.print(f"Docs: [link]http://{shown}:{port}/docs[/link]")
    # Access lines come from app.access as JSON; uvicorn's own would repeat them as text.
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        server_header=False,
        access_log=False,
        log_level="info",
        **uvicorn_options(settings),
    )


def main() -> None:
    cli()
