"""Several articles in one `article-facts ingest`: read by a pool of worker processes, then
loaded together.

Reading is the costly part (the recognizer above all), and each article is read alone, so the
files are shared out over `workers` processes (by default one per core): the command's own
process and `workers - 1` worker processes, each taking the next file as it finishes one (the
command's process would otherwise sit idle, holding memory, while the others read). Each loads
the language detector and the recognizer's model on its first article and keeps them for the
rest. Where the platform can fork, the command's process loads both before it forks the workers,
which start with them loaded and share their pages (and the app's modules) until they write to
them; elsewhere the workers are spawned and each loads its own.

Loading is one step for the batch (the command reads and loads 200 files at a time: app/
cli_ingest.py), `load` as a single article has it (on SQLite one copy of the
file, written, checked and renamed into place; on a server one transaction): every article
that was read is written, or, when the database itself fails, none is. A file that cannot be
read, and an article the load refuses (its text is stored already under another id; one of its
section ids is another article's; two files of the batch make the same id), is reported with
its file and left out, and the rest are loaded without it: one bad file does not cost the batch.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from app.ingest.article import IngestError
from app.ingest.curated import ActorEntry, Curated, CuratedError, load_curated
from app.ingest.fetch import FetchError
from app.ingest.files import FileRefusedError
from app.ingest.load_checks import IdConflictError, LoadError
from app.ingest.loader import LoadReport, load
from app.ingest.metadata import ArticleMeta, MetadataError
from app.ingest.pipeline import ArticleFacts, PipelineError
from app.ingest.recognizer import Recognizer, RecognizerError, RecognizerName, load_recognizer

__all__ = ["BatchError", "Options", "Outcome", "load_batch", "read_batch"]

# What one file can fail with; anything else is a bug and stops the command.
FILE_ERRORS = (
    IngestError,
    MetadataError,
    CuratedError,
    PipelineError,
    RecognizerError,
    FetchError,
    FileRefusedError,
    OSError,
)


class BatchError(LoadError):
    """A worker process failed: nothing of the files read with it is loaded."""


@dataclass(frozen=True, slots=True)
class Options:
    """What every article of the batch is read with."""

    curated_file: Path
    annotations: Path | None
    given: ArticleMeta
    recognizer: RecognizerName
    model: str


@dataclass(slots=True)
class Outcome:
    """One file: its facts and actors, or why it has none."""

    source: str
    facts: ArticleFacts | None = None
    actors: list[ActorEntry] | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _Reader:
    options: Options
    curated: Curated
    annotations: Curated | None
    recognizer: Recognizer | None


_reader: _Reader | None = None


def _start(options: Options) -> None:
    """In each worker: what every article needs, once (the models load on first use)."""
    global _reader
    annotations = options.annotations
    _reader = _Reader(
        options,
        load_curated(options.curated_file),
        load_curated(annotations, follow_symlinks=True) if annotations is not None else None,
        load_recognizer(options.recognizer, options.model),
    )


def _read(job: tuple[int, str]) -> tuple[int, Outcome]:
    from app.ingest.sources import read_facts

    index, source = job
    assert _reader is not None
    try:
        facts, actors = read_facts(
            source,
            slug=None,
            title=None,
            annotations=_reader.annotations,
            curated=_reader.curated,
            given=_reader.options.given,
            recognizer=_reader.recognizer,
        )
    except FILE_ERRORS as exc:
        message = str(exc)
        # A message that does not name its file (a bad front-matter value, say) is told whose.
        return index, Outcome(
            source, error=message if source in message else f"{source}: {message}"
        )
    return index, Outcome(source, facts, actors)


def _warm() -> None:
    """Loads the models in this process before the workers are forked from it: they start with
    them loaded (no second second of CPU loading each) and share their pages with it until one
    writes to them."""
    from app.ingest.language import detect_language

    assert _reader is not None
    detect_language("The models are loaded once, before the workers start.")
    if _reader.recognizer is not None:
        _reader.recognizer("Warm", [(0, 4)])


def read_batch(
    sources: Sequence[str],
    options: Options,
    *,
    workers: int,
    report: Callable[[int, Outcome], None],
) -> list[Outcome]:
    """Every source read, in the order given; `report(done, outcome)` as each finishes.
    Raises what `_start` raises (a broken curated file, a recognizer that is not installed)
    before any article is read."""
    jobs = deque(enumerate(sources))
    total = len(jobs)
    found: dict[int, Outcome] = {}
    lock = threading.Condition()
    failed: list[BaseException] = []

    def take() -> tuple[int, str] | None:
        with lock:
            return jobs.popleft() if jobs else None

    def record(result: tuple[int, Outcome]) -> None:
        with lock:
            index, outcome = result
            found[index] = outcome
            report(len(found), outcome)
            lock.notify_all()

    _start(options)  # fails here, once, rather than in every worker
    helpers = max(0, min(workers, total) - 1)
    if not helpers:
        while (job := take()) is not None:
            record(_read(job))
        return [found[i] for i in range(total)]
    methods = multiprocessing.get_all_start_methods()
    forking = "fork" in methods
    context = multiprocessing.get_context("fork" if forking else "spawn")
    if forking:
        _warm()
    # Objects that exist now are left alone by the workers' garbage collector, so their pages
    # stay shared with this process instead of being copied on the collector's first pass.
    gc.freeze()
    # An executor, not multiprocessing's Pool: a worker that dies (killed, out of memory) fails
    # its article's future, where a Pool would start another and wait for the lost article.
    pool = ProcessPoolExecutor(helpers, mp_context=context, initializer=_start, initargs=(options,))
    try:

        def fail(exc: BaseException) -> None:
            with lock:
                failed.append(exc)
                lock.notify_all()

        def feed(done: Future[tuple[int, Outcome]] | None = None) -> None:
            """Runs in the executor's thread: records an article, sends the next."""
            if done is not None:
                if (exc := done.exception()) is not None:
                    fail(exc)
                    return
                record(done.result())
            if not failed and (job := take()) is not None:
                try:
                    pool.submit(_read, job).add_done_callback(feed)
                except RuntimeError as exc:  # the pool is broken
                    fail(exc)

        for _ in range(helpers):
            feed()
        # This process is a worker too: the command's process would otherwise wait idle.
        while not failed and (job := take()) is not None:
            record(_read(job))
        with lock:
            lock.wait_for(lambda: len(found) == total or bool(failed))
        if failed:
            raise BatchError(
                f"a worker process failed ({type(failed[0]).__name__}: {failed[0]}); "
                "none of the articles read beside it was loaded"
            ) from failed[0]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
    return [found[i] for i in range(total)]


def load_batch(
    url: str,
    outcomes: Sequence[Outcome],
    curated: Sequence[ActorEntry],
    *,
    owners: dict[str, str],
    progress: Callable[[str], None],
) -> LoadReport:
    """Loads the articles read, in one load. An article the load refuses gets the load's
    message as its error and the load runs again without it; other load errors propagate
    with nothing written. `owners` maps each article id to the source that made it, across
    the loads of one command: a second source making the same id is refused, not loaded
    over the first."""
    pending = [o for o in outcomes if o.facts is not None]
    for outcome in list(pending):
        assert outcome.facts is not None
        slug = outcome.facts.article.id
        first = owners.setdefault(slug, outcome.source)
        if first != outcome.source:
            outcome.error = (
                f"{outcome.source}: makes the article id {slug!r}, as {first} does: "
                "rename one of them, or ingest it alone with --slug"
            )
            pending.remove(outcome)
    while True:
        actors = {a.id: a for a in curated}
        for outcome in pending:
            actors.update((a.id, a) for a in outcome.actors or [])
        try:
            return load(
                url,
                [o.facts for o in pending if o.facts is not None],
                list(actors.values()),
                progress=progress,
            )
        except IdConflictError as exc:  # DuplicateTextError included
            refused = next(
                (o for o in pending if o.facts is not None and o.facts.article.id == exc.article),
                None,
            )
            if refused is None:
                raise
            refused.error = f"{refused.source}: {exc}"
            pending.remove(refused)
