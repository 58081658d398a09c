"""Hostile and heavy write requests: cheap checks before the 202, the heavy work in the job, a
deadline that ends a runaway job, a shutdown that does not wait on one, /healthz answering meanwhile."""

from __future__ import annotations

import os
import threading
import time

import httpx
import pytest

from briefpress.api import Settings, create_app
from briefpress.reader import MAX_INPUT_BYTES
from briefpress.store import Store
from serverkit import LiveServer

from .conftest import wait_job
from .runners import RUNAWAY, reports_forever, runaway_or_write
from .test_jobs import _alive, _writer_children


def one_line(r: httpx.Response) -> str:
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and "Traceback" not in r.text
    return detail


def test_a_str_brief_over_the_byte_cap_is_a_422(client):
    # 'é' is two bytes: under the cap in characters, over it in bytes.
    brief = "é" * (MAX_INPUT_BYTES // 2 + 1)
    r = client.post("/v1/articles", json={"brief": brief})
    assert r.status_code == 422 and "2 MB limit" in one_line(r)
    r = client.post("/v1/articles", json={"brief": "A lead sentence.", "sources": ["x" * (MAX_INPUT_BYTES + 1)]})
    assert r.status_code == 422 and "source 1" in one_line(r)


def test_the_brief_is_ingested_in_the_job_not_before_the_202(client):
    # Ingest refuses this brief (no sentence in it); the request is accepted and the job says why.
    r = client.post("/v1/articles", json={"brief": "### --- ###"})
    assert r.status_code == 202, r.text
    job = wait_job(client, r.json()["job_id"])
    assert job["state"] == "failed" and job["error"] and "\n" not in job["error"]


@pytest.mark.parametrize("brief", ["[" * 100_000 + "]" * 100_000, '{"a":' * 50 + "1" + "}" * 50])
def test_a_deeply_nested_json_brief_is_a_422_naming_the_fix(client, brief):
    r = client.post("/v1/articles", json={"brief": brief})
    assert r.status_code == 422 and "nested more than" in one_line(r) and "flatten" in one_line(r)


def test_a_deeply_nested_json_body_is_a_400_naming_the_fix(client):
    body = b'{"brief": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    r = client.post("/v1/articles", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400 and "nested too deeply" in one_line(r)
    article = b'{"article": ' + b'{"a":' * 60 + b"1" + b"}" * 60 + b"}"
    r = client.post("/v1/audit", content=article, headers={"content-type": "application/json"})
    assert r.status_code == 422 and "levels deep" in one_line(r)


def test_the_scripted_engine_is_not_offered_by_the_api(client):
    r = client.post("/v1/articles", json={"brief": "A lead sentence. - a point", "engine": "scripted"})
    assert r.status_code == 422 and "unknown engine 'scripted'" in one_line(r)
    assert "scripted" not in one_line(r).split("choose one of:")[1]


@pytest.fixture
def child_client(make_client, api_key):
    c = make_client(processes=True, workers=1, job_timeout=10.0, runner=runaway_or_write)
    c.headers["Authorization"] = f"Bearer {api_key}"
    return c


def test_a_runaway_job_is_ended_at_its_deadline_and_failed_with_the_reason(child_client, takaichi):
    stuck = child_client.post("/v1/articles", json={"brief": RUNAWAY + " " + takaichi}).json()["job_id"]
    job = wait_job(child_client, stuck, timeout=120)
    assert job["state"] == "failed" and "10 s job deadline" in job["error"] and "--job-timeout" in job["error"]
    # The worker took a fresh writer: the next article is written.
    after = wait_job(child_client, child_client.post("/v1/articles", json={"brief": takaichi}).json()["job_id"],
                     timeout=120)
    assert after["state"] == "done", after


def test_in_threads_the_deadline_is_checked_at_each_progress_event(make_client, api_key, takaichi):
    c = make_client(processes=False, workers=1, job_timeout=1.0, runner=reports_forever)
    c.headers["Authorization"] = f"Bearer {api_key}"
    job = wait_job(c, c.post("/v1/articles", json={"brief": takaichi}).json()["job_id"])
    assert job["state"] == "failed" and "1 s job deadline" in job["error"]


def test_shutdown_does_not_wait_on_a_runaway_job(db_url, api_key, store: Store, takaichi):
    before = set(_writer_children(os.getpid()))
    app = create_app(Settings(db_url=db_url, processes=True, workers=1, job_timeout=600, shutdown_grace=1.0,
                              runner=runaway_or_write, rate_limit=0))
    server = LiveServer(app).__enter__()
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {api_key}"}, timeout=30) as c:
            job_id = c.post("/v1/articles", json={"brief": RUNAWAY + " " + takaichi}).json()["job_id"]
            deadline = time.monotonic() + 60
            while c.get(f"/v1/jobs/{job_id}").json()["state"] != "running" and time.monotonic() < deadline:
                time.sleep(0.1)
        writers = [p for p in _writer_children(os.getpid()) if p not in before]
        assert writers, "the job runs in a writer process"
    finally:
        # What uvicorn does on SIGTERM: leave the serve loop, then run the lifespan's shutdown.
        server.server.should_exit = True
        server.thread.join(60)
    assert not server.thread.is_alive(), "the server waited on the runaway job"
    assert not _alive(writers)
    # Cut off, not failed: the next server resumes it (or fails it once out of attempts).
    assert store.get_job(job_id).state == "running"


def test_healthz_answers_while_the_heaviest_requests_are_written(make_client, api_key):
    c = make_client(processes=True, workers=2, job_timeout=60.0)
    c.headers["Authorization"] = f"Bearer {api_key}"
    # The largest brief accepted, one paragraph with no sentence end: the slowest kind to split.
    brief = ("word " * (MAX_INPUT_BYTES // 5))[: MAX_INPUT_BYTES - 1]
    answers: list[int] = []

    def post() -> None:
        answers.append(c.post("/v1/articles", json={"brief": brief}).status_code)

    threads = [threading.Thread(target=post) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert answers == [202] * 4
    deadline = time.monotonic() + 60
    while c.get("/healthz").json()["busy"] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    for _ in range(10):
        r = c.get("/healthz", timeout=10)
        assert r.status_code == 200 and r.json()["busy"] >= 1
