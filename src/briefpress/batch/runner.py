"""The batch driver: read the inputs, skip finished work, run the rest, keep every result.

The driver alone writes to the output folder. For each finished item it writes the item's files
(atomically), then its journal line, then reports progress; the index is rebuilt from the journal
when the run ends, however it ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..pipeline import check_options
from ..render import FORMATS
from .inputs import load_items
from .items import DEFAULT_MAX_REQUESTS, REMOTE_ENGINES, Item, Settings
from .store import STATE_DIR, Journal, atomic_write, remove_stale_temps, write_index
from .work import Result

if TYPE_CHECKING:
    from .ray_runner import RaySession

log = logging.getLogger(__name__)

BatchProgress = Callable[[str, dict[str, Any]], None]


@dataclass
class Summary:
    total: int
    done: int
    failed: int
    reused: int
    pending: int
    outdir: Path


def request_bound(settings: Settings, max_requests: int | None) -> int | None:
    """How many items may talk to the engine's server at once: the option, else a default for remote engines."""
    if max_requests is not None:
        if max_requests < 1:
            raise UsageError(f"--max-requests {max_requests}: give 1 or more")
        return max_requests
    return DEFAULT_MAX_REQUESTS if settings.engine in REMOTE_ENGINES else None


def run_batch(
    inputs: Sequence[str | Path],
    outdir: str | Path,
    settings: Settings,
    *,
    jobs: int = 1,
    resume: bool = False,
    retry_failed: bool = False,
    ray_address: str | None = None,
    max_requests: int | None = None,
    progress: BatchProgress | None = None,
) -> Summary:
    """Write one article package per item of ``inputs`` into ``outdir``, with ``index.jsonl``/``index.csv``.

    ``progress`` gets ``("start", {"total", "todo", "reused"})``, then ``("item", {"id", "status",
    "error", "finished", "todo"})`` per finished item, then ``("end", {...summary})``.
    """
    _check(settings, jobs)
    bound = request_bound(settings, max_requests)
    out = Path(outdir)
    journal = _journal(out, resume or retry_failed)
    items = _load(inputs, out)
    keyed = [(item, item.key(settings)) for item in items]
    entries = journal.read()
    todo, reused = _todo(keyed, entries, out, retry_failed)
    session = None
    if ray_address and todo:
        from .ray_runner import connect

        session = connect(ray_address, jobs)
    if progress:
        progress("start", {"total": len(items), "todo": len(todo), "reused": reused})
    fresh: set[str] = set()
    results = _results(todo, settings, jobs, session, bound)
    try:
        for finished, (item, result) in enumerate(results, start=1):
            entries[result.key] = _keep(out, journal, item, result)
            fresh.add(result.key)
            if progress:
                progress("item", {"id": item.id, "status": result.status, "error": result.error,
                                  "finished": finished, "todo": len(todo)})
    finally:
        results.close()  # stops the workers or Ray tasks now, not whenever the generator is collected
        if session is not None:
            session.close()
        journal.close()
        rows = _rows(keyed, entries, fresh)
        write_index(out, rows)
    summary = _summary(rows, len(items), out)
    if progress:
        progress("end", {"total": summary.total, "done": summary.done, "failed": summary.failed,
                         "reused": summary.reused, "pending": summary.pending})
    return summary


def _journal(out: Path, continuing: bool) -> Journal:
    """The output folder's journal; a folder that holds a batch is continued only when asked to."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {out} is a file; give a folder for the batch's articles")
    journal = Journal(out)
    if journal.exists() and not continuing:
        raise UsageError(f"{out} already holds a batch; pass --resume to continue it, or give a new folder")
    return journal


def _load(inputs: Sequence[str | Path], out: Path) -> list[Item]:
    """The items of the inputs, with the output folder made ready for them."""
    items = load_items(inputs, exclude=out)
    if not items:
        raise UsageError("the inputs hold no briefs; give a JSONL file, a folder of briefs or a feed file")
    out.mkdir(parents=True, exist_ok=True)
    (out / STATE_DIR).mkdir(exist_ok=True)
    stale = remove_stale_temps(out)
    if stale:
        log.info("removed %d temporary files an interrupted run left", stale)
    return items


def _todo(keyed: list[tuple[Item, str]], entries: dict[str, dict[str, Any]], out: Path,
          retry_failed: bool) -> tuple[list[tuple[Item, str]], int]:
    """The items still to write, each key once, and how many finished items are reused."""
    todo: list[tuple[Item, str]] = []
    seen: set[str] = set()
    reused = 0
    for item, key in keyed:
        if key in seen:
            continue  # the same brief twice: written once, listed twice
        seen.add(key)
        if _finished(entries.get(key), out, retry_failed):
            reused += 1
        else:
            todo.append((item, key))
    return todo, reused


def _summary(rows: list[dict[str, Any]], total: int, out: Path) -> Summary:
    return Summary(
        total=total,
        done=sum(1 for r in rows if r["status"] == "ok"),
        failed=sum(1 for r in rows if r["status"] == "failed"),
        reused=sum(1 for r in rows if r["reused"]),
        pending=sum(1 for r in rows if r["status"] == "pending"),
        outdir=out,
    )


def _check(settings: Settings, jobs: int) -> None:
    if jobs < 1:
        raise UsageError(f"--jobs {jobs}: give 1 or more worker processes")
    if not settings.formats:
        raise UsageError("give at least one --format")
    for fmt in settings.formats:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format '{fmt}'; choose one or more of: {', '.join(FORMATS)}")
    check_options(settings.options(settings.date))


def _finished(entry: dict[str, Any] | None, out: Path, retry_failed: bool) -> bool:
    if entry is None:
        return False
    if entry.get("status") == "failed":
        return not retry_failed
    # Done only if every file it wrote is still there (someone may have deleted one).
    return entry.get("status") == "ok" and all((out / name).is_file() for name in entry.get("files", []))


def _results(todo: list[tuple[Item, str]], settings: Settings, jobs: int, session: RaySession | None,
             bound: int | None) -> Generator[tuple[Item, Result], None, None]:
    if not todo:
        return _nothing()
    if session is not None:
        from .ray_runner import run_ray

        return run_ray(todo, settings, session, bound)
    from .local import run_pool

    window = 2 * jobs if bound is None else min(2 * jobs, bound)
    return run_pool(todo, settings, jobs, window)


def _nothing() -> Generator[tuple[Item, Result], None, None]:
    yield from ()


def _keep(out: Path, journal: Journal, item: Item, result: Result) -> dict[str, Any]:
    for name, text in result.outputs.items():
        atomic_write(out / name, text)
    entry = {"id": item.id, **result.row()}
    journal.append(entry)
    return entry


def _rows(keyed: list[tuple[Item, str]], entries: dict[str, dict[str, Any]], fresh: set[str]) -> list[dict[str, Any]]:
    rows = []
    for item, key in keyed:
        entry = entries.get(key)
        row: dict[str, Any] = dict(entry) if entry else {"key": key, "status": "pending", "files": []}
        row.update(position=item.position, id=item.id, reused=bool(entry) and key not in fresh)
        rows.append(row)
    return rows
