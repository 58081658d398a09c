"""`briefpress serve` under the heaviest requests it accepts: does it stay responsive?

    python bench/service_abuse_bench.py [--heavy 4] [--probe-s 20] [--write]

A real server (uvicorn, SQLite WAL store, writers in child processes) on 127.0.0.1 with --no-auth.
``--heavy`` POSTs of the largest brief accepted (just under 2 MB, one paragraph with no sentence
end: the slowest kind to split) are sent at once; the time each takes to be accepted (202) is
recorded. While the workers write them, /healthz is probed every 50 ms for ``--probe-s`` seconds:
p50 / p95 / max latency, against the 200 ms target. Then one more heavy POST is timed while the
writers are busy, and SIGTERM is sent: the time to exit shows shutdown does not wait on the runaway
briefs (the per-job deadline is set above the run so they are still being written).

Traffic goes to 127.0.0.1 only; every loop is bounded. With --write the figures replace the
service-abuse section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from machine_info import cpu_name

ROOT = Path(__file__).resolve().parent.parent
MAX_BRIEF_BYTES = 2 * 1024 * 1024
START, END = "<!-- service-abuse-bench:start -->", "<!-- service-abuse-bench:end -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def start_server(db: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "from briefpress.cli import main; main()", "serve", "--no-auth", "--host", "127.0.0.1",
           "--port", str(port), "--db", db, "--rate-limit", "0", "--workers", str(workers), "--job-timeout", "600"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def heavy_brief() -> str:
    return ("word " * (MAX_BRIEF_BYTES // 5))[: MAX_BRIEF_BYTES - 1]


def post_heavy(url: str, brief: str, n: int) -> list[tuple[int, float]]:
    results: list[tuple[int, float]] = []
    lock = threading.Lock()

    def one() -> None:
        t0 = time.monotonic()
        r = httpx.post(url + "/v1/articles", json={"brief": brief}, timeout=120)
        with lock:
            results.append((r.status_code, time.monotonic() - t0))

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    return results


def probe(url: str, seconds: float) -> tuple[list[float], int, int]:
    """/healthz latencies (s), failures, and the most writers seen busy."""
    latencies: list[float] = []
    failures = busy = 0
    end = time.monotonic() + seconds
    with httpx.Client(base_url=url, timeout=10) as c:
        while time.monotonic() < end:
            t0 = time.monotonic()
            try:
                r = c.get("/healthz")
                latencies.append(time.monotonic() - t0)
                busy = max(busy, r.json()["busy"])
                failures += r.status_code != 200
            except httpx.HTTPError:
                failures += 1
            time.sleep(0.05)
    return latencies, failures, busy


def run(heavy: int, probe_s: float, workers: int) -> dict[str, object]:
    brief = heavy_brief()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        proc = start_server(f"sqlite:///{Path(tmp) / 'bench.db'}", port, workers)
        try:
            accepted = post_heavy(url, brief, heavy)
            latencies, failures, busy = probe(url, probe_s)
            one_more = post_heavy(url, brief, 1)[0]
            t0 = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            proc.wait(120)
            exit_s = time.monotonic() - t0
        finally:
            if proc.poll() is None:
                proc.kill()
    return {"heavy": heavy, "workers": workers, "brief_bytes": len(brief.encode()),
            "accepted": sum(code == 202 for code, _ in accepted), "accept_s": sorted(s for _, s in accepted),
            "busy": busy, "probes": len(latencies), "failures": failures,
            "p50_ms": 1000 * pct(latencies, 0.5), "p95_ms": 1000 * pct(latencies, 0.95),
            "max_ms": 1000 * max(latencies), "under_200ms": sum(x < 0.2 for x in latencies),
            "busy_accept": one_more, "sigterm_exit_s": exit_s}


def markdown(r: dict[str, object], command: str) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]
    accept = ", ".join(f"{1000 * s:.0f}" for s in r["accept_s"])  # type: ignore[attr-defined]
    code, busy_s = r["busy_accept"]  # type: ignore[misc]
    return f"""{START}
## service: /healthz and accepting under the heaviest requests

`{command}` — `briefpress serve --no-auth` (uvicorn, SQLite WAL, writers in child processes,
{r['workers']} workers) on 127.0.0.1; {r['heavy']} concurrent POSTs of the largest brief accepted
({r['brief_bytes']:,} bytes, one paragraph with no sentence end), then /healthz probed every 50 ms
while they are written. Machine: {os.cpu_count()} cores, {cpu_name()}, Python {platform.python_version()},
Linux {platform.release()}; load average {load:.1f} at the end (other engineers' tests shared the cores).
Date: {now}.

| measure | value |
|---|---|
| heavy POSTs accepted (202) | {r['accepted']} / {r['heavy']} |
| time to accept each heavy POST (ms) | {accept} |
| writers busy while probing | {r['busy']} |
| /healthz probes (failures) | {r['probes']} ({r['failures']}) |
| /healthz latency p50 / p95 / max | {r['p50_ms']:.1f} ms / {r['p95_ms']:.1f} ms / {r['max_ms']:.1f} ms |
| /healthz answers under 200 ms | {r['under_200ms']} / {r['probes']} |
| one more heavy POST while writers are busy | HTTP {code} in {1000 * busy_s:.0f} ms |
| SIGTERM to exit, runaway briefs still being written | {r['sigterm_exit_s']:.1f} s |

The POST checks types, sizes and counts only (the brief's bytes, JSON nesting, sources, engine);
ingest and every stage run in the job, in a writer process, so neither the accept time nor
/healthz depends on the brief's content. On SIGTERM the writers get `shutdown_grace` (5 s) and are
then ended; their jobs stay running and are resumed by the next server.
{END}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heavy", type=int, default=4)
    parser.add_argument("--probe-s", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="replace the section in BENCHMARKS.md")
    args = parser.parse_args()
    result = run(args.heavy, args.probe_s, args.workers)
    section = markdown(result, "python bench/service_abuse_bench.py" + (" --write" if args.write else ""))
    print(section)
    if args.write:
        path = ROOT / "BENCHMARKS.md"
        text = path.read_text(encoding="utf-8")
        if START in text:
            text = text[: text.index(START)] + section + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
