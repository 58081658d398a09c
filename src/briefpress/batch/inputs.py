"""Batch inputs: JSONL files of briefs, folders of brief files, and RSS/Atom feed files.

Every input becomes a list of ``Item``s in a fixed order (arguments in the order given, folder
files sorted by path, lines and feed entries in file order). An input that cannot be read as a
whole is a usage error; a single line or entry that cannot be read becomes a failed item, so
the rest of the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import BriefpressError, InputError
from ..ingest import decode
from ..limits import MAX_INPUT_BYTES, check_json_depth
from ..pipeline import normalize_date
from .items import Item, mtime_date

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
_FEED_START = ("<?xml", "<rss", "<feed", "<rdf:rdf")


def load_items(inputs: Iterable[str | Path], exclude: Path | None = None) -> list[Item]:
    """Every item of every input, numbered from 1 in batch order."""
    items: list[Item] = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder; give a JSONL file, a folder of briefs or a feed file")
        files = _folder_files(path, exclude) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise InputError(f"{path}: the folder holds no brief files; "
                             "add .txt, .md, .json, .html, .jsonl or feed files")
        for file in files:
            for item in _file_items(file, label=_label(file, path)):
                items.append(_renumber(item, len(items) + 1))
    return items


def _label(file: Path, given: Path) -> str:
    return file.relative_to(given).as_posix() if given.is_dir() else file.name


def _renumber(item: Item, position: int) -> Item:
    from dataclasses import replace

    return replace(item, position=position)


def _folder_files(folder: Path, exclude: Path | None) -> list[Path]:
    excluded = exclude.resolve() if exclude is not None else None
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if excluded is not None and (path.resolve() == excluded or excluded in path.resolve().parents):
            continue  # the batch's own output folder inside the input folder
        found.append(path)
    return found


def _file_items(file: Path, label: str) -> Iterator[Item]:
    fallback = mtime_date(file.stat().st_mtime)
    suffix = file.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_items(file, label, fallback)
    elif suffix in FEED_SUFFIXES or _looks_like_feed(file):
        from .feeds import feed_items

        yield from feed_items(file, label, fallback)
    else:
        yield _brief_file_item(file, label, fallback)


def _looks_like_feed(file: Path) -> bool:
    try:
        with file.open("rb") as handle:
            head = handle.read(512).decode("utf-8", "ignore").lstrip("\ufeff \t\r\n").lower()
    except OSError:
        return False
    return head.startswith(_FEED_START)


def _brief_file_item(file: Path, label: str, fallback: str) -> Item:
    try:
        size = file.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{label} is {size / 1048576:.1f} MB, over the {MAX_INPUT_BYTES // 1048576} MB limit "
                             "for one brief; split it")
        text = decode(file.read_bytes(), label)
    except BriefpressError as exc:
        return Item(0, label, "", label, fallback_date=fallback, error=exc.message)
    except OSError as exc:
        return Item(0, label, "", label, fallback_date=fallback, error=f"{label}: cannot be read ({exc.strerror})")
    return Item(0, label, text, file.name, fallback_date=fallback)


def _jsonl_items(file: Path, label: str, fallback: str) -> Iterator[Item]:
    try:
        handle = file.open("rb")
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror}); check its permissions") from exc
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{label}:{lineno}"
            try:
                yield _jsonl_item(raw, where, label, fallback)
            except BriefpressError as exc:
                yield Item(0, where, "", where, fallback_date=fallback, error=exc.message)


def _jsonl_item(raw: bytes, where: str, label: str, fallback: str) -> Item:
    """One line. The brief's name is its ``id`` or the file's name, never the line number: a line
    moved within the file keeps its key, so a resumed run does not redo it."""
    text = decode(raw, where)
    check_json_depth(text, where)
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON at column {exc.colno} ({exc.msg}); one brief object per line") from exc
    if isinstance(data, str):
        return Item(0, where, data, label, fallback_date=fallback)
    if not isinstance(data, dict):
        raise InputError(f'{where}: a line must be a JSON object like {{"brief": "..."}} '
                         'or {{"title": "...", "points": [...]}}')
    given = data.pop("id", None) or data.pop("name", None)
    name = str(given) if given is not None else label
    shown = str(given) if given is not None else where
    date = data.pop("date", None)
    if date is not None:
        if not isinstance(date, str):
            raise InputError(f'{where}: "date" must be an ISO 8601 string like 2026-11-25T09:30:00Z')
        try:
            date = normalize_date(date)
        except BriefpressError as exc:
            raise InputError(f'{where}: "date" {date!r} is not ISO 8601; write it like 2026-11-25T09:30:00Z') from exc
    if "brief" in data:
        brief = data["brief"]
        if not isinstance(brief, str):
            raise InputError(f'{where}: "brief" must be a text')
        return Item(0, shown, brief, name, sources=_sources(data.get("sources"), where), date=date,
                    fallback_date=fallback)
    # A JSON brief ({"title", "points", "sources"}) that ingest reads as is, keys in a fixed order.
    brief = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return Item(0, shown, brief, name, date=date, fallback_date=fallback)


def _sources(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(f'{where}: "sources" must be a list of texts or {{"name", "text"}} objects')
    out = []
    for i, entry in enumerate(value, start=1):
        if isinstance(entry, str):
            out.append((f"source{i}", entry))
        elif isinstance(entry, dict) and isinstance(entry.get("text"), str):
            out.append((str(entry.get("name") or f"source{i}"), entry["text"]))
        else:
            raise InputError(f'{where}: source {i} must be a text or a {{"name", "text"}} object')
    return tuple(out)
