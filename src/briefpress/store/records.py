"""Plain, detached records the store hands out, so no ORM session leaks into callers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class KeyRecord:
    id: str
    name: str
    prefix: str
    created_at: str
    revoked_at: str | None
    tenant: str | None = None
    admin: bool = False

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def owner(self) -> str:
        """The tenant the jobs and articles this key makes belong to: its named tenant, else the key itself."""
        return self.tenant or f"key:{self.id}"

    @property
    def scope(self) -> str | None:
        """The tenant whose rows this key may see; None for an admin key, which sees every row."""
        return None if self.admin else self.owner


@dataclass(frozen=True)
class JobRecord:
    id: str
    state: str
    request: dict[str, Any]
    progress: dict[str, Any]
    error: str | None
    article_id: str | None
    attempts: int
    created_at: str
    updated_at: str

    def public(self) -> dict[str, Any]:
        """The shape ``GET /v1/jobs/{id}`` returns."""
        return {
            "job_id": self.id,
            "state": self.state,
            "progress": self.progress,
            "error": self.error,
            "article_id": self.article_id,
            "attempts": self.attempts,
            "created": self.created_at,
            "updated": self.updated_at,
        }


@dataclass(frozen=True)
class VersionRecord:
    article_id: str
    version: int
    created_at: str
    note: str
    data: dict[str, Any] = field(repr=False)


@dataclass(frozen=True)
class ArticleRecord:
    id: str
    latest_version: int
    created_at: str
    updated_at: str
