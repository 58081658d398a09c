"""Writing files so that a crash, Ctrl-C or ``kill -9`` never leaves half of one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TMP_PREFIX = ".bp-"
TMP_SUFFIX = ".tmp"


def atomic_write(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: readers see all of it or none.

    A temporary file a killed process leaves behind is named ``.bp-<name>.<random>.tmp``.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TMP_PREFIX}{path.name}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
