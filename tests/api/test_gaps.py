"""The smaller gaps a hostile page or a careless user finds: Host under --no-auth, wrong-key flooding,
non-web URLs, passwords in --db errors, HEAD /healthz, and the API built without the web editor."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefpress.errors import InputError, UsageError
from briefpress.store import Store
from briefpress.urls import check_web_url

from .conftest import write_article
from .test_commands import bp


def test_head_healthz_answers_200_without_a_body(client):
    r = client.head("/healthz")
    assert r.status_code == 200 and r.content == b""


def test_no_auth_answers_only_its_own_host_names(make_client):
    c = make_client(no_auth=True)
    port = c.base_url.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        assert c.get("/healthz", headers={"Host": host}).status_code == 200, host
    for host in (f"evil.example:{port}", "attacker.127.0.0.1.nip.io", ""):
        r = c.get("/v1/jobs/x", headers={"Host": host})
        assert r.status_code == 400, host
        assert "is not served here" in r.json()["detail"] and "\n" not in r.json()["detail"]


def test_a_named_host_is_served_under_no_auth(make_client):
    c = make_client(no_auth=True, host="newsbox.local")
    assert c.get("/healthz", headers={"Host": "newsbox.local:80"}).status_code == 200
    assert c.get("/healthz", headers={"Host": "other.local"}).status_code == 400


def test_wrong_keys_are_rate_limited_per_address(make_client, store: Store):
    c = make_client(auth_failures=3)
    _, key = store.create_key("right")
    codes = [c.get("/v1/jobs/x", headers={"Authorization": f"Bearer bp_wrong{i}"}).status_code for i in range(4)]
    assert codes == [401, 401, 401, 429]
    r = c.get("/v1/jobs/x", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert "too many wrong API keys" in r.json()["detail"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "ftp://example.com/x",
                                 "//evil.example/", "https://", "vbscript:msgbox(1)", "https://a b.example"])
def test_only_http_and_https_urls_are_taken(url):
    with pytest.raises(InputError, match="not an http or https address"):
        check_web_url(url, "--site-url")


def test_web_urls_pass():
    assert check_web_url(" https://news.example.com/a?b=1 ") == "https://news.example.com/a?b=1"
    assert check_web_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"


def test_an_article_url_that_is_not_http_is_a_422(client, takaichi):
    article_id, article = write_article(client, takaichi)
    article["url"] = "javascript:alert(document.cookie)"
    for r in (client.put(f"/v1/articles/{article_id}", json=article), client.post("/v1/audit", json={"article": article})):
        assert r.status_code == 422 and "not an http or https address" in r.json()["detail"]
    assert [v["version"] for v in client.get(f"/v1/articles/{article_id}/versions").json()] == [1]


@pytest.mark.parametrize("url", ["postgresql+nosuchdriver://editor:s3cretpw@127.0.0.1/db",
                                 "not a url://editor:s3cretpw@127.0.0.1/db", "nosuchdb://editor:s3cretpw@h/db"])
def test_a_bad_db_url_never_echoes_its_password(url):
    with pytest.raises(UsageError) as caught:
        Store(url)
    assert "s3cretpw" not in caught.value.message and "\n" not in caught.value.message
    assert "editor" in caught.value.message  # the rest of the URL stays, to show which one is meant


def test_serve_with_a_bad_db_url_hides_the_password():
    r = bp("serve", "--db", "nosuchdb://editor:s3cretpw@127.0.0.1/db", "--port", "1")
    assert r.returncode == 2 and "s3cretpw" not in r.stderr and "***" in r.stderr


def test_the_api_does_not_import_the_web_editor():
    api = Path(__file__).parents[2] / "src" / "briefpress" / "api"
    for module in api.glob("*.py"):
        assert not re.search(r"^\s*(from|import)\s+(\.\.web|briefpress\.web)", module.read_text(), re.M), module
    code = "import sys, briefpress.api; briefpress.api.create_app(); print('briefpress.web' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr


def test_the_api_alone_serves_v1_without_the_editor(db_url, api_key):
    import httpx

    from briefpress.api import Settings, create_app
    from serverkit import LiveServer

    with LiveServer(create_app(Settings(db_url=db_url))) as server, httpx.Client(base_url=server.url) as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/").status_code == 404 and c.get("/login").status_code == 404
        assert c.get("/v1/articles", headers={"Authorization": f"Bearer {api_key}"}).status_code == 200
