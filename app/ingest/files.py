"""Reading the files a load is made of: regular files only, and never more than a limit.

Whatever a file in the seed folder holds gets published, so what may be read is decided here:

- A file of the seed folder (its `*.txt` articles and `curated.toml`) is read only when the
  folder's own entry is a regular file. A symbolic link there is refused wherever it points,
  even back inside the folder: git stores links, and one merged `x.txt -> /etc/passwd` or
  `notes.txt -> /proc/self/environ` would publish that file. The entry is opened with
  `O_NOFOLLOW`, so the file read is the folder's entry itself, never one outside it.
- A path the user names on the command line (`ingest PATH`, `--annotations FILE`) may be a
  link: the user named it and can read its target anyway. What it reaches must still be a
  regular file.
- FIFOs, sockets, devices and folders are refused, before opening (lstat/stat) and again
  after (fstat on the open descriptor, which must be the file first looked at, so nothing
  swapped in between is read). The open uses `O_NONBLOCK`: a FIFO with no writer does not
  block the command.
- At most `limit` bytes are read: a file larger than that is refused with its size.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# A read of a regular file returns what it asks for unless the file ends first.
_CHUNK = 1024 * 1024


class FileRefusedError(ValueError):
    """The path cannot be read as a regular file; the message names it and says why."""


class FileTooLargeError(FileRefusedError):
    """The file holds more than the limit; `size` is its size, None when it grew mid-read."""

    def __init__(self, path: Path, size: int | None) -> None:
        super().__init__(f"{path}: too large")
        self.size = size


def read_regular(path: Path, *, limit: int, follow_symlinks: bool) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    `follow_symlinks` False refuses a path that is itself a symbolic link (the seed folder's
    rule); True lets a link the user named lead to a regular file.
    """
    looked = _look(path, follow_symlinks=follow_symlinks)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
    if not follow_symlinks:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _refusal(path, exc, follow_symlinks=follow_symlinks) from None
    try:
        opened = os.fstat(fd)
        _require_regular(path, opened.st_mode)
        if (opened.st_dev, opened.st_ino) != (looked.st_dev, looked.st_ino):
            raise FileRefusedError(f"{path}: changed while it was being opened; try again")
        if opened.st_size > limit:
            raise FileTooLargeError(path, opened.st_size)
        return _read_at_most(fd, path, limit)
    finally:
        os.close(fd)


def _look(path: Path, *, follow_symlinks: bool) -> os.stat_result:
    """What is at `path`, refused unless it is a regular file: no FIFO or device is opened."""
    try:
        found = path.stat(follow_symlinks=follow_symlinks)
    except OSError as exc:
        raise _refusal(path, exc, follow_symlinks=follow_symlinks) from None
    if stat.S_ISLNK(found.st_mode):
        raise _link(path)
    _require_regular(path, found.st_mode)
    return found


def _link(path: Path) -> FileRefusedError:
    return FileRefusedError(
        f"{path}: a symbolic link; files in the seed folder must be regular files, "
        "not links (copy the file in instead)"
    )


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise FileRefusedError(f"{path}: a folder, not a file")
    what = (
        "a FIFO (named pipe)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a special file"
    )
    raise FileRefusedError(f"{path}: {what}, not a regular file")


def _refusal(path: Path, exc: OSError, *, follow_symlinks: bool) -> FileRefusedError:
    if exc.errno == errno.ENOENT:
        return FileRefusedError(f"{path}: no such file")
    if exc.errno == errno.ELOOP and not follow_symlinks:
        # O_NOFOLLOW met a link that appeared after the path was looked at.
        return _link(path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return FileRefusedError(f"{path}: cannot read it: permission denied")
    return FileRefusedError(f"{path}: cannot read it: {exc.strerror or exc}")


def _read_at_most(fd: int, path: Path, limit: int) -> bytes:
    """Up to `limit` bytes; one more means the file grew past the limit while being read."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        try:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
        except OSError as exc:
            raise FileRefusedError(f"{path}: cannot read it: {exc.strerror or exc}") from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise FileTooLargeError(path, None)
