"""Engines registered for the batch tests through a real entry point (see conftest.py).

They wrap the extractive engine, so their articles are real ones, and add what a test needs to
see: a delay (to interrupt a run), a concurrency count (for --max-requests), a transient failure
(for --retry-failed).
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import Any

from briefpress.engines.base import Draft
from briefpress.engines.extractive import ExtractiveEngine
from briefpress.errors import EngineError


class SlowExtractive(ExtractiveEngine):
    name = "slowextractive"

    def write(self, run: Any, outline: Any, progress: Any = None) -> Draft:
        time.sleep(float(os.environ.get("BP_TEST_DELAY", "0.05")))
        return super().write(run, outline, progress)


class CountingEngine(ExtractiveEngine):
    """Counts how many writes are in flight at once across processes, through marker files."""

    name = "counting"

    def write(self, run: Any, outline: Any, progress: Any = None) -> Draft:
        folder = Path(os.environ["BP_TEST_COUNT_DIR"])
        marker = folder / f"{os.getpid()}-{uuid.uuid4().hex}.busy"
        marker.touch()
        try:
            in_flight = len(list(folder.glob("*.busy")))
            # With BP_TEST_WAIT_FOR=n, a write waits (up to 30 s) until n are in flight at once or
            # another write has seen that many: workers start one by one on a busy machine, and a
            # fixed sleep would make "they overlap" a race against their start-up.
            want, reached = int(os.environ.get("BP_TEST_WAIT_FOR", "0")), folder / "reached"
            deadline = time.monotonic() + 30
            while want and in_flight < want and not reached.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
                in_flight = max(in_flight, len(list(folder.glob("*.busy"))))
            if want and in_flight >= want:
                reached.touch()
            with (folder / "seen.log").open("a") as log:
                log.write(f"{in_flight}\n")
            time.sleep(float(os.environ.get("BP_TEST_DELAY", "0.5")))
            return super().write(run, outline, progress)
        finally:
            marker.unlink()


class FlakyEngine(ExtractiveEngine):
    """Fails on briefs that mention FLAKY until the file named by BP_TEST_HEALED exists."""

    name = "flaky"

    def write(self, run: Any, outline: Any, progress: Any = None) -> Draft:
        if any("FLAKY" in f.text for f in run.facts) and not Path(os.environ["BP_TEST_HEALED"]).exists():
            raise EngineError("the engine's server did not answer; try again later")
        return super().write(run, outline, progress)


class StallingEngine(ExtractiveEngine):
    """Sleeps BP_TEST_STALL seconds (default 120) on briefs that mention STALL: a brief that runs past its deadline."""

    name = "stalling"

    def write(self, run: Any, outline: Any, progress: Any = None) -> Draft:
        if any("STALL" in f.text for f in run.facts):
            time.sleep(float(os.environ.get("BP_TEST_STALL", "120")))
        return super().write(run, outline, progress)
