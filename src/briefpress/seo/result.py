"""The shapes an audit returns: per-check results and the two reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Rating = Literal["good", "ok", "bad"]


def rating(score: int) -> Rating:
    """Yoast's traffic light: 8-9 green, 5-7 orange, 4 or less (and negatives) red."""
    if score >= 8:
        return "good"
    if score >= 5:
        return "ok"
    return "bad"


@dataclass(frozen=True)
class Assessment:
    id: str
    score: int
    message: str

    @property
    def rating(self) -> Rating:
        return rating(self.score)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": self.score, "rating": self.rating, "message": self.message}


@dataclass
class Report:
    score: int
    assessments: list[Assessment]
    extras: dict[str, Any] = field(default_factory=dict)

    def get(self, assessment_id: str) -> Assessment | None:
        return next((a for a in self.assessments if a.id == assessment_id), None)

    def failing(self) -> list[Assessment]:
        return [a for a in self.assessments if a.rating != "good"]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"score": self.score, "assessments": [a.to_dict() for a in self.assessments]}
        out.update(self.extras)
        return out


@dataclass
class SeoResult:
    seo: Report
    readability: Report
    rankmath: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"seo": self.seo.to_dict(), "readability": self.readability.to_dict(), "rankmath": self.rankmath}
