"""Benchmark: the largest input of each kind that briefpress accepts, at 1/4, 1/2 and full size.

Each run is the real command line in its own process (``briefpress write --engine extractive``
or ``briefpress audit``), timed from start to exit, interpreter start-up included. Linear growth
shows as a full-size time about four times the quarter-size one, less the start-up every run
pays. The kinds, each at the limit of ``briefpress.limits`` that bounds it:

- prose: one paragraph of ``MAX_FACTS`` sentences (no blank line anywhere);
- wall: one line of 2 MB with no full stop (cut at ``MAX_PARAGRAPH_CHARS`` and ``MAX_SENTENCE_CHARS``);
- points: a JSON brief of ``MAX_FACTS`` points;
- sources: a brief and ``MAX_SOURCES - 1`` sources of news prose, ``MAX_FACTS`` sentences in all;
- audit: a Markdown article of ``MAX_ARTICLE_BYTES`` checked against one source.

Usage:
    python bench/abuse_bench.py [--kinds prose,wall,points,sources,audit]

Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from machine_info import cpu_name

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from briefpress.limits import MAX_ARTICLE_BYTES, MAX_FACTS, MAX_INPUT_BYTES, MAX_SOURCES  # noqa: E402

SENTENCE = "Council {n} approved {n} new homes in Leeds on Tuesday, the mayor said."
SOURCE_SENTENCE = "Officials in district {n} said the plan would add {n} bus routes by May."
FRACTIONS = (0.25, 0.5, 1.0)


def _prose(share: float, folder: Path) -> list[str]:
    path = folder / "prose.txt"
    path.write_text(" ".join(SENTENCE.format(n=i) for i in range(int(MAX_FACTS * share))), encoding="utf-8")
    return ["write", str(path)]


def _wall(share: float, folder: Path) -> list[str]:
    path = folder / "wall.txt"
    words = "council homes leeds mayor plan vote approved tuesday "
    path.write_text((words * (int((MAX_INPUT_BYTES - 1024) * share) // len(words))).strip(), encoding="utf-8")
    return ["write", str(path)]


def _points(share: float, folder: Path) -> list[str]:
    path = folder / "points.json"
    points = [SENTENCE.format(n=i) for i in range(int(MAX_FACTS * share) - 1)]
    path.write_text(json.dumps({"title": "Leeds council approves homes", "points": points}), encoding="utf-8")
    return ["write", str(path)]


def _sources(share: float, folder: Path) -> list[str]:
    n_sources = max(2, int(MAX_SOURCES * share))
    per_source = MAX_FACTS // MAX_SOURCES - 1
    brief = folder / "brief.txt"
    brief.write_text("\n-\n".join(SENTENCE.format(n=i) for i in range(5)), encoding="utf-8")
    args = ["write", str(brief)]
    for k in range(n_sources - 1):
        path = folder / f"source{k}.txt"
        path.write_text(" ".join(SOURCE_SENTENCE.format(n=k * 1000 + i) for i in range(per_source)), encoding="utf-8")
        args += ["--source", str(path)]
    return args


def _audit(share: float, folder: Path) -> list[str]:
    paragraph = " ".join(SENTENCE.format(n=i) for i in range(8)) + "\n\n"
    article = "# Leeds council approves homes\n\n"
    while len(article.encode()) + len(paragraph) + 40 < MAX_ARTICLE_BYTES * share:
        article += f"## Part {len(article)}\n\n" + paragraph
    path = folder / "article.md"
    path.write_text(article, encoding="utf-8")
    source = folder / "source.txt"
    source.write_text(" ".join(SENTENCE.format(n=i) for i in range(40)), encoding="utf-8")
    return ["audit", str(path), "--source", str(source), "--format", "json"]


KINDS: dict[str, tuple[str, Callable[[float, Path], list[str]]]] = {
    "prose": ("one prose paragraph, sentences", _prose),
    "wall": ("one line, no full stop, bytes", _wall),
    "points": ("JSON brief, points", _points),
    "sources": ("sources (brief + files)", _sources),
    "audit": ("Markdown article to audit, bytes", _audit),
}


def _size(kind: str, args: list[str]) -> str:
    path = Path(args[1])
    if kind in ("prose", "points"):
        text = path.read_text(encoding="utf-8")
        return str(text.count("Council ") if kind == "prose" else len(json.loads(text)["points"]) + 1)
    if kind == "sources":
        return str(1 + args.count("--source"))
    return f"{path.stat().st_size / 1024:.0f} KB"


def _time(args: list[str]) -> tuple[float, int]:
    extra = ["--engine", "extractive", "-q", "--format", "json", "--date", "2026-11-24"] if args[0] == "write" else []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "briefpress", *args, *extra], capture_output=True, env=env,
                          timeout=1800)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return time.perf_counter() - started, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS))
    kinds = parser.parse_args().kinds.split(",")
    print(f"Machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; command: python bench/abuse_bench.py\n")
    print("| input | size 1/4 | 1/2 | full | s at 1/4 | s at 1/2 | s at full | full ÷ 1/4 |")
    print("|---|---|---|---|---|---|---|---|")
    for kind in kinds:
        label, build = KINDS[kind]
        sizes, times = [], []
        for share in FRACTIONS:
            with tempfile.TemporaryDirectory() as tmp:
                args = build(share, Path(tmp))
                sizes.append(_size(kind, args))
                times.append(_time(args)[0])
        print(f"| {label} | {' | '.join(sizes)} | {' | '.join(f'{t:.1f}' for t in times)} | "
              f"{times[-1] / times[0]:.1f} |", flush=True)


if __name__ == "__main__":
    main()
