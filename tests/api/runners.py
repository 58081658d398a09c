"""Job runners for ``Settings.runner`` that a spawned writer process imports by name."""

from __future__ import annotations

import time
from typing import Any

from briefpress.api.workers import run_job

RUNAWAY = "RUNAWAY"


def runaway_or_write(request: dict[str, Any], progress: Any = None) -> dict[str, Any]:
    """Never finishes on a brief that starts with RUNAWAY (a writer stuck in a loop); writes any other."""
    if request["brief"].startswith(RUNAWAY):
        while True:
            time.sleep(0.05)
    return run_job(request, progress)


def reports_forever(request: dict[str, Any], progress: Any = None) -> dict[str, Any]:
    """A stage that never ends but reports progress, as a model engine's writing loop does."""
    while True:
        progress("stage", {"stage": "write"})
        time.sleep(0.05)
