from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install '.[server]'")
pytest.importorskip("sqlalchemy", reason="the server extra is not installed: pip install '.[server]'")

import httpx  # noqa: E402

from briefpress.api import Settings, create_app  # noqa: E402
from briefpress.store import Store, open_store  # noqa: E402
from briefpress.web import mount  # noqa: E402
from serverkit import LiveServer  # noqa: E402

Client = httpx.Client


@pytest.fixture
def db_url(tmp_path: Any) -> str:
    return f"sqlite:///{tmp_path / 'briefpress.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def make_client(db_url: str) -> Iterator[Callable[..., Client]]:
    """An httpx client of a fresh app served by uvicorn on loopback (store migrated, workers running)."""
    opened: list[tuple[LiveServer, Client]] = []

    def make(**settings: Any) -> Client:
        settings.setdefault("db_url", db_url)
        settings.setdefault("rate_limit", 0)  # tests poll jobs fast; the rate limit has its own tests
        server = LiveServer(create_app(Settings(**settings), extensions=[mount])).__enter__()
        client = httpx.Client(base_url=server.url, timeout=60)
        opened.append((server, client))
        return client

    yield make
    for server, client in opened:
        client.close()
        server.__exit__(None, None, None)


@pytest.fixture
def api_key(store: Store) -> str:
    return store.create_key("tests")[1]


@pytest.fixture
def client(make_client: Callable[..., Client], api_key: str) -> Client:
    c = make_client()
    c.headers["Authorization"] = f"Bearer {api_key}"
    return c


def wait_job(client: Client, job_id: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s: {job}")


def write_article(client: Client, brief: str, **extra: Any) -> tuple[str, dict[str, Any]]:
    r = client.post("/v1/articles", json={"brief": brief, **extra})
    assert r.status_code == 202, r.text
    job = wait_job(client, r.json()["job_id"])
    assert job["state"] == "done", job
    article = client.get(f"/v1/articles/{job['article_id']}").json()
    return job["article_id"], article


def assert_two_pools_run_each_job_once(db_url: str, brief: str, jobs: int) -> None:
    """Two worker pools (3 workers each) on one database drain ``jobs`` queued jobs: each is done
    once, on its first attempt, with an article of its own."""
    from briefpress.api.workers import WorkerPool

    store = open_store(db_url)
    ids = [store.create_job({"brief": brief, "sources": [], "engine": "extractive"}).id for _ in range(jobs)]
    pools = [WorkerPool(open_store(db_url), Settings(db_url=db_url, workers=3)) for _ in range(2)]
    for pool in pools:
        pool.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and any(store.get_job(i).state in ("queued", "running") for i in ids):
        time.sleep(0.1)
    for pool in pools:
        pool.stop()
    done = [store.get_job(i) for i in ids]
    assert all(j.state == "done" and j.attempts == 1 for j in done), [(j.state, j.attempts) for j in done]
    assert len({j.article_id for j in done}) == len(ids)
