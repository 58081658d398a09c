"""Running items as Ray tasks: the same per-item function, on a Ray cluster.

``address`` is a cluster address (``host:port``), ``auto`` for the cluster this machine belongs to
(started with ``ray start``), or ``local`` for a Ray instance started here for this batch only.
Every node needs briefpress installed, as it is here: tasks import the per-item function by name.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Sequence
from typing import Any

from ..errors import UsageError
from .items import Item, Settings
from .work import Result, process_item

Work = Sequence[tuple[Item, str]]


def connect(address: str, jobs: int) -> tuple[Any, bool]:
    """Ray, connected; and whether this call connected it (then the batch disconnects at the end)."""
    try:
        import ray
    except ImportError as exc:
        raise UsageError("--ray needs Ray; install it with: pip install 'briefpress[batch]'") from exc
    options: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": logging.WARNING,
        "ignore_reinit_error": True,
    }
    if ray.is_initialized():  # a program that already connected keeps its connection
        return ray, False
    try:
        if address == "local":
            ray.init(num_cpus=jobs, **options)
        else:
            ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise UsageError(
            f"--ray {address}: no Ray cluster could be reached ({' '.join(str(exc).split())[:200]}); "
            "start one with 'ray start --head', or pass --ray local"
        ) from exc
    return ray, True


def run_ray(work: Work, settings: Settings, address: str, jobs: int, bound: int | None) -> Generator[tuple[Item, Result], None, None]:
    ray, owned = connect(address, jobs)
    pending: dict[Any, Item] = {}
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1)) or 1
        window = 2 * cpus if bound is None else min(2 * cpus, bound)
        task = ray.remote(num_cpus=1, max_retries=0)(process_item)
        settings_ref = ray.put(settings)
        queue = iter(work)
        while True:
            while len(pending) < window:
                nxt = next(queue, None)
                if nxt is None:
                    break
                item, key = nxt
                pending[task.remote(item, settings_ref, key)] = item
            if not pending:
                break
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                item = pending.pop(ref)
                try:
                    result = ray.get(ref)
                except Exception as exc:  # the task's worker died or could not import briefpress
                    result = Result(item.key(settings), "failed", error=f"ray task failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
                yield item, result
    finally:
        for ref in pending:  # interrupted: stop what is still running on the cluster
            try:
                ray.cancel(ref, force=True)
            except Exception:  # already finished or gone: nothing to stop
                pass
        if owned:
            ray.shutdown()
