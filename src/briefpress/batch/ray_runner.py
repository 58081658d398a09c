"""Running items as Ray tasks: the same per-item function, on a Ray cluster.

``address`` is a cluster address (``host:port``), ``auto`` for the cluster this machine belongs to
(started with ``ray start``), or ``local`` for a Ray instance started here for this batch only.
Every node needs briefpress installed, as it is here: tasks import the per-item function by name.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from .items import Item, Settings
from .local import HASH_SEED, submit_upto
from .work import Result, process_item

Work = Sequence[tuple[Item, str]]


@dataclass
class RaySession:
    """A connection to a Ray cluster; closed at the end of the batch only if the batch opened it."""

    ray: Any
    owned: bool

    def close(self) -> None:
        if self.owned and self.ray.is_initialized():
            self.ray.shutdown()


def connect(address: str, jobs: int) -> RaySession:
    """Connect before the batch starts, so a wrong address fails at once with one line."""
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
        return RaySession(ray, owned=False)
    if address == "local" or _is_loopback(address):
        # Keep a cluster on this machine on loopback; by default Ray would use the machine's LAN address.
        options["_node_ip_address"] = "127.0.0.1"
    if address not in ("local", "auto"):
        _check_reachable(address)
    try:
        if address == "local":  # a new instance, even where a cluster runs on this machine
            ray.init(address="local", num_cpus=jobs, **options)
        else:
            ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise UsageError(
            f"--ray {address}: no Ray cluster could be reached ({' '.join(str(exc).split())[:200]}); "
            "start one with 'ray start --head', or pass --ray local"
        ) from exc
    return RaySession(ray, owned=True)


def _host_port(address: str) -> tuple[str, int] | None:
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    return (host.strip("[]"), int(port)) if sep and port.isdigit() else None


def _is_loopback(address: str) -> bool:
    parsed = _host_port(address)
    return parsed is not None and (parsed[0] == "localhost" or parsed[0].startswith("127.") or parsed[0] == "::1")


def _check_reachable(address: str) -> None:
    """Fail in seconds, not after Ray's minutes of retries, when nothing listens at the address."""
    parsed = _host_port(address)
    if parsed is None:
        raise UsageError(f"--ray {address}: give HOST:PORT of the cluster's head, 'auto' or 'local'")
    try:
        socket.create_connection(parsed, timeout=5).close()
    except OSError as exc:
        raise UsageError(
            f"--ray {address}: no Ray cluster answers there ({exc.strerror or exc}); "
            "start one with 'ray start --head', or pass --ray local"
        ) from exc


def run_ray(work: Work, settings: Settings, session: RaySession,
            bound: int | None) -> Generator[tuple[Item, Result], None, None]:
    ray = session.ray
    pending: dict[Any, Item] = {}
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1)) or 1
        window = 2 * cpus if bound is None else min(2 * cpus, bound)
        # The same string hash seed as local workers: set iteration order never reaches the output.
        task = ray.remote(num_cpus=1, max_retries=0,
                          runtime_env={"env_vars": {"PYTHONHASHSEED": HASH_SEED}})(process_item)
        settings_ref = ray.put(settings)
        queue = iter(work)
        while True:
            submit_upto(window, pending, queue, lambda item, key: task.remote(item, settings_ref, key))
            if not pending:
                break
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                item = pending.pop(ref)
                try:
                    result = ray.get(ref)
                except Exception as exc:  # the task's worker died or could not import briefpress
                    reason = " ".join(str(exc).split())[:300]
                    error = f"ray task failed: {type(exc).__name__}: {reason}"
                    result = Result(item.key(settings), "failed", error=error)
                yield item, result
    finally:
        for ref in pending:  # interrupted: stop what is still running on the cluster
            try:
                ray.cancel(ref, force=True)
            except Exception:  # already finished or gone: nothing to stop
                pass
