"""``Store``: every read and write of the server goes through here, one short transaction each.

Jobs are claimed with a single conditional UPDATE, so two workers (or two server processes on one
PostgreSQL database) never run the same job. A worker refreshes ``heartbeat_at`` while it writes; a
job whose heartbeat stopped (the process died) is put back in the queue by ``recover_jobs``, or
marked failed with the reason once it has used up its attempts.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import create_engine, delete, event, func, select, update
from sqlalchemy.engine import CursorResult, Engine, Result
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import UsageError
from .keys import KeyMethods
from .records import ArticleRecord, JobRecord, VersionRecord
from .tables import ArticleRow, ArticleVersion, Job

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


def _sees(scope: str | None, tenant: str | None) -> bool:
    return scope is None or tenant == scope


def _job(row: Job) -> JobRecord:
    return JobRecord(
        id=row.id, state=row.state, request=dict(row.request or {}), progress=dict(row.progress or {}),
        error=row.error, article_id=row.article_id, attempts=row.attempts,
        created_at=_iso(row.created_at) or "", updated_at=_iso(row.updated_at) or "",
    )


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
    except ArgumentError as exc:
        # SQLAlchemy's message quotes the whole URL: say what is wrong without echoing a password.
        raise UsageError(f"--db {safe_url(url)} is not a usable SQLAlchemy URL; use e.g. "
                         "sqlite:////path/briefpress.db or postgresql+psycopg://user@127.0.0.1/briefpress") from exc
    except ImportError as exc:
        raise UsageError(f"--db {safe_url(url)} needs a database driver that is not installed ({exc.name}); "
                         "install it, e.g. pip install 'psycopg[binary]'") from exc


def safe_url(url: str) -> str:
    """A database URL fit for a message: any password is masked, even in a URL that does not parse."""
    from sqlalchemy.engine import make_url

    try:
        return repr(make_url(url).render_as_string(hide_password=True))
    except Exception:  # not a URL SQLAlchemy reads: mask whatever stands between ':' and '@'
        return repr(_USERINFO.sub(r"\1***@", url))


_USERINFO = re.compile(r"(//[^/:@]*:)[^@]*@")


class Store(KeyMethods):
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

    # -- jobs -----------------------------------------------------------------------------------
    def create_job(self, request: dict[str, Any], key_id: str | None = None, tenant: str | None = None) -> JobRecord:
        now = _now()
        row = Job(id=_new_id(), state="queued", request=request, progress={"stage": "queued", "percent": 0},
                  error=None, key_id=key_id, tenant=tenant, attempts=0, created_at=now, updated_at=now)
        with self.session() as s:
            s.add(row)
        return _job(row)

    def get_job(self, job_id: str, scope: str | None = None) -> JobRecord | None:
        """The job, or None when there is none or it is not ``scope``'s (None: any tenant's)."""
        with self.session() as s:
            row = s.get(Job, job_id)
            return _job(row) if row is not None and _sees(scope, row.tenant) else None

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
            tenant = s.scalar(select(Job.tenant).where(Job.id == job_id))
            s.add(ArticleRow(id=article_id, job_id=job_id, tenant=tenant, latest_version=1, created_at=now,
                             updated_at=now))
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
    # Every read and write takes the caller's ``scope`` (``KeyRecord.scope``): another tenant's article
    # is answered exactly as one that does not exist. None is an admin's (or --no-auth's): any tenant.
    def get_article(self, article_id: str, scope: str | None = None) -> ArticleRecord | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None or not _sees(scope, row.tenant):
                return None
            return ArticleRecord(row.id, row.latest_version, _iso(row.created_at) or "", _iso(row.updated_at) or "")

    def recent_articles(self, limit: int = 20, scope: str | None = None) -> list[tuple[ArticleRecord, str]]:
        """The most recently changed articles with their current headline, newest first."""
        query = (select(ArticleRow, ArticleVersion.data)
                 .join(ArticleVersion, (ArticleVersion.article_id == ArticleRow.id)
                       & (ArticleVersion.version == ArticleRow.latest_version)))
        if scope is not None:
            query = query.where(ArticleRow.tenant == scope)
        with self.session() as s:
            rows = s.execute(query.order_by(ArticleRow.updated_at.desc()).limit(limit)).all()
            return [(ArticleRecord(r.id, r.latest_version, _iso(r.created_at) or "", _iso(r.updated_at) or ""),
                     str((data or {}).get("headline", ""))) for r, data in rows]

    def _article_row(self, s: Session, article_id: str, scope: str | None) -> ArticleRow | None:
        row = s.get(ArticleRow, article_id)
        return row if row is not None and _sees(scope, row.tenant) else None

    def get_version(self, article_id: str, version: int | None = None,
                    scope: str | None = None) -> VersionRecord | None:
        with self.session() as s:
            if self._article_row(s, article_id, scope) is None:
                return None
            query = select(ArticleVersion).where(ArticleVersion.article_id == article_id)
            query = query.where(ArticleVersion.version == version) if version is not None else \
                query.order_by(ArticleVersion.version.desc()).limit(1)
            row = s.scalar(query)
            return _version(row) if row else None

    def list_versions(self, article_id: str, scope: str | None = None) -> list[VersionRecord]:
        with self.session() as s:
            if self._article_row(s, article_id, scope) is None:
                return []
            rows = s.scalars(select(ArticleVersion).where(ArticleVersion.article_id == article_id)
                             .order_by(ArticleVersion.version))
            return [_version(r) for r in rows]

    def delete_article(self, article_id: str, scope: str | None = None) -> bool:
        """Delete an article and every version of it; False when there is none (in this scope)."""
        with self.session() as s:
            row = self._article_row(s, article_id, scope)
            if row is None:
                return False
            s.execute(delete(ArticleVersion).where(ArticleVersion.article_id == article_id))
            s.execute(update(Job).where(Job.article_id == article_id).values(article_id=None))
            s.delete(row)
        return True

    def add_version(self, article_id: str, data: dict[str, Any], note: str = "edited",
                    scope: str | None = None) -> VersionRecord | None:
        """Append a version (never overwrite); None if the article does not exist (in this scope)."""
        for _ in range(5):
            try:
                with self.session() as s:
                    row = self._article_row(s, article_id, scope)
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
