"""Benchmark: the archive at newsroom scale. Adding N articles, and retrieving the top 5 passages.

The archive is built at run time in a temporary SQLite store from the news stories in
``../shared/bench/*.dev.jsonl`` (nothing from them is written into the project); to reach N
articles each distinct story is added again under another URL and with its sentences rotated, so
no two archived texts are the same. The queries are the leads of the golden briefs and of stories.

``--golden`` measures issue #19's target instead: each golden brief written with its source page
(tests/golden/sources, served on loopback) and an archive of 220 other bench stories, its rendered
page scored by Yoast (tools/yoast-harness, needs node) and audited for grounding.

Usage:
    python bench/evidence_bench.py [--articles 10000] [--queries 200]
    python bench/evidence_bench.py --golden
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from machine_info import cpu_name

ROOT = Path(__file__).resolve().parent.parent


def stories(bench_dir: Path) -> list[str]:
    seen: dict[str, str] = {}
    for path in sorted(bench_dir.glob("*.dev.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            story = json.loads(line)["source"]
            seen.setdefault(story[:200], story)
    return list(seen.values())


def archive_items(texts: list[str], n: int, base: str = "https://archive.example") -> list[object]:
    from briefpress.store.archive import NewArticle

    items: list[object] = []
    round_ = 0
    while len(items) < n:
        for text in texts:
            sentences = text.split(". ")
            shift = round_ % max(1, len(sentences))
            rotated = ". ".join(sentences[shift:] + sentences[:shift])
            items.append(NewArticle(title=sentences[0][:90], text=rotated,
                                    url=f"{base}/{round_}/{len(items)}", date="2025-01-01"))
            if len(items) >= n:
                break
        round_ += 1
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--golden", action="store_true", help="score the golden briefs with source pages and archive")
    args = parser.parse_args()
    if args.golden:
        return golden_figures()

    from briefpress.store.archive import Archive, background
    from briefpress.store.db import Store

    texts = stories(args.bench_dir)
    items = archive_items(texts, args.articles)
    golden = sorted((ROOT / "tests/golden/briefs").glob("*.txt"))
    leads = [p.read_text(encoding="utf-8").split("\n-\n")[0] for p in golden]
    leads += [t.split(". ")[0] + "." for t in texts]
    leads = leads[: args.queries]
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/briefpress.db")
        store.migrate()
        archive = Archive(store)
        start = time.perf_counter()
        for at in range(0, len(items), 1000):
            archive.add(items[at : at + 1000])  # type: ignore[arg-type]
        added = time.perf_counter() - start
        timings = []
        kept = 0
        for lead in leads:
            start = time.perf_counter()
            found = background(archive, lead, lead)
            timings.append((time.perf_counter() - start) * 1000)
            kept += len(found)
        store.close()
    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    machine = f"{cpu_name()}, Python {platform.python_version()}"
    print("| date | machine | articles | add all | queries | top-5 p50 | top-5 p95 | passages kept per query |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    print(f"| {date} | {machine} | {len(items)} | {added:.1f} s | {len(leads)} | "
          f"{p50:.1f} ms | {p95:.1f} ms | {kept / len(leads):.2f} |")
    return 0


def golden_figures() -> int:
    """Per golden brief: Yoast SEO and readability of the rendered page, and the sentences the
    grounding audit finds unsupported or contradicted; then min and median."""
    import os

    sys.path.insert(0, str(ROOT / "tests"))
    from briefpress.store.archive import Archive
    from briefpress.store.db import Store
    from golden import pages

    with tempfile.TemporaryDirectory() as folder:
        os.environ["BRIEFPRESS_CACHE_DIR"] = f"{folder}/cache"
        store = Store(f"sqlite:///{folder}/briefpress.db")
        store.migrate()
        Archive(store).add(pages.archive_items(220))
        store.close()
        with pages.serve_sources() as base:
            written = {stem: pages.written(stem, base, f"sqlite:///{folder}/briefpress.db") for stem in pages.STORIES}
        scored = pages.score(written)
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    print(f"{date}, {cpu_name()}, Python {platform.python_version()}, yoastseo by tools/yoast-harness")
    print("| brief | SEO | readability | unsupported | links | checks below full marks |")
    print("|---|---:|---:|---:|---|---|")
    for s in scored:
        short = ", ".join(f"{k} {v[1]}" for k, v in sorted(s.short.items()))
        print(f"| {s.stem} | {s.seo} | {s.readability} | {s.failed} | {' '.join(s.links)} | {short} |")
    for name, values in (("SEO", [s.seo for s in scored]), ("readability", [s.readability for s in scored])):
        print(f"{name}: min {min(values)}, median {statistics.median(values)}")
    met = sum(s.seo >= 90 and s.readability >= 70 for s in scored)
    failed = sum(s.failed for s in scored)
    print(f"SEO >= 90 and readability >= 70: {met} of {len(scored)}; unsupported in all: {failed}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
