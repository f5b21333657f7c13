"""The `article-facts` command: seed the database, ingest an article, serve the API."""

from __future__ import annotations

import logging
import os
import re
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from pydantic_settings import SettingsError
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from app.core.config import ENV_PREFIX, Settings, get_settings
from app.core.db import create_read_engine, database_exists, is_sqlite, sqlite_path
from app.ingest.article import IngestError
from app.ingest.batch import Options, Outcome, load_batch, read_batch
from app.ingest.curated import ActorEntry, CuratedError, load_curated
from app.ingest.fetch import FetchError
from app.ingest.files import FileRefusedError
from app.ingest.loader import LoadError, LoadReport, load
from app.ingest.metadata import MetadataError, checked
from app.ingest.pipeline import ArticleFacts, PipelineError
from app.ingest.recognizer import RecognizerError, load_recognizer
from app.ingest.seed import CURATED_FILE, SeedError, read_seed
from app.ingest.sources import ARTICLE_SUFFIXES, STDIN, expand, read_facts
from app.ingest.sqlite_file import remove_leftovers
from app.queries.articles import list_articles as query_articles
from app.queries.rows import SqlAlchemyRows

cli = typer.Typer(
    help="Serve the verifiable facts of analysis articles over a REST API.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
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
# The listing shows every article, however many, within a generous time limit.
MAX_LISTED = 10_000_000
LIST_TIMEOUT_MS = 60_000


def _fail(message: str, code: int = 1) -> typer.Exit:
    # The message is text, not markup: "article-facts[ner]" must print as written.
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _settings() -> Settings:
    """The settings, or one error line per environment variable that is wrong."""
    try:
        return get_settings()
    except ValidationError as exc:
        problems = [
            f"{ENV_PREFIX}{str(e['loc'][0]).upper()}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        ]
        raise _fail("; ".join(problems)) from None
    except SettingsError as exc:  # a value pydantic-settings could not decode (JSON lists)
        field = re.search(r'field "(\w+)"', str(exc))
        name = f"{ENV_PREFIX}{field[1].upper()}" if field else "settings"
        raise _fail(f'{name}: not valid JSON (a list looks like ["*"])') from None


def _storage_problem(settings: Settings, exc: Exception) -> typer.Exit:
    if isinstance(exc, OSError):
        where = exc.filename or _where(settings)
        return _fail(f"{where}: {exc.strerror or exc}")
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return _fail(f"{_where(settings)}: {reason}")


def _remove_leftovers(settings: Settings) -> None:
    """What a killed load left beside the database, removed as a command starts, unless a load
    running in another process holds the lock (app/ingest/loader.py)."""
    for path in remove_leftovers(settings.database_url):
        out.print(f"removed {path}: left by a load that was killed", highlight=False)


def _seed(settings: Settings) -> LoadReport:
    with out.status("reading the seed articles") as status:
        seed = read_seed(settings.seed_dir)
        report = load(
            settings.database_url,
            seed.articles,
            seed.curated.actors,
            progress=lambda step: status.update(step),
        )
    out.print(_summary(seed.articles, report))
    return report


def _summary(articles: list[ArticleFacts], report: LoadReport) -> Table:
    table = Table("article", "sections", "actors", "figures", "claims", "status")
    for facts in articles:
        slug = facts.article.id
        table.add_row(
            slug,
            str(len(facts.sections)),
            str(len({m.actor_id for m in facts.mentions})),
            str(len(facts.figures)),
            str(len(facts.claims)),
            "written" if slug in report.written else "unchanged",
        )
    return table


def _where(settings: Settings) -> str:
    url = settings.database_url
    return str(sqlite_path(url)) if is_sqlite(url) else "database"


@cli.command()
def seed() -> None:
    """Migrate the database to the latest schema and load the seed articles; safe to repeat.

    Each seed article must be a regular file named by its id (a slug, then .txt): a symbolic link, FIFO or device in the seed folder is refused, wherever a link points.
    """  # noqa: E501 - one line, or the help output breaks it mid-sentence
    settings = _settings()
    _remove_leftovers(settings)
    try:
        report = _seed(settings)
    except EXPECTED_ERRORS as exc:
        raise _fail(str(exc)) from None
    except STORAGE_ERRORS as exc:
        raise _storage_problem(settings, exc) from None
    verdict = "updated" if report.changed else "already up to date; nothing written"
    out.print(f"{_where(settings)}: {verdict}", highlight=False)


@cli.command()
def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH|URL|-...",
            help="The articles: UTF-8 plain-text or Markdown files, web pages (.html, or a "
            "file that opens as HTML), http(s):// addresses to fetch, folders (their .txt, .md, "
            ".markdown and .html files), or - to read one article from standard input. A "
            "symbolic link you name is followed; it must lead to a regular file (no FIFO or "
            "device). `seed` refuses every link in the seed folder.",
            show_default=False,
        ),
    ],
    slug: Annotated[
        str | None,
        typer.Option(
            help="The article's id (one article only). Default: the file name without its "
            "extension; for standard input or an address, the title's slug.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            help="The title to store (one article only). Default: the first line.",
            show_default=False,
        ),
    ] = None,
    annotations: Annotated[
        Path | None,
        typer.Option(
            help="Actors and overrides for this article, in the format of seed/curated.toml "
            "(a regular file, or a link you name to one).",
            show_default=False,
        ),
    ] = None,
    source_url: Annotated[
        str | None,
        typer.Option(
            help="Where the article was published, http or https (one article only).",
            show_default=False,
        ),
    ] = None,
    publisher: Annotated[
        str | None, typer.Option(help="Who published it.", show_default=False)
    ] = None,
    author: Annotated[
        list[str] | None,
        typer.Option(help="An author; repeat for several, in order.", show_default=False),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date, YYYY-MM-DD.", show_default=False),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            help="The text's language (en, es-ES: ISO 639-1 is kept). Default: what the page "
            "or front matter declares, else detected from the text.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=64,
            help="Worker processes that read several articles at once. Default: the "
            "number of cores.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read articles into sections, actors, figures and claims, and load them; safe to repeat.

    The same text again changes nothing; a changed text under the same slug replaces that article's facts; a failure leaves the database as it was. Several files (or a folder) are read by a pool of worker processes and loaded together; a file that cannot be read or loaded is reported and the others are loaded (exit status 1).
    """  # noqa: E501 - one line, or the help output breaks it mid-sentence
    settings = _settings()
    _remove_leftovers(settings)
    try:
        # Given here, a value wins over what the text's front matter or page declares,
        # and that over the address the page was fetched from.
        given = checked(
            source_url=source_url,
            publisher=publisher,
            authors=author or [],
            published=published,
            language=language,
        )
        found = expand(sources)
        if len(found) != 1 or found != sources:
            single = {"--slug": slug, "--title": title, "--source-url": source_url}
            if named := [name for name, value in single.items() if value is not None]:
                raise _fail(f"{', '.join(named)} name one article; give one file, not several")
            if STDIN in found:
                raise _fail("- (standard input) is one article; give it alone")
            if not found:
                raise _fail(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in {sources[0]}")
            options = Options(
                settings.seed_dir / CURATED_FILE,
                annotations,
                given,
                settings.recognizer,
                settings.recognizer_model,
            )
            _ingest_many(settings, found, options, workers or os.cpu_count() or 1)
            return
        with out.status("reading") as status:
            facts, actors = read_facts(
                found[0],
                slug=slug,
                title=title,
                annotations=(
                    load_curated(annotations, follow_symlinks=True)
                    if annotations is not None
                    else None
                ),
                curated=load_curated(settings.seed_dir / CURATED_FILE),
                given=given,
                progress=status.update,
                recognizer=load_recognizer(settings.recognizer, settings.recognizer_model),
            )
            report = load(settings.database_url, [facts], actors, progress=status.update)
    except EXPECTED_ERRORS as exc:
        raise _fail(str(exc)) from None
    except STORAGE_ERRORS as exc:
        raise _storage_problem(settings, exc) from None
    out.print(_summary([facts], report))
    _proposed(actors)
    verdict = "updated" if report.changed else "already up to date; nothing written"
    out.print(f"{_where(settings)}: {verdict}", highlight=False)


def _ingest_many(settings: Settings, sources: list[str], options: Options, workers: int) -> None:
    """Several articles: a line on stderr as each is read, the table of those loaded, a line
    per file that was not; exit status 1 when any was not."""
    total = len(sources)
    err.print(f"reading {total} articles with {min(workers, total)} workers", highlight=False)

    def read(done: int, outcome: Outcome) -> None:
        facts = outcome.facts
        what = (
            f"{len(facts.figures)} figures, {len(facts.claims)} claims"
            if facts is not None
            else f"error: {outcome.error}"
        )
        err.print(f"[{done}/{total}] {outcome.source}: {what}", highlight=False, markup=False)

    outcomes = read_batch(sources, options, workers=workers, report=read)
    with out.status("loading") as status:
        report = load_batch(
            settings.database_url,
            outcomes,
            load_curated(options.curated_file).actors,
            progress=status.update,
        )
    loaded = [o for o in outcomes if o.facts is not None and o.error is None]
    if loaded:
        out.print(_summary([o.facts for o in loaded if o.facts is not None], report))
        _proposed([a for o in loaded for a in o.actors or []])
    failed = [o for o in outcomes if o.error is not None]
    for outcome in failed:
        err.print(f"[bold red]error:[/] {escape(outcome.error or '')}", highlight=False)
    verdict = "updated" if report.changed else "already up to date; nothing written"
    out.print(
        f"{_where(settings)}: {verdict}; {len(loaded)} of {total} articles loaded",
        highlight=False,
    )
    if failed:
        raise typer.Exit(1)


def _proposed(actors: list[ActorEntry]) -> None:
    proposed = sorted({a.name for a in actors if not a.reviewed})
    if proposed:
        out.print(f"unreviewed actors proposed: {', '.join(proposed)}", highlight=False)


def stored_articles(url: str) -> list[dict[str, Any]]:
    """Every stored article as `GET /v1/articles/{id}` shows it, in id order, through a
    read-only connection."""
    engine = create_read_engine(url, timeout_ms=LIST_TIMEOUT_MS)
    try:
        with engine.connect() as conn:
            rows = SqlAlchemyRows(conn)
            found, _ = query_articles(rows, limit=MAX_LISTED, offset=0)
            return found
    finally:
        engine.dispose()


@cli.command(name="list")
def list_articles() -> None:
    """List the stored articles: id, title, source and how many facts each has."""
    settings = _settings()
    if not database_exists(settings.database_url):
        raise _fail(f"no database at {_where(settings)}; create it with `article-facts seed`")
    try:
        articles = stored_articles(settings.database_url)
    except STORAGE_ERRORS as exc:
        raise _storage_problem(settings, exc) from None
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


@cli.command()
def delete(
    slug: Annotated[str, typer.Argument(help="The id of the article to delete.")],
) -> None:
    """Delete one article: its sections, figures, claims, mentions, search rows and the actors
    only it named, in one step; a failure leaves the database as it was."""
    settings = _settings()
    if not database_exists(settings.database_url):
        raise _fail(f"no database at {_where(settings)}; create it with `article-facts seed`")
    try:
        curated = load_curated(settings.seed_dir / CURATED_FILE)
        with out.status("deleting") as status:
            load(settings.database_url, [], curated.actors, delete=[slug], progress=status.update)
    except EXPECTED_ERRORS as exc:
        raise _fail(str(exc)) from None
    except STORAGE_ERRORS as exc:
        raise _storage_problem(settings, exc) from None
    out.print(f"{_where(settings)}: deleted article {slug!r}", highlight=False)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
) -> None:
    """Serve the API. On the embedded default, creates and seeds the database first if missing."""
    import uvicorn

    from app.core.serving import FileLimitError, raise_open_file_limit, uvicorn_options

    settings = _settings()
    _remove_leftovers(settings)
    try:
        raise_open_file_limit(settings)
    except FileLimitError as exc:
        raise _fail(str(exc)) from None
    if not database_exists(settings.database_url):
        if not settings.is_default_database:
            path = sqlite_path(settings.database_url)
            raise _fail(f"no database at {path}; create it with `article-facts seed`")
        out.print("No database yet: creating and seeding it.")
        # `article-facts seed` in a child process: reading may load the language detector's
        # model, and a serving process never loads one. The child says what failed itself.
        status = subprocess.run([sys.executable, "-m", "app", "seed"], check=False).returncode
        if status:
            raise typer.Exit(status)
    # uvicorn would log a bind failure and exit 3: say it as every other error, before it.
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise _fail(f"{host}:{port}: {exc.strerror or exc}") from None
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
