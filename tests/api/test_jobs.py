"""Jobs: failures carry their reason, and a job whose worker died is resumed or failed, never lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta

import httpx
import pytest
from sqlalchemy import update

from briefpress.errors import EngineError
from briefpress.store import Store
from briefpress.store.tables import Job
from serverkit import free_port

from .conftest import assert_two_pools_run_each_job_once, wait_job


def test_a_briefpress_error_in_a_job_fails_it_with_the_message(client, takaichi, monkeypatch):
    def broken(request, progress=None):
        raise EngineError("the model server at 127.0.0.1:9 refused the connection; start it or pick another engine")

    monkeypatch.setattr("briefpress.api.workers.run_job", broken)
    job = wait_job(client, client.post("/v1/articles", json={"brief": takaichi}).json()["job_id"])
    assert job["state"] == "failed" and job["article_id"] is None
    assert job["error"].startswith("the model server at 127.0.0.1:9 refused")


def test_a_bug_in_a_job_fails_it_with_one_line(client, takaichi, monkeypatch):
    def buggy(request, progress=None):
        raise KeyError("boom")

    monkeypatch.setattr("briefpress.api.workers.run_job", buggy)
    job = wait_job(client, client.post("/v1/articles", json={"brief": takaichi}).json()["job_id"])
    assert job["state"] == "failed"
    assert job["error"].startswith("internal error: KeyError") and "\n" not in job["error"]


def _orphan(store: Store, brief: str, attempts: int, api_key: str) -> str:
    """A job of ``api_key``'s tenant left 'running' by a worker that died a minute ago."""
    job = store.create_job({"brief": brief, "sources": [], "engine": "extractive", "keyphrase": None},
                           tenant=store.check_key(api_key).owner)
    assert store.claim_job("dead-process").id == job.id
    with store.session() as s:
        s.execute(update(Job).where(Job.id == job.id).values(
            attempts=attempts, heartbeat_at=datetime.utcnow() - timedelta(minutes=1)))
    return job.id


def test_an_orphaned_job_is_resumed_by_the_next_server(store: Store, make_client, api_key, takaichi):
    job_id = _orphan(store, takaichi, attempts=1, api_key=api_key)
    c = make_client()
    c.headers["Authorization"] = f"Bearer {api_key}"
    job = wait_job(c, job_id)
    assert job["state"] == "done" and job["attempts"] == 2
    assert c.get(f"/v1/articles/{job['article_id']}").status_code == 200


def test_an_orphan_out_of_attempts_is_failed_with_its_reason(store: Store, make_client, api_key, takaichi):
    job_id = _orphan(store, takaichi, attempts=3, api_key=api_key)
    c = make_client(max_attempts=3)
    c.headers["Authorization"] = f"Bearer {api_key}"
    job = wait_job(c, job_id)
    assert job["state"] == "failed"
    assert "server stopped while writing this article 3 times" in job["error"]


def test_a_live_workers_job_is_not_taken_over(store: Store, takaichi):
    job = store.create_job({"brief": takaichi})
    store.claim_job("alive")
    store.heartbeat("alive")
    assert store.recover_jobs(stale_after=30, max_attempts=3) == {"requeued": [], "failed": []}
    assert store.get_job(job.id).state == "running"


def test_a_worker_presumed_dead_cannot_finish_a_job_taken_over(store: Store, takaichi):
    job = store.create_job({"brief": takaichi})
    store.claim_job("slow")
    with store.session() as s:
        s.execute(update(Job).values(heartbeat_at=datetime.utcnow() - timedelta(minutes=1)))
    store.recover_jobs(stale_after=10, max_attempts=3)
    assert store.claim_job("new").id == job.id
    assert store.finish_job(job.id, "slow", {"x": 1}) is None  # the old worker's result is dropped
    assert store.finish_job(job.id, "new", {"x": 2}) is not None


def test_two_pools_on_one_database_never_run_a_job_twice(db_url, takaichi):
    assert_two_pools_run_each_job_once(db_url, takaichi, jobs=12)


def _writer_children(pid: int) -> list[int]:
    """The writer processes (multiprocessing children) of a server process."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            ppid = int(open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1])
            cmdline = open(f"/proc/{entry}/cmdline", "rb").read()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"multiprocessing" in cmdline:
            found.append(int(entry))
    return found


def _alive(pids: list[int]) -> list[int]:
    return [p for p in pids if os.path.exists(f"/proc/{p}")]


@pytest.mark.slow
def test_kill_minus_nine_loses_no_accepted_job(tmp_path, takaichi):
    """A real `briefpress serve`, killed with SIGKILL while writing, restarted: every job finishes."""
    db = f"sqlite:///{tmp_path / 'kill.db'}"
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-c", "from briefpress.cli import main; main()", "serve", "--no-auth", "--port", str(port), "--db", db,
           "--stale-after", "2", "--workers", "2", "--rate-limit", "0"]

    def start() -> subprocess.Popen:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    return proc
            except httpx.HTTPError:
                time.sleep(0.1)
        proc.kill()
        raise AssertionError("briefpress serve did not start")

    server = start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            accepted = [c.post("/v1/articles", json={"brief": takaichi}).json()["job_id"] for _ in range(12)]
            # Wait until a job is being written, then kill the server without warning.
            deadline = time.monotonic() + 30
            while c.get("/healthz").json()["jobs"]["running"] == 0 and time.monotonic() < deadline:
                time.sleep(0.02)
        children = _writer_children(server.pid)
        assert children, "the server writes in child processes"
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        server = start()
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            states = {}
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                states = {j: c.get(f"/v1/jobs/{j}").json() for j in accepted}
                if all(s["state"] in ("done", "failed") for s in states.values()):
                    break
                time.sleep(0.2)
            assert all(s["state"] == "done" for s in states.values()), states
            # At least one job was interrupted and resumed: it took a second attempt.
            assert any(s["attempts"] >= 2 for s in states.values())
            for s in states.values():
                assert c.get(f"/v1/articles/{s['article_id']}").status_code == 200
        # The killed server's writer processes left by themselves.
        deadline = time.monotonic() + 15
        while _alive(children) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not _alive(children)
    finally:
        server.kill()
        server.wait(10)


def test_writing_in_child_processes(make_client, api_key, takaichi):
    c = make_client(processes=True, workers=2)
    c.headers["Authorization"] = f"Bearer {api_key}"
    ids = [c.post("/v1/articles", json={"brief": takaichi}).json()["job_id"] for _ in range(3)]
    jobs = [wait_job(c, i, timeout=180) for i in ids]
    assert all(j["state"] == "done" for j in jobs)
    article = c.get(f"/v1/articles/{jobs[0]['article_id']}").json()
    assert article["grounding"]["summary"]["sentences"] > 0
