"""The same store and API on a real PostgreSQL server on loopback (scripts/setup.d/60-server.sh starts it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from briefpress.store import open_store
from briefpress.store.migrate import current

from .conftest import assert_two_pools_run_each_job_once, write_article

ADMIN_URL = os.environ.get(
    "BRIEFPRESS_TEST_PG_URL", "postgresql+psycopg://briefpress_test:briefpress_test@127.0.0.1:5432/postgres")


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A fresh database on the real server, dropped afterwards; a clear skip when there is no server."""
    try:
        admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to reach it means: no server here
        pytest.skip(f"PostgreSQL is not reachable at {make_url(ADMIN_URL).render_as_string(hide_password=True)} "
                    f"({type(exc).__name__}: {str(exc).splitlines()[0]}); scripts/setup.d/60-server.sh installs "
                    "and starts it, or set BRIEFPRESS_TEST_PG_URL")
    name = f"briefpress_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_postgres_schema_is_migrated(pg_url):
    store = open_store(pg_url)
    assert store.engine.dialect.name == "postgresql"
    assert current(store.engine) == "0003"
    assert {"api_keys", "jobs", "articles", "article_versions"} <= set(inspect(store.engine).get_table_names())
    open_store(pg_url)  # a second migration run is a no-op
    assert current(store.engine) == "0003"


def test_postgres_keys_and_versions(pg_url):
    store = open_store(pg_url)
    record, key = store.create_key("pg")
    assert store.check_key(key).id == record.id
    store.revoke_key(record.id)
    assert store.check_key(key) is None
    job = store.create_job({"brief": "x"})
    store.claim_job("w")
    article_id = store.finish_job(job.id, "w", {"headline": "one"})
    store.add_version(article_id, {"headline": "two"})
    assert [v.data["headline"] for v in store.list_versions(article_id)] == ["one", "two"]


def test_postgres_api_round_trip(pg_url, make_client, takaichi):
    c = make_client(db_url=pg_url, no_auth=True)
    article_id, article = write_article(c, takaichi)
    article["conclusion"] = article["conclusion"] + " Shares rose by 40%."
    r = c.put(f"/v1/articles/{article_id}", json=article)
    assert r.status_code == 200 and r.headers["x-article-version"] == "2"
    assert [v["version"] for v in c.get(f"/v1/articles/{article_id}/versions").json()] == [1, 2]


def test_postgres_two_pools_share_the_queue_without_running_a_job_twice(pg_url, takaichi):
    assert_two_pools_run_each_job_once(pg_url, takaichi, jobs=10)
