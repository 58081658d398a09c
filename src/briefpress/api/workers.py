"""The worker pool: writes articles off the request path.

Jobs live in the database, not in memory: ``POST /v1/articles`` commits a queued row before it
answers 202, dispatcher threads claim rows, and a heartbeat thread both keeps this process's running
jobs fresh and puts back in the queue the running jobs of a process that died
(``Store.recover_jobs``). So a ``kill -9`` loses no accepted job: on restart it is resumed, or failed
with its reason once it has been tried ``max_attempts`` times.

Writing itself runs in child processes (``Settings.processes``) or in the dispatcher threads. Only
this process touches the database; children send progress through a queue and return the article.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import socket
import threading
import time
import uuid
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import BriefpressError
from ..store import JobRecord, Store
from .settings import Settings

log = logging.getLogger(__name__)

# Rough share of the work done at each progress event the pipeline and engines report.
_PERCENT = {"started": 5, "ingested": 15, "stage": 25, "written": 70, "verified": 85, "audited": 90, "stored": 98}

_child_progress: Any = None  # the progress queue, in a child process


def run_job(request: dict[str, Any], progress: Any = None) -> dict[str, Any]:
    """Write the article a job asks for; returns its JSON form. Raises BriefpressError on bad input."""
    import briefpress

    from ..evidence import resolve_sources
    from . import checks
    from .service import write_options

    # Links are fetched here, in the job, never from a private or local address.
    resolved = resolve_sources([(f"source{i}", text) for i, text in enumerate(request.get("sources") or [], start=1)])
    options = write_options(request)
    options.source_meta = resolved.meta
    article = briefpress.write(request["brief"], sources=resolved.named, options=options, progress=progress)
    if article.grounding is None:  # a build whose write does not verify: verify here
        article = checks.recheck(article)
    return article.to_json_dict()


def _child_init(progress: Any, parent: int) -> None:
    global _child_progress
    _child_progress = progress

    def _exit_with_parent() -> None:
        # A server killed with SIGKILL cannot stop its children: they notice and leave by themselves.
        # (The parent's pid comes from the parent: it may already be gone when this child starts.)
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=_exit_with_parent, name="briefpress-parent-watch", daemon=True).start()
    import briefpress  # noqa: F401  (pay the import once per child, before the first job)


def _child_run(job_id: str, request: dict[str, Any]) -> tuple[str, Any]:
    """Run in a child: never raise (not every exception pickles); say what happened instead."""

    def progress(event: str, data: dict[str, Any]) -> None:
        if _child_progress is not None:
            plain = {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool))}
            _child_progress.put((job_id, event, plain))

    try:
        return "ok", run_job(request, progress)
    except BriefpressError as exc:
        return "error", exc.message
    except Exception as exc:  # a bug: one line for the job, the child's log keeps the rest
        log.exception("job %s failed", job_id)
        return "error", f"internal error: {type(exc).__name__}: {exc}; report it"


class WorkerPool:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.owner = f"{socket.gethostname()[:20]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._executor: Executor | None = None
        self._progress: Any = None
        self._executor_lock = threading.Lock()
        self.busy = 0
        self._lock = threading.Lock()
        self._last_progress: dict[str, float] = {}

    # -- life cycle -----------------------------------------------------------------------------
    def start(self) -> None:
        self.recover()
        if self.settings.processes:
            ctx = multiprocessing.get_context("spawn")  # no fork of a process that runs threads
            self._progress = ctx.Queue()
            self._executor = self._new_executor()
            self._spawn(self._pump, "briefpress-progress")
        for i in range(self.settings.workers):
            self._spawn(self._work, f"briefpress-worker-{i}")
        self._spawn(self._watch, "briefpress-heartbeat")

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.settings.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_child_init, initargs=(self._progress, os.getpid()))

    def _spawn(self, target: Any, name: str) -> None:
        t = threading.Thread(target=target, name=name, daemon=True)
        t.start()
        self._threads.append(t)

    def stop(self, timeout: float = 60.0) -> None:
        # Wait for articles being written in this process: a thread cut off at interpreter exit
        # while inside a model's native code can abort the whole process.
        self._stop.set()
        self._wake.set()
        if self._executor is not None:
            # Jobs still being written stay 'running' and are resumed by the next server.
            self._executor.shutdown(wait=False, cancel_futures=True)
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

    # -- threads --------------------------------------------------------------------------------
    def _watch(self) -> None:
        while not self._stop.wait(self.settings.heartbeat):
            try:
                self.store.heartbeat(self.owner)
                self.recover()
            except Exception:  # the database may be briefly away; try again next beat
                log.exception("heartbeat failed")

    def _pump(self) -> None:
        """Progress from the children into the database."""
        while not self._stop.is_set():
            try:
                job_id, event, data = self._progress.get(timeout=0.5)
            except queue.Empty:
                continue
            except (EOFError, OSError):
                return
            self._record_progress(job_id, event, data)

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

    # -- one job --------------------------------------------------------------------------------
    def _record_progress(self, job_id: str, event: str, data: dict[str, Any]) -> None:
        now = time.monotonic()
        if now - self._last_progress.get(job_id, 0.0) < 0.2 and event not in _PERCENT:
            return
        self._last_progress[job_id] = now
        info = {"stage": event, "percent": _PERCENT.get(event, 50), **data}
        try:
            self.store.job_progress(job_id, self.owner, info)
        except Exception:
            log.warning("could not record progress of job %s", job_id, exc_info=True)

    def _run(self, job: JobRecord) -> None:
        if self._executor is not None:
            outcome, value = self._run_in_child(job)
        else:
            outcome, value = self._run_here(job)
        self._last_progress.pop(job.id, None)
        if outcome == "ok":
            self.store.finish_job(job.id, self.owner, value)
        elif outcome == "error":
            self.store.fail_job(job.id, self.owner, value)
        # outcome "stopped": the server is shutting down; the job stays running and is resumed later

    def _run_here(self, job: JobRecord) -> tuple[str, Any]:
        try:
            return "ok", run_job(job.request, lambda event, data: self._record_progress(job.id, event, data))
        except BriefpressError as exc:
            return "error", exc.message
        except Exception as exc:
            log.exception("job %s failed", job.id)
            return "error", f"internal error: {type(exc).__name__}: {exc}; report it"

    def _run_in_child(self, job: JobRecord) -> tuple[str, Any]:
        assert self._executor is not None
        try:
            future = self._executor.submit(_child_run, job.id, job.request)
            return future.result()  # type: ignore[no-any-return]
        except BrokenProcessPool as exc:
            if self._stop.is_set():
                return "stopped", None
            log.error("a writer process died while writing job %s: %s", job.id, exc)
            with self._executor_lock:  # replace the broken pool once, whichever thread sees it first
                if getattr(self._executor, "_broken", False):
                    self._executor = self._new_executor()
            return "error", "the writer process died while writing this article (out of memory?); submit it again"
        except RuntimeError:  # submit after shutdown
            return "stopped", None
        except Exception as exc:
            if self._stop.is_set():
                return "stopped", None
            return "error", f"internal error: {type(exc).__name__}: {exc}; report it"
