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

    @property
    def active(self) -> bool:
        return self.revoked_at is None


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
