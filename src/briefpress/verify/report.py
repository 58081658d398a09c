"""The grounding report: one verdict per article sentence, consistency findings, a summary.

Its JSON form is the versioned contract ``briefpress.report/1`` (``schemas/report.schema.json``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

REPORT_SCHEMA = "briefpress.report/1"

Verdict = Literal["supported", "unsupported", "contradicted", "no_claim"]
ReasonKind = Literal["number", "entity", "quote", "attribution", "statement", "contradiction"]
VERDICTS: tuple[str, ...] = ("supported", "unsupported", "contradicted", "no_claim")


class Reason(BaseModel):
    """Why a sentence failed a check: the kind of check, the offending text, a short detail."""

    model_config = ConfigDict(extra="forbid")

    kind: ReasonKind
    text: str
    detail: str


class EvidenceSpan(BaseModel):
    """A source passage a verdict rests on; offsets are into that source's text."""

    model_config = ConfigDict(extra="forbid")

    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    score: float


class SentenceVerdict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    part: str = Field(description="where the sentence is: a field path for article JSON, else 'line[n]'")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    verdict: Verdict
    reasons: list[Reason] = Field(default_factory=list)
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    # The statement check's support score (0..1; 0 after a failed figure, name, quote or
    # attribution check): for ranking and benchmarks, not part of the JSON contract.
    _support: float = PrivateAttr(default=1.0)

    @property
    def support(self) -> float:
        return self._support

    @property
    def failed(self) -> bool:
        return self.verdict in ("unsupported", "contradicted")


class ConsistencyFinding(BaseModel):
    """The article disagrees with itself: ``sentences`` are indexes into the report's sentences."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    sentences: list[int]
    detail: str


class Summary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sentences: int
    claims: int
    supported: int
    unsupported: int
    contradicted: int
    no_claim: int
    supported_share: float


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str = Field(default=REPORT_SCHEMA, alias="schema")
    sentences: list[SentenceVerdict]
    consistency: list[ConsistencyFinding] = Field(default_factory=list)
    summary: Summary

    @property
    def failed(self) -> list[SentenceVerdict]:
        return [s for s in self.sentences if s.failed]

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def summarize(sentences: list[SentenceVerdict]) -> Summary:
    counts = {v: sum(1 for s in sentences if s.verdict == v) for v in VERDICTS}
    claims = len(sentences) - counts["no_claim"]
    return Summary(
        sentences=len(sentences),
        claims=claims,
        supported=counts["supported"],
        unsupported=counts["unsupported"],
        contradicted=counts["contradicted"],
        no_claim=counts["no_claim"],
        # An article with no claim has nothing unsupported in it.
        supported_share=round(counts["supported"] / claims, 4) if claims else 1.0,
    )


def build_report(sentences: list[SentenceVerdict], consistency: list[ConsistencyFinding] | None = None) -> Report:
    return Report(sentences=sentences, consistency=consistency or [], summary=summarize(sentences))
