"""The output folder: article files written atomically, the journal, and the index.

The journal (``.batch/journal.jsonl``) is the batch's memory: one line per finished item, appended
after the item's files are in place, so a line never points at a file that is not there. A run
killed with ``kill -9`` loses at most the items that were in flight. The index files are rebuilt
from the journal, atomically, at the end of every run (and when a run is interrupted).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..fileio import TMP_PREFIX, TMP_SUFFIX, atomic_write

STATE_DIR = ".batch"
JOURNAL = "journal.jsonl"
INDEX_JSONL = "index.jsonl"
INDEX_CSV = "index.csv"
INDEX_FIELDS = (
    "position", "id", "status", "key", "files", "slug", "headline", "date", "grounding_share",
    "seo_score", "readability_score", "write_s", "render_s", "error", "reused",
)


def remove_stale_temps(folder: Path) -> int:
    """Temporary files a killed run left behind; they were never renamed, so nothing refers to them."""
    removed = 0
    for path in list(folder.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}")) + list(
        (folder / STATE_DIR).glob(f"{TMP_PREFIX}*{TMP_SUFFIX}")
    ):
        path.unlink(missing_ok=True)
        removed += 1
    return removed


class Journal:
    """Append-only record of finished items; the last line for a key wins."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_DIR / JOURNAL
        self._handle: IO[str] | None = None

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> dict[str, dict[str, Any]]:
        entries: dict[str, dict[str, Any]] = {}
        if not self.path.exists():
            return entries
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by a power cut: that item is simply redone
                if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                    entries[entry["key"]] = entry
        return entries

    def append(self, entry: dict[str, Any]) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("a", encoding="utf-8")
        # One write call per line, flushed at once: a killed process leaves whole lines only.
        self._handle.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
        self._handle.flush()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def write_index(folder: Path, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    lines = "".join(json.dumps({k: row.get(k) for k in INDEX_FIELDS}, ensure_ascii=False) + "\n" for row in rows)
    atomic_write(folder / INDEX_JSONL, lines)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(INDEX_FIELDS)
    for row in rows:
        writer.writerow([_cell(field, row.get(field)) for field in INDEX_FIELDS])
    atomic_write(folder / INDEX_CSV, buffer.getvalue())


def _cell(field: str, value: Any) -> str:
    if value is None:
        return ""
    if field == "files":
        return " ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # A spreadsheet runs a cell that starts like a formula; headlines and errors come from users.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not isinstance(value, (int, float)):
        text = "'" + text
    return text
