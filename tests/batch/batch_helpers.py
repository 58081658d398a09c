"""Shared inputs for the batch tests."""

from __future__ import annotations

import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench"


def bench_sources(n: int, max_chars: int = 1500) -> list[str]:
    """The first n distinct `source` texts of the shared grounding benchmarks (real news prose) no
    longer than max_chars, so tests stay quick with the verifier in the pipeline."""
    seen: dict[str, None] = {}
    for path in sorted(BENCH.glob("*.dev.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line)["source"]
                if len(text) <= max_chars:
                    seen.setdefault(text, None)
                if len(seen) >= n:
                    return list(seen)
    return list(seen)


BRIEFS = [
    "Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.\n-\n"
    "The plan adds 18 kilometres of protected lanes along the river and the ring road.\n-\n"
    "Mayor Ana Ruiz said construction starts in March and should finish within 14 months.",
    "The city of Lowmoor opened a new public library on Monday after three years of building work.\n-\n"
    "The library holds 120,000 books and a maker space with 3D printers.\n-\n"
    "Librarian Tom Reyes said opening hours run from 8 am to 9 pm every day.",
    "Harbor Bank raised its savings rate to 3.1 percent on Friday, its second rise this year.\n-\n"
    "The change applies to all accounts opened before June.\n-\n"
    "Chief executive Mara Olsen said the bank expects deposits to grow by 5 percent.",
]


def write_jsonl(path: Path, briefs: list[str], extra: list[str] = ()) -> Path:  # type: ignore[assignment]
    lines = [json.dumps({"brief": b}) for b in briefs] + list(extra)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
