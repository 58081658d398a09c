"""API keys, the per-key rate limit, the body limit and the security headers."""

from __future__ import annotations

import pytest

from briefpress.store import Store


def test_every_v1_route_needs_a_key(make_client):
    c = make_client()
    for method, path in [("post", "/v1/articles"), ("get", "/v1/jobs/x"), ("get", "/v1/articles/x"),
                         ("get", "/v1/articles/x.md"), ("put", "/v1/articles/x"), ("get", "/v1/articles/x/versions"),
                         ("post", "/v1/audit")]:
        r = getattr(c, method)(path, **({"json": {}} if method in ("post", "put") else {}))
        assert r.status_code == 401, (method, path)
        assert r.headers["www-authenticate"] == "Bearer"
        assert "briefpress keys create" in r.json()["detail"]
    assert c.get("/healthz").status_code == 200


def test_wrong_and_revoked_keys_are_refused(make_client, store: Store, takaichi):
    c = make_client()
    record, key = store.create_key("editor")
    ok = c.post("/v1/articles", json={"brief": takaichi}, headers={"Authorization": f"Bearer {key}"})
    assert ok.status_code == 202
    assert c.post("/v1/articles", json={"brief": takaichi},
                  headers={"Authorization": f"Bearer {key}x"}).status_code == 401
    assert c.post("/v1/articles", json={"brief": takaichi},
                  headers={"Authorization": f"Basic {key}"}).status_code == 401
    store.revoke_key(record.id)
    r = c.post("/v1/articles", json={"brief": takaichi}, headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 401 and "revoked" in r.json()["detail"]


def test_keys_are_stored_hashed(store: Store, db_url: str):
    _, key = store.create_key("secret")
    raw = open(db_url.removeprefix("sqlite:///"), "rb").read()
    wal = db_url.removeprefix("sqlite:///") + "-wal"
    try:
        raw += open(wal, "rb").read()
    except FileNotFoundError:
        pass
    assert key.encode() not in raw
    assert store.check_key(key) is not None


def test_no_auth_serves_v1_without_a_key(make_client, takaichi):
    c = make_client(no_auth=True)
    assert c.post("/v1/articles", json={"brief": takaichi}).status_code == 202


def test_rate_limit_per_key(make_client, store: Store):
    c = make_client(rate_limit=3)
    _, first = store.create_key("a")
    _, second = store.create_key("b")
    codes = [c.get("/v1/jobs/x", headers={"Authorization": f"Bearer {first}"}).status_code for _ in range(4)]
    assert codes == [404, 404, 404, 429]
    limited = c.get("/v1/jobs/x", headers={"Authorization": f"Bearer {first}"})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert "rate limit" in limited.json()["detail"]
    # Another key has its own bucket.
    assert c.get("/v1/jobs/x", headers={"Authorization": f"Bearer {second}"}).status_code == 404


@pytest.fixture
def small_limit_client(make_client, api_key):
    c = make_client(max_body=2048)
    c.headers["Authorization"] = f"Bearer {api_key}"
    return c


def test_body_over_the_limit_is_413(small_limit_client):
    r = small_limit_client.post("/v1/articles", json={"brief": "A lead sentence. " * 500})
    assert r.status_code == 413
    assert "limit" in r.json()["detail"]


def test_streamed_body_over_the_limit_is_413(small_limit_client):
    def chunks():
        for _ in range(10):
            yield b'{"brief": "' + b"a" * 500

    r = small_limit_client.post("/v1/articles", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_security_headers_on_api_and_pages(client):
    for path in ("/healthz", "/v1/jobs/x", "/login"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"



def test_library_errors_map_to_422_and_500_with_one_line(db_url):
    import httpx

    from briefpress.api import Settings, create_app
    from briefpress.errors import EngineError, UsageError
    from serverkit import LiveServer

    app = create_app(Settings(db_url=db_url, no_auth=True))

    @app.get("/v1/test-usage")
    def usage() -> None:
        raise UsageError("unknown format 'x'; choose one of: text, md")

    @app.get("/v1/test-engine")
    def engine() -> None:
        raise EngineError("the model server refused the connection; start it")

    @app.get("/v1/test-bug")
    def bug() -> None:
        raise ZeroDivisionError("division by zero")

    with LiveServer(app) as server, httpx.Client(base_url=server.url) as c:
        r = c.get("/v1/test-usage")
        assert r.status_code == 422 and r.json()["detail"] == "unknown format 'x'; choose one of: text, md"
        r = c.get("/v1/test-engine")
        assert r.status_code == 500 and r.json()["detail"] == "the model server refused the connection; start it"
        r = c.get("/v1/test-bug")
        # The exception's type and text stay in the log: the answer says only how to report it.
        assert r.status_code == 500
        assert "ZeroDivision" not in r.text and "division by zero" not in r.text
        request_id = r.json()["request_id"]
        assert r.json()["detail"] == f"internal error; report it with request id {request_id}"
        assert len(request_id) == 12 and "\n" not in r.json()["detail"]


def test_full_rate_buckets_are_forgotten_so_many_addresses_take_bounded_memory(monkeypatch):
    from briefpress.api import auth

    clock = [0.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(auth, "MAX_BUCKETS", 50)
    limiter = auth.RateLimiter(per_minute=60)
    for i in range(200):  # one request each from many addresses, a second apart: each bucket refills
        clock[0] += 1.0
        limiter.check(f"10.0.{i // 256}.{i % 256}")
        assert len(limiter._buckets) <= 51
    for _ in range(60):  # a bucket being drained is kept: its client stays limited
        limiter.check("flooder")
    for i in range(100):
        clock[0] += 0.001
        limiter.check(f"10.1.{i // 256}.{i % 256}")
    assert limiter.waiting("flooder") > 0
