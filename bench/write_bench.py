"""Benchmark: `briefpress.write` over 100 briefs, time per article after import, on one core.

The 100 briefs are built at run time: the golden briefs in ``tests/golden/briefs/``, then, from
the news sources in ``../shared/bench/*.dev.jsonl``, a lead plus three sentences per distinct
source (dash layout). Nothing from the bench files is written into the project.

Usage:
    python bench/write_bench.py [--bench-dir ../shared/bench] [--n 100] [--stages all|write]

``--stages write`` times the write stage alone (ingest, plan, engine, render-ready package);
``all`` times every stage the pipeline runs (verification included, when installed). The
process is pinned to one CPU, and one warm-up article runs first so lazy imports and caches
(pysbd, trafilatura, models) are not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from machine_info import cpu_name

ROOT = Path(__file__).resolve().parent.parent


def build_briefs(bench_dir: Path, n: int) -> list[tuple[str, str]]:
    from briefpress.text import split_sentences

    briefs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests/golden/briefs").glob("*.txt"))]
    seen: set[str] = set()
    for path in sorted(bench_dir.glob("*.dev.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(briefs) >= n:
                return briefs
            row = json.loads(line)
            source = row["source"]
            if source[:200] in seen:
                continue
            seen.add(source[:200])
            sentences = [s.text for s in split_sentences(source) if len(s.text.split()) >= 6][:4]
            if len(sentences) == 4:
                briefs.append((row["id"], "\n-\n".join(sentences) + "\n"))
    return briefs[:n]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--stages", choices=("all", "write"), default="all")
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    import briefpress
    from briefpress import ingest
    from briefpress.models import Options, Run
    from briefpress.pipeline import STAGES, run_stages, stages_through

    briefs = build_briefs(args.bench_dir, args.n)
    stages = STAGES if args.stages == "all" else stages_through("write")

    def write(text: str) -> None:
        if args.stages == "all":
            briefpress.write(text, date="2026-11-25T09:00:00+00:00")
        else:
            run = ingest.ingest(Run(options=Options(date="2026-11-25T09:00:00+00:00")), text)
            run_stages(run, stages=stages)

    write(briefs[0][1])  # warm-up: lazy imports and compiled patterns
    times: list[float] = []
    cpu_times: list[float] = []  # CPU time of this process: steadier than wall time on a busy machine
    for _, text in briefs:
        start, cpu_start = time.perf_counter(), time.process_time()
        write(text)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu_start) * 1000)

    cpu = cpu_name()
    result = {
        "briefs": len(times),
        "stages": [s.name for s in stages],
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "mean_ms": round(statistics.fmean(times), 1),
        "cpu_p50_ms": round(statistics.median(cpu_times), 1),
        "cpu_p95_ms": round(percentile(cpu_times, 0.95), 1),
        "load_average": round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None,
        "cpu": cpu,
        "python": platform.python_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
