"""Progress for people: a rich status line on stderr, fed by the library's progress callback.

The library only calls ``progress(event, data)``; this is the CLI's way of showing it. Model
engines send ``begin`` and one ``part`` event per part written, with parts done and total,
tokens generated, tokens per second and seconds elapsed.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class ProgressView:
    """Use as a context manager; pass ``view.callback`` as the ``progress`` argument."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: Any = None

    def __enter__(self) -> ProgressView:
        if self.enabled:
            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(kind, exc, tb)
            self._progress = None

    def callback(self, event: str, data: dict[str, Any]) -> None:
        if self._progress is None or event not in ("begin", "part"):
            return
        total = data.get("total") or None
        rate = f"{data.get('tokens', 0)} tokens, {data.get('tokens_per_s', 0.0):.1f} tokens/s"
        description = f"writing {data['part']}" if data.get("part") else "reading the facts"
        if self._task is None:
            self._task = self._progress.add_task(description, total=total, rate=rate)
        self._progress.update(
            self._task, description=description, completed=data.get("done", 0), total=total, rate=rate
        )
