"""What ``briefpress serve`` was asked for; tests build one directly."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass
class Settings:
    db_url: str | None = None
    no_auth: bool = False
    workers: int = max(1, min(4, os.cpu_count() or 1))
    rate_limit: int = 120  # requests per minute per key; 0 turns it off
    max_body: int = 5 * 1024 * 1024  # bytes; a brief may be 2 MB, its sources a little more
    stale_after: float = 10.0  # seconds without a heartbeat before a running job counts as orphaned
    heartbeat: float = 2.0
    max_attempts: int = 3
    start_workers: bool = True
    # Write in child processes (the server's default: both cores, and the API stays responsive while
    # articles are written), or in threads of this process (tests, and models that must not be loaded twice).
    processes: bool = False
    host: str = "127.0.0.1"  # the address served: under --no-auth only its names answer (no DNS rebinding)
    auth_failures: int = 10  # wrong keys (API or /login) a minute per client address; 0 turns it off
    job_timeout: float = 300.0  # seconds one article may take before its job is failed
    shutdown_grace: float = 5.0  # seconds a stopping server waits for articles being written
    # What a job runs (default ``workers.run_job``): a module-level function, so a child can import it.
    runner: Callable[..., dict[str, Any]] | None = None

    def allowed_hosts(self) -> set[str]:
        """The Host names that reach this server: the bound one and loopback's."""
        return {self.host.strip("[]").lower(), *LOOPBACK_HOSTS}


def is_loopback(host: str) -> bool:
    import ipaddress

    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
