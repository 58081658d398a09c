"""Batch benchmark: 1,000 briefs through `briefpress batch` with 1 and 2 local workers and on Ray.

The briefs are built at run time from the distinct news ``source`` texts of
``../shared/bench/*.dev.jsonl`` (a lead plus up to three further sentences each, in the dash
layout) into a temporary JSONL file; nothing is copied into the project. Each mode runs the real
CLI in its own process tree; peak memory is the largest sum of resident memory over that tree
(driver, workers, and the Ray processes in Ray mode), sampled every 0.1 s. Then a run is killed
with SIGKILL part-way, resumed with --resume, and its files compared byte for byte with the
uninterrupted run's.

    python bench/batch_bench.py [--n 1000] [--modes 1,2,ray]

It prints a Markdown block for the batch section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import psutil
from machine_info import cpu_name

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from briefpress.cli import main; main()", "batch"]


def build_briefs(bench_dir: Path, n: int, path: Path) -> int:
    from briefpress.text import split_sentences

    sources: dict[str, None] = {}
    for file in sorted(bench_dir.glob("*.dev.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            sources.setdefault(json.loads(line)["source"], None)
    briefs = []
    for source in sources:
        sentences = [s.text for s in split_sentences(source) if len(s.text.split()) >= 6][:4]
        if len(sentences) >= 2:
            briefs.append("\n-\n".join(sentences))
        if len(briefs) == n:
            break
    with path.open("w", encoding="utf-8") as handle:
        for i, brief in enumerate(briefs, start=1):
            handle.write(json.dumps({"id": f"bench-{i}", "brief": brief}) + "\n")
    return len(briefs)


class PeakMemory:
    """Largest total RSS of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for proc in procs:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.1)


def snapshot(dest: Path) -> str:
    """The committed code at HEAD, unpacked for the runs to import: edits made to the working tree
    while the benchmark runs (for minutes) must not make one mode run other code than another."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    archive = subprocess.run(
        ["git", "archive", "HEAD", "src/briefpress"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    dest.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    os.environ["PYTHONPATH"] = str(dest / "src")  # every run, its workers and Ray's inherit it
    return commit


def run_mode(src: Path, out: Path, args: list[str]) -> dict[str, float]:
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(CLI + [str(src), "-o", str(out), "--no-progress", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    with PeakMemory(proc.pid) as memory:
        _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch {' '.join(args)} failed: {stderr[-2000:]}")
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    ok = sum(1 for r in rows if r["status"] == "ok")
    # The machine's load average around the run: other work on the machine slows every mode.
    load = (load_before + os.getloadavg()[0]) / 2
    return {
        "seconds": seconds,
        "ok": ok,
        "failed": len(rows) - ok,
        "rate": ok / seconds,
        "peak_mb": memory.peak / 2**20,
        "load": load,
    }


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "index."))}


def interrupted(src: Path, out: Path, args: list[str], total: int, fraction: float = 0.4) -> dict[str, float]:
    journal = out / ".batch" / "journal.jsonl"
    proc = subprocess.Popen(CLI + [str(src), "-o", str(out), "--no-progress", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while proc.poll() is None:
        if journal.exists() and len(journal.read_text().splitlines()) >= int(total * fraction):
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait()
    kept = len(journal.read_text().splitlines())
    resumed = run_mode(src, out, [*args, "--resume"])
    return {"kept": kept, **resumed}


def machine() -> str:
    memory = psutil.virtual_memory().total / 2**30
    return f"{cpu_name()}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--modes", default="1,2,ray")
    args = parser.parse_args()
    common = ["--engine", "extractive", "--format", "json", "--date", "2026-11-25T09:00:00Z"]
    modes = {"1": ["--jobs", "1"], "2": ["--jobs", "2"], "ray": ["--ray", "local", "--jobs", "2"]}
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        work = Path(tmp)
        commit = snapshot(work / "code")
        src = work / "briefs.jsonl"
        n = build_briefs(args.bench_dir, args.n, src)
        print(f"{n} briefs built from {args.bench_dir}", file=sys.stderr)
        results: dict[str, dict[str, float]] = {}
        for mode in args.modes.split(","):
            results[mode] = run_mode(src, work / f"out-{mode}", [*common, *modes[mode]])
            print(f"mode {mode}: {json.dumps(results[mode])}", file=sys.stderr)
        reference = outputs(work / f"out-{args.modes.split(',')[0]}")
        for m in results:
            theirs = outputs(work / f"out-{m}")
            results[m]["differing"] = sum(
                1 for k in reference.keys() | theirs.keys() if reference.get(k) != theirs.get(k)
            )
        same_modes = all(r["differing"] == 0 for r in results.values())
        resume = interrupted(src, work / "out-cut", [*common, *modes["2"]], n)
        resume["identical"] = float(outputs(work / "out-cut") == reference)
        if not resume["identical"]:
            cut = outputs(work / "out-cut")
            resume["differing"] = sum(1 for k in reference.keys() | cut.keys() if reference.get(k) != cut.get(k))
        print(f"interrupted: {json.dumps(resume)}; all modes identical: {same_modes}", file=sys.stderr)
    report = render(n, results, resume, same_modes, commit)
    print(report)
    return 0


def render(
    n: int, results: dict[str, dict[str, float]], resume: dict[str, float], same_modes: bool, commit: str
) -> str:
    label = {
        "1": "1 local worker (`--jobs 1`)",
        "2": "2 local workers (`--jobs 2`)",
        "ray": "local Ray, 2 CPUs (`--ray local --jobs 2`)",
    }
    lines = [
        f"Run {date.today().isoformat()} on {machine()}, code at commit {commit}; {n} briefs, extractive engine "
        "with the full pipeline (write, verify, SEO), JSON output.",
        "",
        "| mode | articles | failed | wall time | articles/s | scaling efficiency | peak memory | machine load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = results.get("1", {}).get("rate")
    for mode, r in results.items():
        workers = 1 if mode == "1" else 2
        eff = f"{r['rate'] / base / workers:.0%}" if base else "n/a"
        lines.append(
            f"| {label[mode]} | {int(r['ok'])} | {int(r['failed'])} | {r['seconds']:.1f} s | {r['rate']:.2f} | "
            f"{eff} | {r['peak_mb']:.0f} MB | {r['load']:.1f} |"
        )
    lines += [
        "",
        f"Outputs byte-identical across the modes: {'yes' if same_modes else 'NO'}. Interrupted run (`--jobs 2`, "
        f"SIGKILL to the process group at 40%): {int(resume['kept'])} items kept, resumed with `--resume` in "
        f"{resume['seconds']:.1f} s; final files byte-identical to the uninterrupted run: "
        f"{'yes' if resume['identical'] else 'NO'}.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
