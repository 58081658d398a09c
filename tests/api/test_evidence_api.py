"""The API's write request: source links fetched in the job behind the SSRF guard, and "archive"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefpress.store import Store
from briefpress.store.archive import Archive, NewArticle
from evidence_pages import serve_pages

from .conftest import wait_job

BRIEF = "Riverton council approves cycle lane network\n-\nThe Riverton council voted 7-2 on Tuesday.\n"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_pages() as url:
        yield url


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_loopback_source_link_gets_a_4xx_with_one_line(client, base: str, host: str) -> None:
    link = base.replace("127.0.0.1", host) + "/riverton-lanes"
    r = client.post("/v1/articles", json={"brief": BRIEF, "sources": [link]})
    assert r.status_code == 422, r.text
    message = r.json()["error"]["message"] if "error" in r.json() else r.json()["detail"]
    assert "private or local address" in str(message) and "\n" not in str(message) and "Traceback" not in r.text


def test_the_job_refuses_a_private_link_even_when_the_request_check_is_passed(client, base, monkeypatch) -> None:
    monkeypatch.setattr("briefpress.api.service.check_links", lambda texts: None)
    r = client.post("/v1/articles", json={"brief": BRIEF, "sources": [f"{base}/riverton-lanes"]})
    assert r.status_code == 202, r.text
    job = wait_job(client, r.json()["job_id"])
    assert job["state"] == "failed" and "private or local address" in job["error"] and "\n" not in job["error"]


def test_archive_true_adds_dated_background_from_the_service_store(client, store: Store) -> None:
    Archive(store).add([NewArticle("Riverton council delays cycle lane vote",
                                   "The Riverton council delayed its vote on the cycle lane network on 3 June 2026.",
                                   "https://news.example/riverton-vote/", "2026-06-03")])
    r = client.post("/v1/articles", json={"brief": BRIEF, "archive": True})
    assert r.status_code == 202, r.text
    job = wait_job(client, r.json()["job_id"])
    assert job["state"] == "done", job
    article = client.get(f"/v1/articles/{job['article_id']}").json()
    assert [b["url"] for b in article["background"]] == ["https://news.example/riverton-vote/"]
    assert article["background"][0]["date"] == "2026-06-03"
    assert {"title": "Riverton council delays cycle lane vote", "url": "https://news.example/riverton-vote/",
            "rel": "archive", "date": "2026-06-03"} in article["links"]
