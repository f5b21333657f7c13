"""Reading only regular files: links where they are refused, FIFOs, devices, swaps mid-open."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.ingest import files
from app.ingest.files import FileRefusedError, FileTooLargeError, read_regular


def _article(path: Path, data: bytes = b"Title\n\nBody text here.\n") -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("follow", [False, True])
def test_a_regular_file_is_read(tmp_path: Path, follow: bool) -> None:
    path = _article(tmp_path / "a.txt")
    assert read_regular(path, limit=100, follow_symlinks=follow) == b"Title\n\nBody text here.\n"


def test_a_link_is_followed_only_when_asked(tmp_path: Path) -> None:
    target = _article(tmp_path / "target.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_regular(link, limit=100, follow_symlinks=True) == target.read_bytes()
    with pytest.raises(FileRefusedError) as refused:
        read_regular(link, limit=100, follow_symlinks=False)
    assert str(refused.value) == (
        f"{link}: a symbolic link; files in the seed folder must be regular files, not links"
        " (copy the file in instead)"
    )


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)
    for follow in (False, True):
        with pytest.raises(FileRefusedError, match=r"a FIFO \(named pipe\), not a regular file"):
            read_regular(fifo, limit=100, follow_symlinks=follow)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("/dev/zero", "/dev/zero: a device, not a regular file"),
        ("/tmp", "/tmp: a folder, not a file"),
        ("/no/such/file.txt", "/no/such/file.txt: no such file"),
    ],
)
def test_what_is_not_a_regular_file_is_refused(name: str, message: str) -> None:
    with pytest.raises(FileRefusedError) as refused:
        read_regular(Path(name), limit=100, follow_symlinks=True)
    assert str(refused.value) == message


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = _article(tmp_path / "a.txt", b"x" * 101)
    assert read_regular(path, limit=101, follow_symlinks=False) == b"x" * 101
    with pytest.raises(FileTooLargeError) as refused:
        read_regular(path, limit=100, follow_symlinks=False)
    assert refused.value.size == 101


def _swap_after_look(monkeypatch: pytest.MonkeyPatch, swap: Callable[[], object]) -> None:
    look = files._look

    def look_then_swap(p: Path, *, follow_symlinks: bool) -> os.stat_result:
        found = look(p, follow_symlinks=follow_symlinks)
        swap()
        return found

    monkeypatch.setattr(files, "_look", look_then_swap)


def test_a_file_swapped_for_a_fifo_after_the_look_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is opened is checked again: a FIFO put in its place is caught by fstat."""
    path = _article(tmp_path / "a.txt")
    _swap_after_look(monkeypatch, lambda: (path.unlink(), os.mkfifo(path)))
    with pytest.raises(FileRefusedError) as refused:
        read_regular(path, limit=100, follow_symlinks=True)
    assert str(refused.value) == f"{path}: a FIFO (named pipe), not a regular file"


def test_a_file_swapped_for_another_after_the_look_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file opened must be the one looked at, not one renamed over it in between."""
    path = _article(tmp_path / "a.txt")
    other = _article(tmp_path / "other.txt", b"Other\n\nAnother body.\n")
    _swap_after_look(monkeypatch, lambda: other.replace(path))
    with pytest.raises(FileRefusedError) as refused:
        read_regular(path, limit=100, follow_symlinks=True)
    assert str(refused.value) == f"{path}: changed while it was being opened; try again"


def test_a_file_swapped_for_a_link_after_the_look_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """O_NOFOLLOW: a link put in place of the seed file is not followed."""
    path = _article(tmp_path / "a.txt")
    secret = _article(tmp_path / "secret", b"TOKEN=1\n")
    _swap_after_look(monkeypatch, lambda: (path.unlink(), path.symlink_to(secret)))
    with pytest.raises(FileRefusedError) as refused:
        read_regular(path, limit=100, follow_symlinks=False)
    assert str(refused.value).startswith(f"{path}: a symbolic link;")
