"""Writing output files: whole or not at all, and without harming what already stands at the path.

A regular file is written to a temporary file beside it and renamed over it, so a crash, Ctrl-C or
``kill -9`` never leaves half of one behind. A symbolic link is followed and its target written, so
the link survives. A FIFO, a character device (``/dev/null``, ``/dev/stdout``) or a socket is
streamed to, never replaced by a regular file. A replaced file keeps its permission bits; a new
one gets the bits the umask allows, as any other program's output would.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import UsageError

TMP_PREFIX = ".bp-"
TMP_SUFFIX = ".tmp"


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (see the module's docstring for what each kind of path gets).

    A temporary file a killed process leaves behind is named ``.bp-<name>.<random>.tmp``.
    Raises ``UsageError`` with the fix for a path that cannot be written (no such folder, a file
    where a folder should be, no permission, a full disk).
    """
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    try:
        if mode is not None and stat.S_ISDIR(mode):
            raise UsageError(f"{path} is a folder; give a file name inside it")
        if mode is not None and not stat.S_ISREG(mode):
            _stream(target, text)
        else:
            _replace(target, text, stat.S_IMODE(mode) if mode is not None else _default_mode())
    except OSError as exc:
        raise _unwritable(path, exc) from exc


def _stream(target: Path, text: str) -> None:
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _replace(target: Path, text: str, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f"{TMP_PREFIX}{target.name}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            os.fchmod(handle.fileno(), mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    """0666 less the process umask, read without changing it where the system shows it."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _unwritable(path: Path, exc: OSError) -> UsageError:
    reasons = {
        errno.ENOENT: f"cannot write {path}: its folder does not exist; create it first",
        errno.ENOTDIR: f"cannot write {path}: part of the path is a file, not a folder; choose another path",
        errno.EACCES: f"cannot write {path}: permission denied; choose a folder you can write to",
        errno.EPERM: f"cannot write {path}: permission denied; choose a folder you can write to",
        errno.EROFS: f"cannot write {path}: the file system is read-only; choose another folder",
        errno.ENOSPC: f"cannot write {path}: the disk is full; free some space or choose another disk",
        errno.EISDIR: f"{path} is a folder; give a file name inside it",
    }
    return UsageError(reasons.get(exc.errno or 0, f"cannot write {path}: {exc.strerror or exc}; choose another path"))
