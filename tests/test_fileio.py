"""Output files: atomic for regular files, never destroying a link, FIFO or device, modes kept."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefpress.errors import UsageError
from briefpress.fileio import atomic_write

BRIEF = Path(__file__).resolve().parents[1] / "examples" / "takaichi-brief.txt"


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    atomic_write(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "new"


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("old", encoding="utf-8")
    page.chmod(0o644)
    atomic_write(page, "new")
    assert stat.S_IMODE(page.stat().st_mode) == 0o644
    assert page.read_text(encoding="utf-8") == "new"


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.txt", "text")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_fifo_is_streamed_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    atomic_write(fifo, "through the pipe")
    reader.join(timeout=10)
    assert got == ["through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_character_device_is_written_not_replaced() -> None:
    atomic_write(Path("/dev/null"), "discarded")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.txt", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.parametrize("make", ["file_as_parent", "missing_parent", "folder"])
def test_an_unwritable_path_is_a_usage_error_that_names_the_fix(tmp_path: Path, make: str) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    path = {"file_as_parent": tmp_path / "plain" / "out.html", "missing_parent": tmp_path / "no" / "out.html",
            "folder": tmp_path}[make]
    with pytest.raises(UsageError) as caught:
        atomic_write(path, "text")
    assert "\n" not in str(caught.value) and ";" in str(caught.value)


def _write(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefpress.cli", "write", str(BRIEF), "--engine", "extractive", *args],
                          capture_output=True, text=True, timeout=120)


def test_the_cli_exits_2_for_a_file_as_the_output_folder(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    proc = _write("-o", str(tmp_path / "plain" / "a.html"))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_the_cli_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "article.txt"
    target.write_text("", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    proc = _write("-o", str(link))
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8").strip()
