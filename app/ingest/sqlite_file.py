"""The SQLite file a load replaces, and what it keeps beside it while it works.

A load writes a copy (`.<db>.loading`) and renames it over the live file; one load at a time
holds `<db>.lock`. This module owns those files: where they are, how the copy is made, the
lock, and removing what a killed load left (app/ingest/loader.py runs the load itself).
"""

from __future__ import annotations

import contextlib
import fcntl
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from app.core.db import is_sqlite, read_only_uri, sqlite_path

# What SQLite keeps beside a database while writing it: the rollback journal (this loader's
# mode), or a WAL and its index.
_JOURNALS = ("-journal", "-wal", "-shm")


def lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


def staging_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.loading")


def _staging_files(target: Path) -> list[Path]:
    """The copy a load writes, and the journal SQLite keeps beside it while writing: a load
    killed mid-way leaves both (a stale journal would be played back into the next copy)."""
    staging = staging_path(target)
    return [staging, *(staging.with_name(staging.name + end) for end in _JOURNALS)]


def remove_staging(target: Path) -> None:
    for path in _staging_files(target):
        path.unlink(missing_ok=True)


def remove_leftovers(url: str) -> list[Path]:
    """Removes what a killed load left beside the SQLite database at `url` (a copy as large as
    the database, its journal), unless a load holds the lock now: then they are its own files.
    Returns what was removed; nothing on a database server, or when the folder cannot be
    written (a read-only deployment has no leftovers it could remove)."""
    if not is_sqlite(url):
        return []
    target = sqlite_path(url).resolve()
    try:
        found = [path for path in _staging_files(target) if path.exists()]
        if not found:
            return []
        with exclusive(lock_path(target), wait=False) as held:
            if not held:
                return []
            for path in found:
                path.unlink(missing_ok=True)
    except OSError:
        return []
    return found


def copy_sqlite(source: Path, dest: Path) -> None:
    """The working copy a load writes. When the file is all there is (no journal or WAL
    beside it holds pages the file lacks), the kernel copies it, several times faster than
    SQLite's page-by-page backup (docs/performance.md): the load lock is held, serving
    processes never write, and this loader only ever replaces the file whole, so it is
    consistent. Otherwise SQLite's backup reads it through its journal."""
    if not any(source.with_name(source.name + suffix).exists() for suffix in _JOURNALS):
        shutil.copyfile(source, dest)
        return
    src = sqlite3.connect(read_only_uri(source), uri=True)
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@contextlib.contextmanager
def exclusive(lock_path: Path, *, wait: bool = True) -> Iterator[bool]:
    """One load at a time per database file, across processes. Yields whether the lock is held:
    always True when waiting for it; False at once, without waiting, when another holds it."""
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
