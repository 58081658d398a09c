"""Batches: many briefs at once from JSONL files, folders and feeds; resumable, parallel, on Ray.

    >>> from briefpress.batch import Settings, run_batch
    >>> run_batch(["briefs.jsonl"], "out", Settings(formats=("json", "html")), jobs=2)

Each item runs through :func:`briefpress.batch.work.process_item`, the same function in every mode
(this process, local worker processes, Ray tasks). Progress comes through the ``progress`` callback.
"""

from __future__ import annotations

from .inputs import load_items
from .items import Item, Settings
from .runner import BatchProgress, Summary, run_batch
from .work import Result, process_item

__all__ = ["BatchProgress", "Item", "Result", "Settings", "Summary", "load_items", "process_item", "run_batch"]
