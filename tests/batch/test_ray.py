"""The Ray runner against real local Ray instances: one started in this process, one with `ray start`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefpress.batch import Settings, run_batch

from .batch_helpers import bench_sources, write_jsonl

ray = pytest.importorskip("ray")
psutil = pytest.importorskip("psutil")

RAY_BIN = Path(sys.executable).with_name("ray")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith((".", "index."))}


def _rows(folder: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (folder / "index.jsonl").read_text().splitlines()]


@pytest.fixture
def local_ray() -> Iterator[None]:
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    yield
    ray.shutdown()


def test_ray_tasks_write_what_local_workers_write(tmp_path: Path, local_ray: None) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", bench_sources(6), extra=['{"brief": 42}'])
    settings = Settings(formats=("json", "html"), date="2026-11-24T09:00:00Z")
    events: list[str] = []
    summary = run_batch([src], tmp_path / "ray", settings, ray_address="auto", progress=lambda e, d: events.append(e))
    assert (summary.done, summary.failed) == (6, 1)
    assert events.count("item") == 7
    assert _rows(tmp_path / "ray")[6]["error"] == 'b.jsonl:7: "brief" must be a text'
    assert ray.is_initialized()  # the batch leaves a connection it did not make alone
    run_batch([src], tmp_path / "local", settings, jobs=2)
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local")
    assert len(_outputs(tmp_path / "ray")) == 12


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# A cluster on loopback for one test needs no token; the head and its clients must agree on that.
RAY_ENV = {**os.environ, "RAY_AUTH_MODE": "disabled"}


@pytest.fixture
def ray_head(tmp_path: Path) -> Iterator[str]:
    """A Ray head node on loopback, started for this test; it and every process it started are
    stopped after it, by process id (Ray's own processes leave the process group)."""
    port = _free_port()
    proc = subprocess.Popen(
        [str(RAY_BIN), "start", "--head", "--block", f"--port={port}", "--node-ip-address=127.0.0.1",
         "--num-cpus=2", "--include-dashboard=false", "--disable-usage-stats"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=RAY_ENV,
    )
    address = f"127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, "ray start exited early"
            status = subprocess.run([str(RAY_BIN), "status", f"--address={address}"], check=False, capture_output=True,
                                    text=True, env=RAY_ENV)
            if status.returncode == 0 and "CPU" in status.stdout:
                break
            assert time.monotonic() < deadline, f"the Ray head did not come up: {status.stderr[-500:]}"
            time.sleep(1)
        yield address
    finally:
        started = [proc.pid]
        try:
            started += [p.pid for p in psutil.Process(proc.pid).children(recursive=True)]
        except psutil.Error:
            pass
        procs = []
        for pid in started:
            try:
                procs.append(psutil.Process(pid))
            except psutil.Error:
                pass
        for p in procs:
            try:
                p.send_signal(signal.SIGTERM)
            except psutil.Error:
                pass
        _, alive = psutil.wait_procs(procs, timeout=20)
        for p in alive:
            try:
                p.kill()
            except psutil.Error:
                pass
        psutil.wait_procs(alive, timeout=10)


def test_cli_runs_a_batch_on_a_ray_cluster_and_resumes_on_it(tmp_path: Path, ray_head: str) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", bench_sources(5))
    cli = [sys.executable, "-c", "from briefpress.cli import main; main()", "batch", str(src), "--date", "2026-11-24"]
    first = subprocess.run(cli + ["-o", str(tmp_path / "ray"), "--ray", ray_head], check=False, capture_output=True, text=True,
                           timeout=600, env=RAY_ENV)
    assert first.returncode == 0, first.stderr
    assert "5/5" in first.stderr and "5 of 5 articles" in first.stderr
    local = subprocess.run(cli + ["-o", str(tmp_path / "local")], check=False, capture_output=True, text=True, timeout=600)
    assert local.returncode == 0, local.stderr
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local") and len(_outputs(tmp_path / "local")) == 5
    (tmp_path / "ray" / sorted(_outputs(tmp_path / "ray"))[0]).unlink()
    again = subprocess.run(cli + ["-o", str(tmp_path / "ray"), "--ray", ray_head, "--resume"],
                           check=False, capture_output=True, text=True, timeout=600, env=RAY_ENV)
    assert again.returncode == 0 and "(4 from an earlier run)" in again.stderr
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local")


def test_an_unreachable_cluster_is_one_line_and_exit_2(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", bench_sources(1))
    cli = [sys.executable, "-c", "from briefpress.cli import main; main()", "batch", str(src), "-o", str(tmp_path / "o")]
    result = subprocess.run(cli + ["--ray", f"127.0.0.1:{_free_port()}"], check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("briefpress: error: --ray 127.0.0.1:") and "ray start --head" in result.stderr
