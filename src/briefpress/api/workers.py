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
from concurrent.futures import ProcessPoolExecutor
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


def _bug(job_id: str, exc: Exception) -> str:
    # One line for the job's record; the exception's own text may hold user data, so the log keeps it.
    log.error("job %s failed", job_id, exc_info=exc)
    return f"internal error: {type(exc).__name__}; report it with job id {job_id}"


def deadline_message(seconds: float) -> str:
    return (f"the article took longer than the {seconds:g} s job deadline and was stopped; "
            "shorten the brief or its sources, or raise 'briefpress serve --job-timeout'")


class _Overdue(Exception):
    """Raised from the progress callback of a job run in a thread, past its deadline or at shutdown."""


def _child_run(runner: Any, job_id: str, request: dict[str, Any]) -> tuple[str, Any]:
    """Run in a child: never raise (not every exception pickles); say what happened instead."""

    def progress(event: str, data: dict[str, Any]) -> None:
        if _child_progress is not None:
            plain = {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool))}
            _child_progress.put((job_id, event, plain))

    try:
        return "ok", runner(request, progress)
    except BriefpressError as exc:
        return "error", exc.message
    except Exception as exc:
        return "error", _bug(job_id, exc)


class WorkerPool:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.owner = f"{socket.gethostname()[:20]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        # One single-process executor per worker thread: a runaway article is ended by ending its
        # own writer, and the other workers' articles go on.
        self._executors: dict[int, ProcessPoolExecutor] = {}
        self._progress: Any = None
        self.busy = 0
        self._lock = threading.Lock()
        self._last_progress: dict[str, float] = {}

    # -- life cycle -----------------------------------------------------------------------------
    def start(self) -> None:
        self.recover()
        if self.settings.processes:
            self._progress = multiprocessing.get_context("spawn").Queue()
            self._spawn(self._pump, "briefpress-progress")
        for i in range(self.settings.workers):
            if self.settings.processes:
                self._executors[i] = self._new_executor()
            self._spawn(lambda slot=i: self._work(slot), f"briefpress-worker-{i}")
        self._spawn(self._watch, "briefpress-heartbeat")

    def _new_executor(self) -> ProcessPoolExecutor:
        # spawn: no fork of a process that runs threads.
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_child_init, initargs=(self._progress, os.getpid()))

    def _warm(self, slot: int) -> None:
        """Start the slot's writer and import briefpress in it, so a job's deadline counts writing only."""
        try:
            self._executors[slot].submit(_ready).result()
        except Exception:  # a writer that cannot start fails the job that uses it, with the reason
            log.warning("could not start writer process %d", slot, exc_info=True)

    def _spawn(self, target: Any, name: str) -> None:
        t = threading.Thread(target=target, name=name, daemon=True)
        t.start()
        self._threads.append(t)

    def stop(self, grace: float | None = None) -> None:
        """Stop taking jobs, give articles being written ``grace`` seconds, then end their writers.

        Jobs cut off stay 'running' and are resumed by the next server (or failed once out of attempts).
        """
        self._stop.set()
        self._wake.set()
        deadline = time.monotonic() + (self.settings.shutdown_grace if grace is None else grace)
        for t in self._threads:
            t.join(max(0.0, deadline - time.monotonic()))
        for executor in list(self._executors.values()):
            _end(executor)
        for t in self._threads:
            t.join(max(0.0, deadline + 2.0 - time.monotonic()))

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

    def _work(self, slot: int) -> None:
        if slot in self._executors:
            self._warm(slot)
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
                self._run(slot, job)
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

    def _run(self, slot: int, job: JobRecord) -> None:
        if slot in self._executors:
            outcome, value = self._run_in_child(slot, job)
        else:
            outcome, value = self._run_here(job)
        self._last_progress.pop(job.id, None)
        if outcome == "ok":
            self.store.finish_job(job.id, self.owner, value)
        elif outcome == "error":
            self.store.fail_job(job.id, self.owner, value)
        # outcome "stopped": the server is shutting down; the job stays running and is resumed later

    def _run_here(self, job: JobRecord) -> tuple[str, Any]:
        """In this process's thread: a thread cannot be ended, so the deadline is checked at each
        progress event the pipeline reports."""
        ends = time.monotonic() + self.settings.job_timeout

        def progress(event: str, data: dict[str, Any]) -> None:
            if self._stop.is_set() or time.monotonic() > ends:
                raise _Overdue
            self._record_progress(job.id, event, data)

        try:
            return "ok", (self.settings.runner or run_job)(job.request, progress)
        except _Overdue:
            return ("stopped", None) if self._stop.is_set() else ("error", deadline_message(self.settings.job_timeout))
        except BriefpressError as exc:
            return "error", exc.message
        except Exception as exc:
            return "error", _bug(job.id, exc)

    def _run_in_child(self, slot: int, job: JobRecord) -> tuple[str, Any]:
        executor = self._executors[slot]
        try:
            future = executor.submit(_child_run, self.settings.runner or run_job, job.id, job.request)
            return future.result(timeout=self.settings.job_timeout)  # type: ignore[no-any-return]
        except TimeoutError:
            _end(executor)
            outcome = ("stopped", None) if self._stop.is_set() else \
                ("error", deadline_message(self.settings.job_timeout))
        except BrokenProcessPool as exc:
            if not self._stop.is_set():
                log.error("a writer process died while writing job %s: %s", job.id, exc)
            outcome = ("stopped", None) if self._stop.is_set() else \
                ("error", "the writer process died while writing this article (out of memory?); submit it again")
        except RuntimeError:  # submit after shutdown
            return "stopped", None
        except Exception as exc:
            return ("stopped", None) if self._stop.is_set() else ("error", _bug(job.id, exc))
        if not self._stop.is_set():
            self._executors[slot] = self._new_executor()
            self._warm(slot)
        return outcome


def _ready() -> bool:
    return True


def _end(executor: ProcessPoolExecutor) -> None:
    """End an executor's writer processes now (what they were writing is dropped)."""
    children = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for child in children:
        child.terminate()
    for child in children:
        child.join(2.0)
        if child.is_alive():
            child.kill()
    # Its manager thread closes the wakeup pipe as it ends; Python 3.11's exit hook writes to that pipe
    # unlocked, so a thread still ending at exit prints a traceback (CPython gh-125451).
    manager = getattr(executor, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(2.0)
