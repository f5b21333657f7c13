"""A serving process's own index of a database server's data (PostgreSQL), on local disk.

Replicas share the database, not their disks: each keeps an index under its own folder
(`Settings.search_index_dir`), in generations as on SQLite (store.py), and a `CURRENT` file
naming the generation it serves. Each generation holds a manifest: the data version it was
made from, every article's fingerprint, and a digest of the actors' names. Bringing the index
to the database's data version (`sync`) reads the articles' fingerprints (one small statement),
writes a new generation with only the articles that were added, replaced or deleted since, and
every actor; with no usable generation (a new replica), it indexes every article.

`serve` builds the index before it answers (`Replica.start`), so a new replica joins a fleet
searchable. Afterwards a search that finds the data version moved syncs in its own worker
thread, so the request that sees a load first also sees it in search; searches meanwhile keep
answering from the generation they have. The processes of one replica (`--workers`) share the
folder: a file lock makes one of them write a generation, and the others open it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlmodel import Session

from app.core import data_version
from app.queries.rows import SqlAlchemyRows
from app.search.engine import data, store
from app.search.engine.view import IndexView
from app.search.engine.writer import write_generation

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
_LOCK = ".lock"


# How long a sync's statements may take: a new replica reads every article's rows.
SYNC_TIMEOUT_MS = 600_000


def cache_folder() -> Path:
    """The service's cache folder: `$ARTICLE_FACTS_CACHE_DIR`, else under `$XDG_CACHE_HOME`
    (or `~/.cache`), `article-facts`."""
    explicit = os.environ.get("ARTICLE_FACTS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "article-facts"


def default_root(database_url: str) -> Path:
    """`<cache>/search/<digest>`: one folder per database, the URL's credentials left out."""
    without_password = database_url.split("@", 1)[-1]
    digest = hashlib.sha256(without_password.encode()).hexdigest()[:16]
    return cache_folder() / "search" / digest


@dataclass(frozen=True)
class Manifest:
    version: int
    articles: dict[str, str]  # id -> fingerprint
    actors: str  # digest of every actor's names and kind

    def write(self, folder: Path) -> None:
        content = {"version": self.version, "articles": self.articles, "actors": self.actors}
        (folder / MANIFEST).write_text(json.dumps(content, sort_keys=True), encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> Manifest | None:
        try:
            content = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            return cls(int(content["version"]), dict(content["articles"]), str(content["actors"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None


def _actors_digest(conn: Connection) -> str:
    digest = hashlib.sha256()
    for row in conn.execute(text("SELECT id, name, kind, aliases FROM actor ORDER BY id")):
        digest.update(json.dumps([str(v) for v in row]).encode())
    for row in conn.execute(text("SELECT actor, name FROM search_names ORDER BY actor, position")):
        digest.update(json.dumps([str(v) for v in row]).encode())
    return digest.hexdigest()


def _current(root: Path) -> str | None:
    try:
        return (root / CURRENT).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def _name_current(root: Path, name: str) -> None:
    staging = root / f".{CURRENT}.{os.getpid()}"
    staging.write_text(name, encoding="utf-8")
    staging.replace(root / CURRENT)


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with (root / _LOCK).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Replica:
    """The index a serving process searches on a database server, kept at its data version."""

    def __init__(self, engine: Engine, root: Path) -> None:
        self._engine = engine
        self.root = root
        self._lock = threading.Lock()
        self._view: IndexView | None = None
        # The data version the view was made from, as `Database.version` writes it.
        self.version: str | None = None

    def dispose(self) -> None:
        self._engine.dispose()

    def view(self) -> IndexView:
        found = self._view
        if found is None:
            raise store.IndexUnavailableError("this replica's search index is not built yet")
        return found

    def start(self) -> None:
        """Brings the index to the database's data version, waiting for it (at start)."""
        with self._lock:
            self._sync()

    def follow(self, version: str | None) -> None:
        """Brings the index to `version` (the data version the service last saw) when it is
        behind, unless another thread already is: that one's answer is soon there."""
        if version is not None and version == self.version:
            return
        if self._lock.acquire(blocking=self._view is None):
            try:
                self._sync()
            finally:
                self._lock.release()

    def _sync(self) -> None:
        with _locked(self.root), self._engine.connect() as conn:
            version = data_version.read(conn)
            fingerprints = {
                str(a): str(f) for a, f in conn.execute(text("SELECT id, fingerprint FROM article"))
            }
            actors = _actors_digest(conn)
            current = _current(self.root)
            folder = self.root / current if current is not None else None
            manifest = Manifest.read(folder) if folder is not None else None
            if manifest is None or folder is None or not store.has_index(folder):
                changed, gone, previous = list(fingerprints), [], None
            else:
                changed = [a for a, f in fingerprints.items() if manifest.articles.get(a) != f]
                gone = [a for a in manifest.articles if a not in fingerprints]
                previous = current
            if previous is None or changed or gone or manifest is None or manifest.actors != actors:
                written = write_generation(Session(bind=conn), self.root, previous, changed, gone)
                Manifest(version, fingerprints, actors).write(written.folder)
                _name_current(self.root, written.folder.name)
                store.prune(self.root, {written.folder.name, *([previous] if previous else [])})
                folder = written.folder
            index = store.open_generation(folder)
            self._view = IndexView(index, index.searcher(), data.actor_names(SqlAlchemyRows(conn)))
            self.version = f"db-{version}"
