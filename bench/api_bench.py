"""Load and fault benchmark of `briefpress serve` on loopback (extractive engine).

    python bench/api_bench.py [--requests 200] [--concurrency 20] [--write]

1. Load: a real server with a fresh SQLite store; N POST /v1/articles, C at a time; every job is
   followed to the end. Reports errors, p50/p95 of the POST (accept) latency and of the time from
   submit to article written, and throughput in articles a second.
2. Fault: the same load against a fresh server, killed with SIGKILL once half the requests were
   accepted; requests while it is down are refused (never accepted), the server is restarted on the
   same store, the rest are sent, and every accepted job is checked: done, with its article.

Traffic goes to 127.0.0.1 only; every loop is bounded in count and time. With --write the figures
replace the API section of BENCHMARKS.md.
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
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import httpx
from machine_info import cpu_name

ROOT = Path(__file__).resolve().parent.parent
BRIEF = (ROOT / "examples" / "takaichi-brief.txt").read_text(encoding="utf-8")
START, END = "<!-- api-bench:start -->", "<!-- api-bench:end -->"
DEADLINE_S = 900  # the whole run stops by itself after this


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, db: str, port: int, key_file: Path) -> None:
        self.db, self.port, self.proc = db, port, None
        self.url = f"http://127.0.0.1:{port}"

    def start(self) -> None:
        cmd = [sys.executable, "-c", "from briefpress.cli import main; main()", "serve", "--host", "127.0.0.1",
               "--port", str(self.port), "--db", self.db, "--rate-limit", "0", "--stale-after", "3"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise SystemExit("the server did not start")

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def follow(client: httpx.Client, job_ids: list[str], deadline: float) -> dict[str, dict]:
    """Poll until every job is done or failed; returns the final job objects."""
    final: dict[str, dict] = {}
    while len(final) < len(job_ids) and time.monotonic() < deadline:
        for job_id in job_ids:
            if job_id in final:
                continue
            try:
                job = client.get(f"/v1/jobs/{job_id}").json()
            except httpx.HTTPError:
                break
            if job["state"] in ("done", "failed"):
                job["seen_done"] = time.monotonic()
                final[job_id] = job
        time.sleep(0.1)
    return final


def submit_all(url: str, key: str, n: int, concurrency: int, stop_after: int | None = None,
               on_accepted=None) -> tuple[list[dict], list[str]]:
    """Send n POSTs, `concurrency` at a time. Returns accepted records and error strings."""
    accepted: list[dict] = []
    errors: list[str] = []
    lock = threading.Lock()
    local = threading.local()

    def one(i: int) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {key}"})
        t0 = time.monotonic()
        try:
            r = local.client.post("/v1/articles", json={"brief": BRIEF, "engine": "extractive"})
        except httpx.HTTPError as exc:
            with lock:
                errors.append(f"{type(exc).__name__}")
            return
        t1 = time.monotonic()
        with lock:
            if r.status_code == 202:
                accepted.append({"job_id": r.json()["job_id"], "sent": t0, "accepted": t1})
                if on_accepted:
                    on_accepted(len(accepted))
            else:
                errors.append(f"HTTP {r.status_code}")

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(n)))
    return accepted, errors


def create_key(db: str) -> str:
    from briefpress.store import open_store

    store = open_store(db)
    key = store.create_key("bench")[1]
    store.close()
    return key


def load_phase(n: int, concurrency: int, folder: Path) -> dict:
    db = f"sqlite:///{folder / 'load.db'}"
    key = create_key(db)
    server = Server(db, free_port(), folder / "key")
    server.start()
    try:
        t0 = time.monotonic()
        accepted, errors = submit_all(server.url, key, n, concurrency)
        with httpx.Client(base_url=server.url, timeout=30, headers={"Authorization": f"Bearer {key}"}) as c:
            final = follow(c, [a["job_id"] for a in accepted], time.monotonic() + DEADLINE_S / 3)
        wall = max(j["seen_done"] for j in final.values()) - t0 if final else float("nan")
    finally:
        server.stop()
    accept_ms = [1000 * (a["accepted"] - a["sent"]) for a in accepted]
    by_id = {a["job_id"]: a for a in accepted}
    done_s = [j["seen_done"] - by_id[i]["sent"] for i, j in final.items() if j["state"] == "done"]
    failed = [j for j in final.values() if j["state"] != "done"]
    return {
        "requests": n, "concurrency": concurrency, "accepted": len(accepted), "errors": len(errors) + len(failed),
        "error_kinds": sorted(set(errors)) + sorted({j.get("error") or "" for j in failed}),
        "unfinished": len(accepted) - len(final),
        "accept_p50_ms": pct(accept_ms, 0.5), "accept_p95_ms": pct(accept_ms, 0.95),
        "done_p50_s": pct(done_s, 0.5) if done_s else float("nan"),
        "done_p95_s": pct(done_s, 0.95) if done_s else float("nan"),
        "wall_s": wall, "throughput": len(done_s) / wall if done_s else 0.0,
        "post_per_s": len(accepted) / (max(a["accepted"] for a in accepted) - t0) if accepted else 0.0,
    }


def fault_phase(n: int, concurrency: int, folder: Path) -> dict:
    db = f"sqlite:///{folder / 'fault.db'}"
    key = create_key(db)
    server = Server(db, free_port(), folder / "key")
    server.start()
    killed = threading.Event()
    state = {}

    def on_accepted(count: int) -> None:
        if count >= n // 2 and not killed.is_set():
            killed.set()
            with httpx.Client(base_url=server.url, timeout=5, headers={"Authorization": f"Bearer {key}"}) as c:
                state["at_kill"] = c.get("/healthz").json()["jobs"]
            server.kill9()

    try:
        first, errors_down = submit_all(server.url, key, n // 2 + concurrency, concurrency, on_accepted=on_accepted)
        server.start()  # same port, same store
        second, errors_after = submit_all(server.url, key, n - len(first), concurrency)
        accepted = first + second
        with httpx.Client(base_url=server.url, timeout=30, headers={"Authorization": f"Bearer {key}"}) as c:
            final = follow(c, [a["job_id"] for a in accepted], time.monotonic() + DEADLINE_S / 3)
            missing_articles = sum(
                1
                for j in final.values()
                if j["state"] == "done" and c.get(f"/v1/articles/{j['article_id']}").status_code != 200
            )
    finally:
        server.stop()
    lost = [a["job_id"] for a in accepted if a["job_id"] not in final or final[a["job_id"]]["state"] != "done"]
    return {
        "accepted": len(accepted), "refused_while_down": len(errors_down), "errors_after_restart": len(errors_after),
        "at_kill": state.get("at_kill", {}), "resumed": sum(1 for j in final.values() if j["attempts"] >= 2),
        "done": sum(1 for j in final.values() if j["state"] == "done"), "lost": len(lost),
        "missing_articles": missing_articles,
    }


def machine() -> str:
    cpu = cpu_name()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"load average {load:.1f} when the run ended (other work on the machine slows every figure)"
    )


def report(load: dict, fault: dict) -> str:
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    kill = fault["at_kill"]
    error_kinds = f" ({', '.join(load['error_kinds'])})" if load["error_kinds"] else ""
    return f"""{START}
## HTTP API: load and faults

`python bench/api_bench.py --write` — `briefpress serve` (uvicorn, SQLite WAL store, default worker pool)
on 127.0.0.1, extractive engine with verification, the Takaichi brief, API keys on, rate limit off.
Machine: {machine()}. Date: {date}.

**Load** — {load["requests"]} `POST /v1/articles`, {load["concurrency"]} at a time, every job followed to the end:

| measure | value |
|---|---|
| errors (HTTP or failed jobs) | {load["errors"]}{error_kinds} |
| accepted (202) | {load["accepted"]} / {load["requests"]} |
| POST latency p50 / p95 | {load["accept_p50_ms"]:.0f} ms / {load["accept_p95_ms"]:.0f} ms |
| submit → article written, p50 / p95 | {load["done_p50_s"]:.1f} s / {load["done_p95_s"]:.1f} s |
| throughput (articles written) | {load["throughput"]:.2f} articles/s over {load["wall_s"]:.1f} s |
| accept rate | {load["post_per_s"]:.0f} requests/s |

The submit → written time is mostly queueing: {load["requests"]} jobs arrive within seconds and the
workers write them at the throughput above (writing with verification is CPU-bound on 2 cores).

**Fault** — the same load against a fresh server, `kill -9` once half were accepted
(at that moment: {kill.get("queued", "?")} queued, {kill.get("running", "?")} running, {kill.get("done", "?")} done),
restarted on the same store, the rest sent:

| measure | value |
|---|---|
| accepted jobs | {fault["accepted"]} |
| requests refused while the server was down (never accepted) | {fault["refused_while_down"]} |
| jobs that were running when killed and resumed (attempt 2) | {fault["resumed"]} |
| accepted jobs done after the restart | {fault["done"]} / {fault["accepted"]} |
| accepted jobs lost | {fault["lost"]} |
| done jobs whose article is missing | {fault["missing_articles"]} |
{END}"""


def write_section(text: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        current = before + text + after
    else:
        current = current.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(current, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="replace the API section of BENCHMARKS.md")
    args = parser.parse_args()
    timer = threading.Timer(DEADLINE_S, lambda: os._exit(3))  # bounded, whatever happens
    timer.daemon = True
    timer.start()
    with tempfile.TemporaryDirectory() as tmp:
        load = load_phase(args.requests, args.concurrency, Path(tmp))
        print("load:", load, flush=True)
        fault = fault_phase(args.requests, args.concurrency, Path(tmp))
        print("fault:", fault, flush=True)
    text = report(load, fault)
    print(text)
    if args.write:
        write_section(text)
    if load["errors"] or fault["lost"] or fault["missing_articles"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
