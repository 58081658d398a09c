"""API keys (``Authorization: Bearer KEY``), the per-key rate limit and the per-address limit on wrong keys."""

from __future__ import annotations

import threading
import time

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..store import KeyRecord

MAX_BUCKETS = 10_000


class RateLimiter:
    """A token bucket per key: ``per_minute`` requests a minute, in bursts up to the same number."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float:
        """0 when the request may go on, else the seconds to wait."""
        if self.per_minute <= 0:
            return 0.0
        rate = self.per_minute / 60.0
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > MAX_BUCKETS:
                self._forget_full(now, rate)
            tokens, stamp = self._buckets.get(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - stamp) * rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return (1.0 - tokens) / rate
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0

    def _forget_full(self, now: float, rate: float) -> None:
        # Buckets are per key or per client address: a bucket refilled to the brim is the same as no
        # bucket, so dropping those bounds the memory many addresses could take.
        self._buckets = {k: (t, s) for k, (t, s) in self._buckets.items()
                         if t + (now - s) * rate < self.per_minute}

    def waiting(self, key: str) -> float:
        """Like ``check`` but takes nothing: the seconds before a request may go on, else 0."""
        if self.per_minute <= 0:
            return 0.0
        rate = self.per_minute / 60.0
        with self._lock:
            tokens, stamp = self._buckets.get(key, (float(self.per_minute), time.monotonic()))
        tokens = min(float(self.per_minute), tokens + (time.monotonic() - stamp) * rate)
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / rate


def client_address(request: Request) -> str:
    return request.client.host if request.client else "-"


def too_many_failures(request: Request) -> float:
    """Seconds this client must wait after too many wrong keys (API or /login), else 0."""
    return request.app.state.failures.waiting(client_address(request))  # type: ignore[no-any-return]


def count_failure(request: Request) -> None:
    request.app.state.failures.check(client_address(request))


def failures_429(wait: float) -> HTTPException:
    return HTTPException(429, f"too many wrong API keys from this address; retry in {wait:.0f} s",
                         headers={"Retry-After": str(max(1, round(wait)))})


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


# Declared so the OpenAPI docs offer an "Authorize" button; the check itself is below.
_bearer = HTTPBearer(auto_error=False, description="An API key from `briefpress keys create`")


def require_key(request: Request, _: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> KeyRecord | None:
    """FastAPI dependency of every /v1 route: the caller's key (None under ``--no-auth``)."""
    state = request.app.state
    key: KeyRecord | None = None
    if not state.settings.no_auth:
        token = bearer_token(request)
        if token is None:
            raise HTTPException(401, "missing API key; send 'Authorization: Bearer KEY' "
                                "(create one with 'briefpress keys create')", headers={"WWW-Authenticate": "Bearer"})
        wait = too_many_failures(request)
        if wait > 0:
            raise failures_429(wait)
        key = state.store.check_key(token)
        if key is None:
            count_failure(request)
            raise HTTPException(401, "unknown or revoked API key; create a new one with 'briefpress keys create'",
                                headers={"WWW-Authenticate": "Bearer"})
    wait = state.limiter.check(key.id if key else f"anon:{client_address(request)}")
    if wait > 0:
        raise HTTPException(429, f"rate limit of {state.settings.rate_limit} requests a minute reached; "
                            f"retry in {wait:.1f} s", headers={"Retry-After": str(max(1, round(wait)))})
    return key
