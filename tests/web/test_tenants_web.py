"""The editor keeps tenants apart as the API does; sign-in and sign-out refuse what a hostile page sends."""

from __future__ import annotations

import httpx

from briefpress.store import open_store
from serverkit import LiveServer

from .test_pages import _generate


def _signed_in(live: LiveServer, key: str) -> httpx.Client:
    c = httpx.Client(base_url=live.url, timeout=60, headers={"Origin": live.url})
    assert c.post("/login", data={"key": key}).status_code == 303
    return c


def test_the_home_page_and_pages_show_only_the_keys_tenant(live, db_url, browser_client, takaichi):
    article_id = _generate(browser_client, takaichi)
    assert f'href="/articles/{article_id}"' in browser_client.get("/").text
    store = open_store(db_url)
    other = _signed_in(live, store.create_key("other")[1])
    try:
        home = other.get("/")
        assert home.status_code == 200 and f"/articles/{article_id}" not in home.text
        for path in (f"/articles/{article_id}", f"/articles/{article_id}/download.md"):
            assert other.get(path).status_code == 404, path
        r = other.post(f"/articles/{article_id}/sentence", json={"part": "headline", "old": "a", "new": "b"})
        assert r.status_code == 404
    finally:
        other.close()
    admin = _signed_in(live, store.create_key("root", admin=True)[1])
    try:
        assert f'href="/articles/{article_id}"' in admin.get("/").text
    finally:
        admin.close()


def test_jobs_of_another_tenant_are_404(live, db_url, browser_client, takaichi):
    r = browser_client.post("/generate", data={"brief": takaichi, "engine": "extractive"})
    job_id = r.headers["location"].rsplit("/", 1)[-1]
    other = _signed_in(live, open_store(db_url).create_key("other")[1])
    try:
        assert other.get(f"/jobs/{job_id}").status_code == 404
        assert other.get(f"/jobs/{job_id}/state").status_code == 404
    finally:
        other.close()
    assert browser_client.get(f"/jobs/{job_id}/state").status_code == 200


def test_logout_checks_origin(browser_client):
    r = browser_client.post("/logout", headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    assert browser_client.get("/", follow_redirects=False).status_code == 200  # still signed in
    assert browser_client.post("/logout").status_code == 303
    assert browser_client.get("/", follow_redirects=False).headers["location"] == "/login"


def test_login_is_rate_limited_per_address(live, api_key):
    with httpx.Client(base_url=live.url, headers={"Origin": live.url}) as c:
        codes = [c.post("/login", data={"key": f"bp_wrong{i}"}).status_code for i in range(12)]
        assert codes[:10] == [401] * 10 and codes[10:] == [429, 429]
        r = c.post("/login", data={"key": api_key})  # even the right key waits out the window
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "Too many wrong keys" in r.text
