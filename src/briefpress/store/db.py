"""``Store``: every read and write of the server goes through here, one short transaction each.

Jobs are claimed with a single conditional UPDATE, so two workers (or two server processes on one
PostgreSQL database) never run the same job. A worker refreshes ``heartbeat_at`` while it writes; a
job whose heartbeat stopped (the process died) is put back in the queue by ``recover_jobs``, or
marked failed with the reason once it has used up its attempts.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import create_engine, event, func, select, update
from sqlalchemy.engine import CursorResult, Engine, Result
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import UsageError
from .records import ArticleRecord, JobRecord, KeyRecord, VersionRecord
from .tables import ApiKey, ArticleRow, ArticleVersion, Job

log = logging.getLogger(__name__)

DEFAULT_DB_NAME = "briefpress.db"
JOB_STATES = ("queued", "running", "done", "failed")


def default_url() -> str:
    """SQLite in the user data directory (created on first use)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("briefpress", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DEFAULT_DB_NAME}"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _changed(result: Result[Any]) -> int:
    """The rows an UPDATE changed: its result is a cursor result, which counts them."""
    return cast("CursorResult[Any]", result).rowcount


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.replace(tzinfo=UTC).isoformat()


def _new_id() -> str:
    return uuid.uuid4().hex


def hash_key(key: str) -> str:
    # Keys are 256-bit random tokens, so a plain SHA-256 is enough: there is nothing to brute-force.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _job(row: Job) -> JobRecord:
    return JobRecord(
        id=row.id, state=row.state, request=dict(row.request or {}), progress=dict(row.progress or {}),
        error=row.error, article_id=row.article_id, attempts=row.attempts,
        created_at=_iso(row.created_at) or "", updated_at=_iso(row.updated_at) or "",
    )


def _key(row: ApiKey) -> KeyRecord:
    return KeyRecord(row.id, row.name, row.prefix, _iso(row.created_at) or "", _iso(row.revoked_at))


def _version(row: ArticleVersion) -> VersionRecord:
    return VersionRecord(row.article_id, row.version, _iso(row.created_at) or "", row.note, dict(row.data))


def _make_engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
                # WAL lets readers run while a worker writes; busy_timeout waits instead of failing.
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA busy_timeout=30000")
                cur.close()

            return engine
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise UsageError(
            f"--db {url!r} is not a usable SQLAlchemy URL ({exc}); "
            "use e.g. sqlite:////path/briefpress.db or postgresql+psycopg://user@127.0.0.1/briefpress"
        ) from exc


class Store:
    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        self.engine = _make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- plumbing -------------------------------------------------------------------------------
    def migrate(self) -> None:
        """Create or upgrade the schema to the newest migration."""
        from .migrate import upgrade

        try:
            upgrade(self.engine)
        except OperationalError as exc:
            raise UsageError(
                f"cannot open the database {self.engine.url.render_as_string(hide_password=True)}: "
                f"{str(exc.orig).splitlines()[0]}; check --db and that the server is running"
            ) from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s, s.begin():
            yield s

    def ping(self) -> bool:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return True

    def close(self) -> None:
        self.engine.dispose()

    # -- API keys -------------------------------------------------------------------------------
    def create_key(self, name: str) -> tuple[KeyRecord, str]:
        """A new key; the plain key is returned once and only its hash is kept."""
        plain = "bp_" + secrets.token_urlsafe(32)
        row = ApiKey(id=_new_id(), name=name, prefix=plain[:10], key_hash=hash_key(plain), created_at=_now())
        with self.session() as s:
            s.add(row)
        return _key(row), plain

    def list_keys(self) -> list[KeyRecord]:
        with self.session() as s:
            return [_key(r) for r in s.scalars(select(ApiKey).order_by(ApiKey.created_at))]

    def revoke_key(self, key_id_or_prefix: str) -> KeyRecord | None:
        with self.session() as s:
            rows = list(s.scalars(select(ApiKey).where(
                (ApiKey.id == key_id_or_prefix) | (ApiKey.prefix == key_id_or_prefix))))
            if len(rows) != 1:
                return None
            row = rows[0]
            if row.revoked_at is None:
                row.revoked_at = _now()
            return _key(row)

    def check_key(self, plain: str) -> KeyRecord | None:
        """The active key with this value, or None."""
        with self.session() as s:
            row = s.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(plain)))
            if row is None or row.revoked_at is not None:
                return None
            return _key(row)

    # -- jobs -----------------------------------------------------------------------------------
    def create_job(self, request: dict[str, Any], key_id: str | None = None) -> JobRecord:
        now = _now()
        row = Job(id=_new_id(), state="queued", request=request, progress={"stage": "queued", "percent": 0},
                  error=None, key_id=key_id, attempts=0, created_at=now, updated_at=now)
        with self.session() as s:
            s.add(row)
        return _job(row)

    def get_job(self, job_id: str) -> JobRecord | None:
        with self.session() as s:
            row = s.get(Job, job_id)
            return _job(row) if row else None

    def count_jobs(self) -> dict[str, int]:
        with self.session() as s:
            rows = s.execute(select(Job.state, func.count()).group_by(Job.state)).all()
        counts = {state: 0 for state in JOB_STATES}
        counts.update({state: n for state, n in rows})
        return counts

    def claim_job(self, owner: str) -> JobRecord | None:
        """Take the oldest queued job, or None. Safe against other workers and processes."""
        for _ in range(5):
            with self.session() as s:
                job_id = s.scalar(select(Job.id).where(Job.state == "queued").order_by(Job.created_at).limit(1))
                if job_id is None:
                    return None
                now = _now()
                claimed = _changed(s.execute(
                    update(Job).where(Job.id == job_id, Job.state == "queued").values(
                        state="running", owner=owner, heartbeat_at=now, updated_at=now,
                        attempts=Job.attempts + 1, progress={"stage": "started", "percent": 5},
                    )
                ))
            if claimed:
                return self.get_job(job_id)
        return None

    def job_progress(self, job_id: str, owner: str, progress: dict[str, Any]) -> None:
        now = _now()
        with self.session() as s:
            s.execute(update(Job).where(Job.id == job_id, Job.owner == owner, Job.state == "running")
                      .values(progress=progress, heartbeat_at=now, updated_at=now))

    def heartbeat(self, owner: str) -> None:
        now = _now()
        with self.session() as s:
            s.execute(update(Job).where(Job.owner == owner, Job.state == "running").values(heartbeat_at=now))

    def fail_job(self, job_id: str, owner: str | None, error: str) -> None:
        now = _now()
        cond = [Job.id == job_id, Job.state.in_(("queued", "running"))]
        if owner is not None:
            cond.append(Job.owner == owner)
        with self.session() as s:
            s.execute(update(Job).where(*cond).values(
                state="failed", error=error, updated_at=now, progress={"stage": "failed", "percent": 100}))

    def finish_job(self, job_id: str, owner: str, article: dict[str, Any]) -> str | None:
        """Store the article as version 1 and mark the job done, in one transaction."""
        now = _now()
        article_id = _new_id()
        with self.session() as s:
            running = update(Job).where(Job.id == job_id, Job.owner == owner, Job.state == "running")
            done = _changed(s.execute(running.values(
                state="done", article_id=article_id, updated_at=now, progress={"stage": "done", "percent": 100},
            )))
            if not done:  # the job was taken back (we were presumed dead): keep nothing
                return None
            s.add(ArticleRow(id=article_id, job_id=job_id, latest_version=1, created_at=now, updated_at=now))
            s.flush()
            s.add(ArticleVersion(article_id=article_id, version=1, created_at=now, note="written", data=article))
        return article_id

    def recover_jobs(self, stale_after: float, max_attempts: int) -> dict[str, list[str]]:
        """Requeue running jobs whose worker went silent; fail those out of attempts, with the reason."""
        cutoff = _now() - timedelta(seconds=stale_after)
        requeued: list[str] = []
        failed: list[str] = []
        with self.session() as s:
            rows = list(s.scalars(select(Job).where(
                Job.state == "running", (Job.heartbeat_at.is_(None)) | (Job.heartbeat_at < cutoff))))
            now = _now()
            for row in rows:
                if row.attempts >= max_attempts:
                    row.state = "failed"
                    row.error = (f"the server stopped while writing this article {row.attempts} times "
                                 f"(last seen {_iso(row.heartbeat_at)}); giving up, submit it again")
                    row.progress = {"stage": "failed", "percent": 100}
                    failed.append(row.id)
                else:
                    row.state = "queued"
                    row.owner = None
                    row.progress = {"stage": "queued", "percent": 0,
                                    "message": f"resumed after the server stopped (attempt {row.attempts + 1})"}
                    requeued.append(row.id)
                row.updated_at = now
        if requeued or failed:
            log.info("recovered jobs: requeued %d, failed %d", len(requeued), len(failed))
        return {"requeued": requeued, "failed": failed}

    # -- articles -------------------------------------------------------------------------------
    def get_article(self, article_id: str) -> ArticleRecord | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return None
            return ArticleRecord(row.id, row.latest_version, _iso(row.created_at) or "", _iso(row.updated_at) or "")

    def recent_articles(self, limit: int = 20) -> list[tuple[ArticleRecord, str]]:
        """The most recently changed articles with their current headline, newest first."""
        with self.session() as s:
            rows = s.execute(
                select(ArticleRow, ArticleVersion.data)
                .join(ArticleVersion, (ArticleVersion.article_id == ArticleRow.id)
                      & (ArticleVersion.version == ArticleRow.latest_version))
                .order_by(ArticleRow.updated_at.desc()).limit(limit)
            ).all()
            return [(ArticleRecord(r.id, r.latest_version, _iso(r.created_at) or "", _iso(r.updated_at) or ""),
                     str((data or {}).get("headline", ""))) for r, data in rows]

    def get_version(self, article_id: str, version: int | None = None) -> VersionRecord | None:
        with self.session() as s:
            query = select(ArticleVersion).where(ArticleVersion.article_id == article_id)
            query = query.where(ArticleVersion.version == version) if version is not None else \
                query.order_by(ArticleVersion.version.desc()).limit(1)
            row = s.scalar(query)
            return _version(row) if row else None

    def list_versions(self, article_id: str) -> list[VersionRecord]:
        with self.session() as s:
            rows = s.scalars(select(ArticleVersion).where(ArticleVersion.article_id == article_id)
                             .order_by(ArticleVersion.version))
            return [_version(r) for r in rows]

    def add_version(self, article_id: str, data: dict[str, Any], note: str = "edited") -> VersionRecord | None:
        """Append a version (never overwrite); None if the article does not exist."""
        for _ in range(5):
            try:
                with self.session() as s:
                    row = s.get(ArticleRow, article_id)
                    if row is None:
                        return None
                    latest = s.scalar(select(func.max(ArticleVersion.version))
                                      .where(ArticleVersion.article_id == article_id)) or 0
                    now = _now()
                    version = ArticleVersion(article_id=article_id, version=latest + 1, created_at=now,
                                             note=note[:200], data=data)
                    s.add(version)
                    row.latest_version = latest + 1
                    row.updated_at = now
                    s.flush()
                    return _version(version)
            except IntegrityError:  # a concurrent edit took that number: take the next one
                continue
        raise UsageError("the article is being edited by others right now; try the save again")


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    store = Store(url)
    if migrate:
        store.migrate()
    return store
