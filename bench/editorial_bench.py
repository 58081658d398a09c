"""Benchmark: would a news editor publish what briefpress writes? Repetition, fragments, copying,
coverage of a given story, grounding, Yoast scores and time, per engine.

Two kinds of input, built at run time (nothing from the bench files is written into the project):
- the golden briefs in ``tests/golden/briefs/`` and the Takaichi example: a brief only;
- news stories from ``../shared/bench/*.dev.jsonl``: the brief is the story's first four
  sentences (dash layout), and the whole story is given as ``--source``.

Usage:
    python bench/editorial_bench.py [--engines extractive,local] [--stories 20] [--yoast] [--save DIR]

Measures (``briefpress.editorial``): repeated word trigrams outside the summary block; sentences
that are fragments; body sentences copied verbatim from a source; the share of the story's sentences
the article cites (stories only); sentences its own audit calls unsupported or contradicted; Yoast
SEO and readability by yoastseo (``tools/yoast-harness``) on the ``<article>`` of the HTML page;
seconds per article (wall, after the engine has loaded).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATE = "2026-11-25T09:00:00+00:00"


@dataclass
class Case:
    name: str
    brief: str
    story: str | None = None


def golden_cases() -> list[Case]:
    paths = sorted((ROOT / "tests/golden/briefs").glob("*.txt")) + [ROOT / "examples/takaichi-brief.txt"]
    return [Case(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def story_cases(bench_dir: Path, n: int) -> list[Case]:
    from briefpress.text import split_sentences

    cases: list[Case] = []
    seen: set[str] = set()
    for path in sorted(bench_dir.glob("*.dev.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            story = row["source"]
            if story[:200] in seen or len(cases) >= n:
                continue
            seen.add(story[:200])
            sentences = [s.text for s in split_sentences(story)]
            if not 12 <= len(sentences) <= 40:
                continue  # a story, not a paragraph; and one a CPU writes in reasonable time
            cases.append(Case(row["id"], "\n-\n".join(sentences[:4]) + "\n", story))
    return cases


def write(case: Case, engine: str) -> tuple[Any, float]:
    import briefpress

    sources = [("story.txt", case.story)] if case.story else []
    start = time.perf_counter()
    article = briefpress.write(case.brief, sources, engine=engine, brief_name=f"{case.name}.txt",
                               date=DATE, created=DATE)
    return article, time.perf_counter() - start


def measure_case(case: Case, article: Any, seconds: float) -> dict[str, Any]:
    from briefpress.editorial import coverage, measure

    m = measure(article)
    summary = (article.grounding or {}).get("summary", {})
    return {
        "name": case.name, "story": case.story is not None, "seconds": round(seconds, 2),
        "repetition": round(m.repetition, 3), "copies": len(m.copies),
        "questions": m.questions, "stock_questions": len(m.stock_questions),
        "fragments": len(m.fragments), "fragment_share": round(m.fragment_share, 3),
        "verbatim": round(m.verbatim_share, 3),
        "coverage": round(coverage(article, "S2"), 3) if case.story else None,
        "unsupported": summary.get("unsupported", 0) + summary.get("contradicted", 0),
        "words": sum(len(t.split()) for t in [*article.summary, *article.body]),
    }


def yoast_scores(articles: list[Any]) -> list[tuple[int, int]]:
    sys.path.insert(0, str(ROOT / "tests"))
    import briefpress
    from seo import yoast_harness  # type: ignore[import-not-found]

    if not yoast_harness.available():
        raise SystemExit("--yoast needs node and tools/yoast-harness (npm ci there)")
    papers = [yoast_harness.paper(yoast_harness.article_element(briefpress.render(a, "html")), keyphrase=a.keyphrase,
                                  title=a.headline, description=a.meta_description, slug=a.slug) for a in articles]
    return [(r["seo"]["score"], r["readability"]["score"]) for r in yoast_harness.run(papers)]


def _share(rows: list[dict[str, Any]], key: str) -> str:
    values = [r[key] for r in rows if r[key] is not None]
    if not values:
        return "–"
    return f"{min(values):.0%}–{max(values):.0%} (median {statistics.median(values):.0%})"


def table(engine: str, rows: list[dict[str, Any]]) -> str:
    briefs = [r for r in rows if not r["story"]]
    stories = [r for r in rows if r["story"]]
    lines = [f"### engine `{engine}`", "", "| measure | briefs only | brief + whole story |", "|---|---|---|"]
    lines.append(f"| articles | {len(briefs)} | {len(stories)} |")
    for label, key in (("repeated word trigrams outside the summary", "repetition"),
                       ("sentences that are fragments", "fragment_share"),
                       ("body sentences verbatim from a source", "verbatim")):
        lines.append(f"| {label} | {_share(briefs, key)} | {_share(stories, key)} |")
    copies = (sum(r["copies"] for r in briefs), sum(r["copies"] for r in stories))
    lines.append(f"| sentences copied from another part | {copies[0]} | {copies[1]} |")
    stock = [f"{sum(r['stock_questions'] for r in rows)} of {sum(r['questions'] for r in rows)}"
             for rows in (briefs, stories)]
    lines.append(f"| headings that are stock questions | {stock[0]} | {stock[1]} |")
    lines.append(f"| story sentences told (cited) | – | {_share(stories, 'coverage')} |")
    lines.append(f"| unsupported or contradicted sentences | {sum(r['unsupported'] for r in briefs)} | "
                 f"{sum(r['unsupported'] for r in stories)} |")
    if rows and "seo" in rows[0]:
        for key, floor in (("seo", 80), ("readability", 70)):
            for group, label in ((briefs, "briefs"), (stories, "stories")):
                met = sum(r[key] >= floor for r in group)
                lines.append(f"| Yoast {key} >= {floor}, {label} | {met} of {len(group)} "
                             f"(min {min((r[key] for r in group), default=0)}) | |")
    secs = [r["seconds"] for r in rows]
    lines.append(f"| seconds per article (p50 / max) | {statistics.median(secs):.1f} / {max(secs):.1f} | |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="extractive")
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--yoast", action="store_true", help="score each page with yoastseo (needs node)")
    parser.add_argument("--save", type=Path, help="keep each article's JSON and the rows in this folder")
    args = parser.parse_args()
    cases = golden_cases() + story_cases(args.bench_dir, args.stories)
    for engine in args.engines.split(","):
        rows, articles = [], []
        for i, case in enumerate(cases, 1):
            article, seconds = write(case, engine)
            rows.append(measure_case(case, article, seconds))
            articles.append(article)
            print(f"[{engine} {i}/{len(cases)}] {case.name}: {seconds:.1f} s", file=sys.stderr)
            if args.save:
                (args.save / engine).mkdir(parents=True, exist_ok=True)
                (args.save / engine / f"{case.name}.json").write_text(article.model_dump_json(by_alias=True), "utf-8")
        if args.yoast:
            for row, (seo, readability) in zip(rows, yoast_scores(articles), strict=True):
                row["seo"], row["readability"] = seo, readability
        if args.save:
            (args.save / f"{engine}.rows.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
        print(table(engine, rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
