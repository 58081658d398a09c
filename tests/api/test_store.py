"""The store on SQLite: WAL, migrations, versions that are never overwritten."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from briefpress.errors import UsageError
from briefpress.store import Store, open_store
from briefpress.store.migrate import current


def test_sqlite_runs_in_wal_mode_with_the_schema_migrated(store: Store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert current(store.engine) == "0003"
    assert {"api_keys", "jobs", "articles", "article_versions", "alembic_version"} <= set(
        inspect(store.engine).get_table_names())


def test_migrating_twice_changes_nothing(db_url):
    first = open_store(db_url)
    first.create_key("k")
    second = open_store(db_url)
    assert len(second.list_keys()) == 1 and current(second.engine) == "0003"


def test_default_database_lives_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    store = open_store()
    assert store.url == f"sqlite:///{tmp_path / 'data' / 'briefpress' / 'briefpress.db'}"
    assert (tmp_path / "data" / "briefpress" / "briefpress.db").exists()


def test_versions_are_appended_never_overwritten(store: Store):
    job = store.create_job({"brief": "x"})
    store.claim_job("w")
    article_id = store.finish_job(job.id, "w", {"headline": "one"})
    store.add_version(article_id, {"headline": "two"})
    store.add_version(article_id, {"headline": "three"})
    assert [(v.version, v.data["headline"]) for v in store.list_versions(article_id)] == [
        (1, "one"), (2, "two"), (3, "three")]
    assert store.get_version(article_id).version == 3
    assert store.get_version(article_id, 1).data == {"headline": "one"}
    assert store.get_article(article_id).latest_version == 3
    assert store.add_version("missing", {}) is None


def test_a_bad_url_is_a_usage_error():
    with pytest.raises(UsageError, match="not a usable SQLAlchemy URL"):
        Store("nosuchdb://x")


def test_an_unreachable_server_is_a_usage_error():
    with pytest.raises(UsageError, match="cannot open the database"):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
