"""Tenants: jobs and articles belong to the key, or the named tenant, that made them; admin keys see all;
another tenant's ids answer exactly as ids that do not exist (404, never 403)."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from briefpress.store import Store
from briefpress.store.tables import ArticleRow

from .conftest import wait_job, write_article
from .test_commands import bp


@pytest.fixture
def keys(store: Store) -> dict[str, str]:
    return {"alice": store.create_key("alice")[1], "bob": store.create_key("bob")[1],
            "desk1": store.create_key("desk1", tenant="desk")[1], "desk2": store.create_key("desk2", tenant="desk")[1],
            "admin": store.create_key("root", admin=True)[1]}


@pytest.fixture
def as_key(make_client, keys):
    c = make_client()

    def request(who: str, method: str, path: str, **kw):
        return c.request(method, path, headers={"Authorization": f"Bearer {keys[who]}"}, **kw)

    request.client = c  # type: ignore[attr-defined]
    request.keys = keys  # type: ignore[attr-defined]
    return request


def _write(as_key, who: str, brief: str) -> tuple[str, str, dict]:
    r = as_key(who, "POST", "/v1/articles", json={"brief": brief})
    assert r.status_code == 202, r.text
    job_id = r.json()["job_id"]
    c = as_key.client
    c.headers["Authorization"] = f"Bearer {as_key.keys[who]}"
    job = wait_job(c, job_id)
    del c.headers["Authorization"]
    assert job["state"] == "done", job
    article = as_key(who, "GET", f"/v1/articles/{job['article_id']}").json()
    return job_id, job["article_id"], article


def test_another_keys_ids_answer_404_everywhere(as_key, takaichi):
    job_id, article_id, article = _write(as_key, "alice", takaichi)
    calls = [("GET", f"/v1/jobs/{job_id}", {}), ("GET", f"/v1/articles/{article_id}", {}),
             ("GET", f"/v1/articles/{article_id}.md", {}), ("GET", f"/v1/articles/{article_id}/versions", {}),
             ("PUT", f"/v1/articles/{article_id}", {"json": article}), ("DELETE", f"/v1/articles/{article_id}", {})]
    for method, path, kw in calls:
        theirs = as_key("bob", method, path, **kw)
        assert theirs.status_code == 404, (method, path, theirs.status_code)
        missing = as_key("bob", method, path.replace(article_id, "0" * 32).replace(job_id, "0" * 32), **kw)
        assert theirs.json()["detail"].replace(article_id, "").replace(job_id, "") == \
            missing.json()["detail"].replace("0" * 32, "")  # nothing tells theirs from missing
    assert as_key("bob", "GET", "/v1/articles").json() == []
    # The owner still has it, unchanged by the refused edit and delete.
    assert [v["version"] for v in as_key("alice", "GET", f"/v1/articles/{article_id}/versions").json()] == [1]
    assert [a["article_id"] for a in as_key("alice", "GET", "/v1/articles").json()] == [article_id]


def test_keys_of_one_tenant_share_and_admin_sees_all(as_key, takaichi):
    _, desk_article, article = _write(as_key, "desk1", takaichi)
    _, alice_article, _ = _write(as_key, "alice", takaichi)
    assert as_key("desk2", "GET", f"/v1/articles/{desk_article}").status_code == 200
    article["conclusion"] += " Shares rose by 40%."
    assert as_key("desk2", "PUT", f"/v1/articles/{desk_article}", json=article).status_code == 200
    assert as_key("desk2", "GET", f"/v1/articles/{alice_article}").status_code == 404
    assert {a["article_id"] for a in as_key("admin", "GET", "/v1/articles").json()} == {desk_article, alice_article}
    assert as_key("admin", "GET", f"/v1/articles/{alice_article}/versions").status_code == 200
    assert as_key("admin", "DELETE", f"/v1/articles/{alice_article}").status_code == 204
    assert as_key("alice", "GET", f"/v1/articles/{alice_article}").status_code == 404


def test_rows_from_before_tenants_are_seen_by_admin_keys_only(as_key, store: Store, takaichi):
    _, article_id, _ = _write(as_key, "alice", takaichi)
    with store.session() as s:  # what migration 0003 leaves on an article written before it
        s.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(tenant=None))
    assert as_key("alice", "GET", f"/v1/articles/{article_id}").status_code == 404
    assert as_key("admin", "GET", f"/v1/articles/{article_id}").status_code == 200


def test_no_auth_sees_every_tenant(make_client, store: Store, takaichi):
    c = make_client(no_auth=True)
    article_id, _ = write_article(c, takaichi)
    job = store.create_job({"brief": takaichi}, tenant="desk")
    assert c.get(f"/v1/jobs/{job.id}").status_code == 200
    assert c.get(f"/v1/articles/{article_id}").status_code == 200
    assert wait_job(c, job.id)["state"] == "done"


def test_keys_create_with_a_tenant_or_admin(db_url):
    tenant = bp("keys", "create", "--name", "desk1", "--tenant", "desk", "--db", db_url)
    admin = bp("keys", "create", "--name", "root", "--admin", "--db", db_url)
    assert tenant.returncode == 0 and admin.returncode == 0, tenant.stderr + admin.stderr
    assert "tenant desk" in tenant.stderr and "admin" in admin.stderr
    listed = bp("keys", "list", "--db", db_url).stdout
    assert "desk" in listed and "admin" in listed
    bad = bp("keys", "create", "--tenant", "key:x", "--db", db_url)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "tenant name" in bad.stderr
