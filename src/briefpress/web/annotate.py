"""Split an article's parts into sentences that carry their verdict, reasons and evidence.

The grounding report (``article.grounding``) gives every sentence its part, text and verdict; a
build without the verifier falls back on the evidence map, where a sentence is only ``unverified``
with the facts the writer cited. Each part becomes segments: sentences (with an index into the
sentence list) and the plain text between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..edit import iter_parts

VERDICTS = ("supported", "unsupported", "contradicted", "no_claim", "unverified")


@dataclass
class Segment:
    text: str
    index: int | None = None
    verdict: str = ""


@dataclass
class Annotated:
    sentences: list[dict[str, Any]]
    parts: dict[str, list[Segment]] = field(default_factory=dict)
    verified: bool = False
    summary: dict[str, Any] = field(default_factory=dict)

    def segments(self, part: str, text: str) -> list[Segment]:
        return self.parts.get(part) or [Segment(text)]


def _from_evidence(article: dict[str, Any]) -> list[dict[str, Any]]:
    facts = {f["id"]: f for f in article.get("facts", [])}
    out = []
    for ev in article.get("evidence", []):
        cited = [facts[i] for i in ev.get("facts", []) if i in facts]
        out.append({
            "text": ev["sentence"], "part": ev["part"],
            "verdict": "no_claim" if ev.get("no_claim") else "unverified",
            "reasons": [],
            "evidence": [{"source": f["source"], "start": f["start"], "end": f["end"], "text": f["text"], "score": None}
                         for f in cited],
        })
    return out


def annotate(article: dict[str, Any]) -> Annotated:
    report = article.get("grounding") or {}
    verified = bool(report.get("sentences"))
    sentences = [dict(s) for s in report["sentences"]] if verified else _from_evidence(article)
    for i, s in enumerate(sentences):
        s["index"] = i
        if s.get("verdict") not in VERDICTS:
            s["verdict"] = "unverified"
    result = Annotated(sentences=sentences, verified=verified, summary=dict(report.get("summary") or {}))
    texts = dict(iter_parts(article))
    by_part: dict[str, list[dict[str, Any]]] = {}
    for s in sentences:
        by_part.setdefault(s.get("part", ""), []).append(s)
    for part, text in texts.items():
        segments: list[Segment] = []
        at = 0
        for s in by_part.get(part, []):
            found = text.find(s.get("text", ""), at) if s.get("text") else -1
            if found < 0:
                continue
            if found > at:
                segments.append(Segment(text[at:found]))
            segments.append(Segment(s["text"], s["index"], s["verdict"]))
            at = found + len(s["text"])
        if at < len(text):
            segments.append(Segment(text[at:]))
        result.parts[part] = segments
    return result
