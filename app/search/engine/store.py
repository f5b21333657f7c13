"""Where an index lives on disk, and how a load replaces it all or nothing.

An index is a folder of immutable segment files and a `meta.json` naming them. The indexes of
a SQLite database live beside it, in `<database>.search/`, one folder per *generation*. A load
never writes into the generation readers use: it makes a new folder of hard links to the
current one's files (no bytes copied), writes its changes there (new segments, new deletion
files, a new `meta.json`: tantivy replaces files, it never rewrites one), and names the new
generation in the database, in the load's own transaction (`search_generation`, migration
0014). Until that transaction commits, readers and any later load see the previous generation,
whole; a load killed at any point leaves it as it was, and the folder it was making is removed
by the next load (`prune`).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import tantivy
from sqlalchemy import Connection, text

from app.search.engine.schema import current_schema, open_index

SUFFIX = ".search"
# tantivy's lock files belong to the writer of one folder: never linked into another.
_LOCKS = frozenset({".tantivy-writer.lock", ".tantivy-meta.lock"})


class IndexUnavailableError(RuntimeError):
    """The database names no index generation on disk (a database of an earlier version not
    yet migrated, or copied without its `.search` folder), or the generation cannot be read:
    `article-facts migrate` builds it again."""


def root_for(database: Path) -> Path:
    """The folder that holds a SQLite database's indexes."""
    database = database.resolve()
    return database.with_name(database.name + SUFFIX)


def current(conn: Connection) -> str | None:
    """The generation the database names: None before its first index."""
    return conn.execute(
        text("SELECT name FROM search_generation WHERE id = 1")
    ).scalar_one_or_none()


def name_current(conn: Connection, name: str) -> None:
    """Names `name` the current generation, in the caller's transaction."""
    conn.execute(text("DELETE FROM search_generation"))
    conn.execute(text("INSERT INTO search_generation (id, name) VALUES (1, :name)"), {"name": name})


def new_generation(root: Path, previous: str | None) -> Path:
    """A new folder under `root`: hard links to every file of `previous` (empty without one)."""
    root.mkdir(parents=True, exist_ok=True)
    folder = root / uuid.uuid4().hex
    folder.mkdir()
    source = root / previous if previous is not None else None
    if source is not None and source.is_dir():
        for entry in os.scandir(source):
            if entry.is_file() and entry.name not in _LOCKS:
                os.link(entry.path, folder / entry.name)
    return folder


def has_index(folder: Path) -> bool:
    """Whether `folder` holds an index this version can read: an earlier version's (other
    fields) is as good as none, and the next load or `article-facts migrate` builds it anew."""
    return current_schema(folder)


def usable(conn: Connection, root: Path) -> bool:
    """Whether the database names a generation that is on disk."""
    name = current(conn)
    return name is not None and has_index(root / name)


def generations(root: Path) -> set[str]:
    """The generation folders under `root`."""
    if not root.is_dir():
        return set()
    return {entry.name for entry in os.scandir(root) if entry.is_dir()}


def prune(root: Path, keep: set[str]) -> None:
    """Removes every generation but those in `keep`.

    A serving process that still reads a removed generation keeps reading it: its files stay
    on disk until it closes them (POSIX). Keep the one before the current for readers that
    have not yet seen the load."""
    if not root.is_dir():
        return
    for entry in os.scandir(root):
        if entry.is_dir() and entry.name not in keep:
            shutil.rmtree(entry.path, ignore_errors=True)


def searchable_rows(conn: Connection, database: Path) -> int:
    """The rows of the generation the database names, counted by opening it: raises
    IndexUnavailableError when there is none on disk, OSError or ValueError when it is broken."""
    name = current(conn)
    folder = root_for(database) / name if name is not None else None
    return int(open_generation(folder).searcher().num_docs)


_copies: dict[Path, Path] = {}


def _writable_copy(folder: Path) -> Path:
    """A generation in a folder this process cannot write to (a read-only image), copied once to
    a temporary folder: opening an index takes a lock file in its folder."""
    copy = _copies.get(folder)
    if copy is None:
        copy = Path(tempfile.mkdtemp(prefix="article-facts-index-")) / folder.name
        shutil.copytree(folder, copy)
        atexit.register(shutil.rmtree, copy.parent, ignore_errors=True)
        _copies[folder] = copy
    return copy


def open_generation(folder: Path | None) -> tantivy.Index:
    """The index in a generation's folder; IndexUnavailableError when there is none, or none
    that can be read."""
    if folder is None or not has_index(folder):
        raise IndexUnavailableError("the database has no search index")
    try:
        if not os.access(folder, os.W_OK):
            folder = _writable_copy(folder)
        return open_index(folder)
    except (OSError, ValueError) as exc:
        raise IndexUnavailableError(f"the search index cannot be read: {exc}") from None
