"""py3langid's model, loaded lean: memory-mapped from an uncompressed copy, not decompressed
into every process.

py3langid ships its model as an LZMA-compressed NumPy archive (4.6 MB). Its own loader
decompresses it in each process that detects a language: 0.6 s of CPU, about 70 MiB resident
for as long as the process lives (the DFA's transitions, 39 MB as 32-bit integers; the
feature-by-language table, 28 MB as 16-bit floats; two Python lists of 104,583 integers, 8 MB),
and a peak some 30 MiB higher while it copies the transitions. Here the first load writes the
arrays once, uncompressed (68 MB), to a cache folder, and every load maps those files, read
a page at a time: a detection touches only the pages of the states and features its text
visits (about 9 MiB for 5,000 characters of English), the pages are shared by every process
that maps them, and a load takes 15 ms of CPU. The arrays are the same, so the answers are the
same, score for score (tests/ingest/test_language_model.py).

The cache is `$ARTICLE_FACTS_CACHE_DIR`, else `$XDG_CACHE_HOME/article-facts`, else
`~/.cache/article-facts`, in a folder named by py3langid's version and its model file's size
and time, written to a temporary folder and renamed into place, so a reader never sees half a
copy. Where no cache can be written, the model is read into memory as py3langid reads it.
"""

from __future__ import annotations

import json
import mmap
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any, Literal

import numpy as np

__all__ = ["cache_folder", "load_identifier"]

CACHE_ENV = "ARTICLE_FACTS_CACHE_DIR"
# The folder's files; the last is written last, so a folder holding it is complete.
_FILES = ("ptc.npy", "pc.npy", "nextmove.u32", "rowbase.u32", "output.i32", "classes.json")


def cache_folder() -> Path:
    """Where the uncompressed model is kept (not created here)."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "article-facts"


def load_identifier() -> Any:
    """py3langid's `LanguageIdentifier` (probabilities normalised), its arrays mapped from the
    cache; read into memory, as py3langid does, when the cache cannot be written."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE  # type: ignore[import-untyped]

    source = Path(MODEL_DIR) / MODEL_FILE
    stat = source.stat()
    name = f"py3langid-{version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}"
    folder = cache_folder() / name
    try:
        if not (folder / _FILES[-1]).is_file():
            _write(source, folder)
        return _mapped(folder)
    except OSError:
        from py3langid.langid import LanguageIdentifier

        return LanguageIdentifier.from_model_file(source, norm_probs=True)


def _write(source: Path, folder: Path) -> None:
    from py3langid.modelio import load_model  # type: ignore[import-untyped]

    ptc, pc, classes, nextmove, row, output = load_model(source)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder.parent))
    try:
        np.save(staging / "ptc.npy", np.ascontiguousarray(ptc))
        np.save(staging / "pc.npy", np.asarray(pc))
        (staging / "nextmove.u32").write_bytes(np.asarray(nextmove, dtype=np.uint32).tobytes())
        rowbase = np.asarray(row, dtype=np.uint32) << 8  # py3langid's pre-shifted row offsets
        (staging / "rowbase.u32").write_bytes(rowbase.tobytes())
        (staging / "output.i32").write_bytes(np.asarray(output, dtype=np.int32).tobytes())
        (staging / "classes.json").write_text(json.dumps(list(classes)))
        for name in _FILES:
            _drop_from_cache(staging / name)
        try:
            staging.rename(folder)
        except OSError:
            if not (folder / _FILES[-1]).is_file():  # not another process that won the race
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _drop_from_cache(path: Path) -> None:
    """Writes the file out and drops its pages from the page cache. Written pages are cached
    in large blocks (64 KiB to 2 MiB), and a process that maps such a block counts all of it
    as resident: a detection then holds some 42 MiB of the copy instead of the 9 it reads.
    Read back one page at a time (MADV_RANDOM, `_view`), the pages are cached singly."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def _view(path: Path, code: Literal["I", "i"]) -> memoryview[int]:
    """The file's integers, mapped read-only: indexing answers a Python int, as py3langid's
    own arrays do."""
    with path.open("rb") as file:
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    mapped.madvise(mmap.MADV_RANDOM)  # read one page at a time, not ahead
    return memoryview(mapped).cast(code)


def _mapped(folder: Path) -> Any:
    from py3langid.langid import LanguageIdentifier

    classes = json.loads((folder / "classes.json").read_text())
    ptc = np.load(folder / "ptc.npy", mmap_mode="r")
    ptc._mmap.madvise(mmap.MADV_RANDOM)
    identifier = LanguageIdentifier(
        ptc,
        np.load(folder / "pc.npy"),
        classes,
        _view(folder / "nextmove.u32", "I"),
        _view(folder / "output.i32", "i"),
        norm_probs=True,
        tk_row=(),
    )
    # py3langid walks the DFA through `_rowbase` (each state's row, shifted by 8), which its
    # constructor builds from `tk_row` as a list: mapped from the cache instead.
    identifier._rowbase = _view(folder / "rowbase.u32", "I")
    return identifier
