"""What ``briefpress serve`` was asked for; tests build one directly."""

from __future__ import annotations

import os
from dataclasses import dataclass

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


def is_loopback(host: str) -> bool:
    import ipaddress

    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
