"""`article-facts ingest`: one article read in the command's process, or several read by a pool
of processes (app/ingest/batch.py) and loaded together."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from app.cli_common import (
    EXPECTED_ERRORS,
    STORAGE_ERRORS,
    err,
    fail,
    load_settings,
    out,
    remove_load_leftovers,
    storage_problem,
    summary,
    summary_row,
    summary_table,
    where,
)
from app.core.config import Settings
from app.ingest.batch import Options, Outcome, load_batch, read_batch
from app.ingest.curated import ActorEntry, load_curated
from app.ingest.loader import load
from app.ingest.metadata import checked
from app.ingest.recognizer import load_recognizer
from app.ingest.seed import CURATED_FILE
from app.ingest.sources import ARTICLE_SUFFIXES, STDIN, expand, read_facts

# Articles read, then loaded, at a time: one load (one copy of a SQLite file) per 200 articles,
# and at most 200 articles' facts in memory.
LOAD_EVERY = 200


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
    settings = load_settings()
    remove_load_leftovers(settings)
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
                raise fail(f"{', '.join(named)} name one article; give one file, not several")
            if STDIN in found:
                raise fail("- (standard input) is one article; give it alone")
            if not found:
                raise fail(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in {sources[0]}")
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
        raise fail(str(exc)) from None
    except STORAGE_ERRORS as exc:
        raise storage_problem(settings, exc) from None
    out.print(summary([facts], report))
    _proposed(actors)
    verdict = "updated" if report.changed else "already up to date; nothing written"
    out.print(f"{where(settings)}: {verdict}", highlight=False)


def _ingest_many(settings: Settings, sources: list[str], options: Options, workers: int) -> None:
    """Several articles: a line on stderr as each is read, the table of those loaded, a line
    per file that was not; exit status 1 when any was not. Read and loaded LOAD_EVERY at a
    time, so the facts held at once stay bounded (some 200 KB an article) however many files."""
    total = len(sources)
    err.print(f"reading {total} articles with {min(workers, total)} workers", highlight=False)
    curated = load_curated(options.curated_file).actors
    rows: list[list[str]] = []
    proposed: set[str] = set()
    failed: list[str] = []
    owners: dict[str, str] = {}
    changed = False
    for start in range(0, total, LOAD_EVERY):

        def read(done: int, outcome: Outcome, start: int = start) -> None:
            facts = outcome.facts
            what = (
                f"{len(facts.figures)} figures, {len(facts.claims)} claims"
                if facts is not None
                else f"error: {outcome.error}"
            )
            err.print(
                f"[{start + done}/{total}] {outcome.source}: {what}", highlight=False, markup=False
            )

        part = sources[start : start + LOAD_EVERY]
        outcomes = read_batch(part, options, workers=workers, report=read)
        with out.status("loading") as status:
            report = load_batch(
                settings.database_url, outcomes, curated, owners=owners, progress=status.update
            )
        changed |= report.changed
        for outcome in outcomes:
            if outcome.error is not None:
                failed.append(outcome.error)
            elif outcome.facts is not None:
                rows.append(summary_row(outcome.facts, report))
                proposed |= {a.name for a in outcome.actors or [] if not a.reviewed}
    if rows:
        out.print(summary_table(rows))
    if proposed:
        out.print(f"unreviewed actors proposed: {', '.join(sorted(proposed))}", highlight=False)
    for error in failed:
        err.print(f"[bold red]error:[/] {escape(error)}", highlight=False)
    verdict = "updated" if changed else "already up to date; nothing written"
    out.print(
        f"{where(settings)}: {verdict}; {len(rows)} of {total} articles loaded", highlight=False
    )
    if failed:
        raise typer.Exit(1)


def _proposed(actors: list[ActorEntry]) -> None:
    proposed = sorted({a.name for a in actors if not a.reviewed})
    if proposed:
        out.print(f"unreviewed actors proposed: {', '.join(proposed)}", highlight=False)
