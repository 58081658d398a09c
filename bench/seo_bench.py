"""Benchmark: the SEO and readability audit, articles per second on one core.

The corpus: the 24 fixture articles in ``tests/seo/fixtures/`` (HTML pages, read with the HTML
reader each time, so parsing is timed) and the articles briefpress writes for the golden briefs
and ``examples/`` (written once before timing; the audit of each is timed). Every article is
audited ``--rounds`` times after one warm-up pass, each audit with the per-sentence caches
cleared first (so a repeated article is not faster); the process is pinned to one CPU.
Target: at least 50 articles per second.

Usage:
    python bench/seo_bench.py [--rounds 5] [--no-word-forms]
    python bench/seo_bench.py --golden-scores   # Yoast's own scores of the written golden articles
                                                # (needs tools/yoast-harness installed)
    python bench/seo_bench.py --golden-scores --articles DIR   # ... of articles saved as JSON,
                                                # e.g. by bench/engine_bench.py --save DIR
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-word-forms", action="store_true", help="match as Yoast's free analysis does")
    parser.add_argument("--golden-scores", action="store_true", help="print yoastseo's scores of the golden articles")
    parser.add_argument(
        "--articles",
        type=Path,
        default=None,
        help="with --golden-scores: score the article JSON files in this folder instead of writing them",
    )
    args = parser.parse_args()
    if args.golden_scores:
        return golden_scores(args.articles)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    import briefpress
    from briefpress.seo import analyze, analyze_document, clear_caches

    forms = not args.no_word_forms
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/seo/fixtures").glob("*.html"))]
    briefs = sorted((ROOT / "tests/golden/briefs").glob("*.txt")) + [ROOT / "examples/takaichi-brief.txt"]
    articles = [briefpress.write(p.read_text(encoding="utf-8"), brief_name=p.name) for p in briefs]

    def one_pass() -> list[float]:
        times = []
        for text in pages:
            clear_caches()  # each audit starts cold: no sentence seen in an earlier audit
            t = time.perf_counter()
            analyze_document(text, name="a.html", word_forms=forms)
            times.append(time.perf_counter() - t)
        for article in articles:
            clear_caches()
            t = time.perf_counter()
            analyze(article, word_forms=forms)
            times.append(time.perf_counter() - t)
        return times

    one_pass()  # warm-up: imports, regex compilation, caches
    times: list[float] = []
    for _ in range(args.rounds):
        times += one_pass()
    total = sum(times)
    rate = len(times) / total
    words = [len(p.split()) for p in pages]
    print(f"date: {datetime.now(UTC):%Y-%m-%d}")
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores (1 used), Python "
        f"{platform.python_version()}"
    )
    print(
        f"articles: {len(pages)} fixture pages + {len(articles)} written articles, {args.rounds} rounds, word forms "
        f"{'on' if forms else 'off'}"
    )
    print(f"audits: {len(times)}  total: {total:.2f} s  rate: {rate:.1f} articles/s")
    print(
        f"per article: p50 {statistics.median(times) * 1000:.1f} ms  max {max(times) * 1000:.1f} ms  (fixture pages "
        f"{min(words)}-{max(words)} words of HTML)"
    )
    return 0 if rate >= 50 else 1


def golden_scores(folder: Path | None = None) -> int:
    """A Markdown table: yoastseo's SEO and readability of each written golden article (written
    now with the extractive engine, or read from ``folder``)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import briefpress
    from briefpress.models import Article
    from briefpress.seo import article_html
    from seo import yoast_harness  # type: ignore[import-not-found]

    if folder is not None:
        briefs = sorted(folder.glob("*.json"))
        articles = [Article.model_validate_json(p.read_text(encoding="utf-8")) for p in briefs]
    else:
        briefs = sorted((ROOT / "tests/golden/briefs").glob("*.txt")) + [ROOT / "examples/takaichi-brief.txt"]
        articles = [briefpress.write(p.read_text(encoding="utf-8"), brief_name=p.name) for p in briefs]
    papers = [yoast_harness.paper(article_html(a), keyphrase=a.keyphrase, title=a.headline,
                                  description=a.meta_description, slug=a.slug) for a in articles]
    always = {"images", "imageKeyphrase", "externalLinks", "internalLinks"}
    met_seo = met_read = 0
    print("| article | SEO | readability | what keeps it down |\n|---|---:|---:|---|")
    for path, result in zip(briefs, yoast_harness.run(papers), strict=True):
        down = [a["id"] for k in ("seo", "readability") for a in result[k]["assessments"]
                if a["rating"] != "good" and a["id"] not in always]
        met_seo += result["seo"]["score"] >= 80
        met_read += result["readability"]["score"] >= 70
        print(
            f"| {path.stem} | {result['seo']['score']} | {result['readability']['score']} | {', '.join(down) or '-'} |"
        )
    print(f"\nSEO >= 80: {met_seo} of {len(briefs)}; readability >= 70: {met_read} of {len(briefs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
