"""The worker pool: writes articles off the request path, one job per thread.

Jobs live in the database, not in memory: ``POST /v1/articles`` commits a queued row before it
answers 202, workers claim rows, and a heartbeat thread both keeps this process's running jobs
fresh and puts back in the queue the running jobs of a process that died (``Store.recover_jobs``).
So a ``kill -9`` loses no accepted job: on restart it is resumed, or failed with its reason once it
has been tried ``max_attempts`` times.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from typing import Any

from ..errors import BriefpressError
from ..store import JobRecord, Store
from .settings import Settings

log = logging.getLogger(__name__)

# Rough share of the work done at each progress event the pipeline and engines report.
_PERCENT = {"started": 5, "ingested": 15, "stage": 25, "written": 70, "verified": 85, "audited": 90, "stored": 98}


def run_job(request: dict[str, Any], progress: Any = None) -> dict[str, Any]:
    """Write the article a job asks for; returns its JSON form. Raises BriefpressError on bad input."""
    import briefpress

    from . import checks

    article = briefpress.write(
        request["brief"],
        sources=[(f"source{i}", text) for i, text in enumerate(request.get("sources") or [], start=1)],
        engine=request.get("engine") or "extractive",
        keyphrase=request.get("keyphrase") or None,
        progress=progress,
    )
    if article.grounding is None:  # a build whose write does not verify yet: verify here if we can
        article = checks.recheck(article)
    return article.to_json_dict()


class WorkerPool:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.owner = f"{socket.gethostname()[:20]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.busy = 0
        self._lock = threading.Lock()

    def start(self) -> None:
        self.recover()
        for i in range(self.settings.workers):
            t = threading.Thread(target=self._work, name=f"briefpress-worker-{i}", daemon=True)
            t.start()
            self._threads.append(t)
        t = threading.Thread(target=self._watch, name="briefpress-heartbeat", daemon=True)
        t.start()
        self._threads.append(t)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        deadline = time.monotonic() + timeout
        for t in self._threads:
            t.join(max(0.0, deadline - time.monotonic()))

    def notify(self) -> None:
        self._wake.set()

    def recover(self) -> dict[str, list[str]]:
        result = self.store.recover_jobs(self.settings.stale_after, self.settings.max_attempts)
        if result["requeued"]:
            self._wake.set()
        return result

    def _watch(self) -> None:
        while not self._stop.wait(self.settings.heartbeat):
            try:
                self.store.heartbeat(self.owner)
                self.recover()
            except Exception:  # the database may be briefly away; try again next beat
                log.exception("heartbeat failed")

    def _work(self) -> None:
        while not self._stop.is_set():
            try:
                job = self.store.claim_job(self.owner)
            except Exception:
                log.exception("could not claim a job")
                job = None
            if job is None:
                self._wake.wait(1.0)
                self._wake.clear()
                continue
            with self._lock:
                self.busy += 1
            try:
                self._run(job)
            finally:
                with self._lock:
                    self.busy -= 1

    def _run(self, job: JobRecord) -> None:
        last = [0.0]

        def progress(event: str, data: dict[str, Any]) -> None:
            now = time.monotonic()
            if now - last[0] < 0.2 and event not in _PERCENT:
                return
            last[0] = now
            info = {"stage": event, "percent": _PERCENT.get(event, 50)}
            info.update({k: v for k, v in data.items() if isinstance(v, (str, int, float, bool))})
            try:
                self.store.job_progress(job.id, self.owner, info)
            except Exception:
                log.warning("could not record progress of job %s", job.id, exc_info=True)

        try:
            article = run_job(job.request, progress)
        except BriefpressError as exc:
            self.store.fail_job(job.id, self.owner, exc.message)
            return
        except Exception as exc:  # a bug: the job says so in one line, the log keeps the traceback
            log.exception("job %s failed", job.id)
            self.store.fail_job(job.id, self.owner, f"internal error: {type(exc).__name__}: {exc}; report it")
            return
        self.store.finish_job(job.id, self.owner, article)
