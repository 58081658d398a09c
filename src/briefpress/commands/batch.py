"""``briefpress batch``: many briefs at once, resumable, in parallel, on Ray when asked."""

from __future__ import annotations

import signal
import sys
from types import TracebackType
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ..limits import ITEM_TIMEOUT_S
from .common import debug_option


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "outdir", required=True, metavar="OUTDIR",
              help="Folder for the articles and the index.")
@click.option("--format", "formats", multiple=True, metavar="FMT",
              help="text, md, html or json; repeat or comma-separate for several (default: json).")
@click.option("--engine", default="extractive", show_default=True, help="Writing engine; see 'briefpress engines'.")
@click.option("--model", help="Model for --engine local or openai (a .gguf path, or a served model's name).")
@click.option("--base-url", help="OpenAI-compatible server for --engine openai, e.g. http://127.0.0.1:8080/v1")
@click.option("--jobs", "-j", default=1, show_default=True, type=int, help="Local worker processes.")
@click.option("--resume", is_flag=True, help="Continue a batch in OUTDIR: items already done are skipped.")
@click.option("--retry-failed", is_flag=True, help="Like --resume, and run the items that failed again.")
@click.option("--ray", "ray_address", metavar="ADDRESS|auto|local",
              help="Run items as Ray tasks on the cluster at ADDRESS "
              "('auto': this machine's cluster; 'local': start one here).")
@click.option("--max-requests", type=int, metavar="N",
              help="Items that may call the engine's server at once (default 4 for --engine openai, else no bound).")
@click.option("--date", help="Article date, ISO 8601, for items without their own "
              "(default: the input file's modification time).")
@click.option("--author", help="Byline.")
@click.option("--site-url", help="Site base URL for canonical links.")
@click.option("--item-timeout", type=click.FloatRange(min=0), default=ITEM_TIMEOUT_S, show_default=True,
              metavar="SECONDS", help="Stop a brief that runs longer and report it failed; 0: no deadline.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@debug_option
def command(
    inputs: tuple[str, ...],
    outdir: str,
    formats: tuple[str, ...],
    engine: str,
    model: str | None,
    base_url: str | None,
    jobs: int,
    resume: bool,
    retry_failed: bool,
    ray_address: str | None,
    max_requests: int | None,
    date: str | None,
    author: str | None,
    site_url: str | None,
    item_timeout: float,
    no_progress: bool,
    debug: bool,
) -> None:
    """Write an article for every brief in INPUT... (JSONL files, folders of briefs, RSS/Atom feeds).

    Each article is written to OUTDIR as <slug>-<hash>.<ext>, with index.jsonl and index.csv listing
    every item's status, scores, timings and error. Rerun with --resume after an interruption.
    """
    from ..batch import Settings, run_batch

    wanted = tuple(f.strip() for value in formats for f in value.split(",") if f.strip()) or ("json",)
    engine_options = {k: v for k, v in (("model", model), ("base_url", base_url)) if v is not None}
    settings = Settings(engine=engine, formats=tuple(dict.fromkeys(wanted)), date=date, author=author,
                        site_url=site_url, engine_options=engine_options, item_timeout=item_timeout or None)
    reporter = BarReporter(enabled=not no_progress)
    # A plain `kill` ends the run like Ctrl-C: finished items kept, index written.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with reporter:
            summary = run_batch(
                inputs, outdir, settings, jobs=jobs, resume=resume, retry_failed=retry_failed,
                ray_address=ray_address, max_requests=max_requests, progress=reporter,
            )
    except KeyboardInterrupt:
        click.echo(
            f"briefpress: interrupted; {reporter.finished} items finished in this run are kept in {outdir}; "
            "rerun with --resume to finish the rest",
            err=True,
        )
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
    line = f"{summary.done} of {summary.total} articles in {outdir}"
    if summary.reused:
        line += f" ({summary.reused} from an earlier run)"
    if summary.failed:
        line += f"; {summary.failed} failed: see {outdir}/index.csv, fix them and rerun with --retry-failed"
    click.echo(line, err=True)
    if summary.failed:
        sys.exit(1)  # the CLI group returns, not exits, on click's own Exit


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt



class BarReporter:
    """A ``BatchProgress`` callback that draws the bar and prints each failed item above it."""

    def __init__(self, enabled: bool = True) -> None:
        self.console = Console(stderr=True)
        self.enabled = enabled
        self.finished = 0
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("failed {task.fields[failed]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=self.console, disable=not enabled,
        )
        self._task: TaskID | None = None
        self._failed = 0

    def __enter__(self) -> BarReporter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._task is not None:
            self._progress.stop()

    def __call__(self, event: str, data: dict[str, Any]) -> None:
        if event == "start":
            # Started here, not on entry: an error before the batch starts stays one line.
            self._progress.start()
            self._task = self._progress.add_task("batch", total=data["todo"], failed=0)
        elif event == "item" and self._task is not None:
            self.finished += 1
            if data["status"] == "failed":
                self._failed += 1
                if self.enabled:
                    # Text, not markup: ids and reasons come from user files.
                    error = str(data["error"])
                    where = "" if error.startswith(str(data["id"])) else f"{data['id']}: "
                    self._progress.console.print(Text(f"failed: {where}{error}"))
            self._progress.update(self._task, advance=1, failed=self._failed)
