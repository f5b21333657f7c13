"""The `article-facts` command: seed the database, serve the API."""

from __future__ import annotations

import logging
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from app.core.config import Settings, get_settings
from app.core.db import database_exists, is_sqlite, sqlite_path
from app.ingest.curated import CuratedError
from app.ingest.loader import LoadError, LoadReport, load
from app.ingest.pipeline import PipelineError
from app.ingest.seed import SeedError, read_seed

cli = typer.Typer(
    help="Serve the verifiable facts of analysis articles over a REST API.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# soft_wrap: messages stay on one line, so paths in them can be copied and grepped.
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXPECTED_ERRORS = (SeedError, CuratedError, PipelineError, LoadError)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _seed(settings: Settings) -> LoadReport:
    with out.status("reading the seed articles") as status:
        seed = read_seed(settings.seed_dir)
        report = load(
            settings.database_url,
            seed.articles,
            seed.curated.actors,
            progress=lambda step: status.update(step),
        )
    table = Table("article", "sections", "actors", "figures", "claims", "status")
    for facts in seed.articles:
        slug = facts.article.id
        table.add_row(
            slug,
            str(len(facts.sections)),
            str(len({m.actor_id for m in facts.mentions})),
            str(len(facts.figures)),
            str(len(facts.claims)),
            "written" if slug in report.written else "unchanged",
        )
    out.print(table)
    return report


@cli.command()
def seed() -> None:
    """Migrate the database to the latest schema and load the seed articles; safe to repeat."""
    settings = get_settings()
    try:
        report = _seed(settings)
    except EXPECTED_ERRORS as exc:
        raise _fail(str(exc)) from None
    where = sqlite_path(settings.database_url) if is_sqlite(settings.database_url) else "database"
    verdict = "updated" if report.changed else "already up to date; nothing written"
    out.print(f"{where}: {verdict}", highlight=False)


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
) -> None:
    """Serve the API. On the embedded default, creates and seeds the database first if missing."""
    import uvicorn

    settings = get_settings()
    if not database_exists(settings.database_url):
        if not settings.is_default_database:
            path = sqlite_path(settings.database_url)
            raise _fail(f"no database at {path}; create it with `article-facts seed`")
        out.print("No database yet: creating and seeding it.")
        try:
            _seed(settings)
        except EXPECTED_ERRORS as exc:
            raise _fail(str(exc)) from None
    shown = "localhost" if host in ("0.0.0.0", "::") else host  # noqa: S104
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
    )


def main() -> None:
    cli()
