"""Running items here, in a pool of local worker processes.

Workers ignore Ctrl-C (the driver handles it and keeps what is finished) and exit on their own
when the driver dies, even by ``kill -9``, so no orphan keeps working for nobody.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

from .items import Item, Settings
from .work import Result, process_item

Work = Sequence[tuple[Item, str]]
_PR_SET_PDEATHSIG = 1
HASH_SEED = "0"


Handle = TypeVar("Handle")  # what a runner's submit returns: a future, a Ray object ref


def submit_upto(window: int, pending: dict[Handle, Item], queue: Iterator[tuple[Item, str]],
                submit: Callable[[Item, str], Handle]) -> None:
    """Submit items from ``queue`` until ``window`` are pending or the queue runs out."""
    while len(pending) < window:
        nxt = next(queue, None)
        if nxt is None:
            return
        item, key = nxt
        pending[submit(item, key)] = item


def run_pool(work: Work, settings: Settings, jobs: int, window: int) -> Generator[tuple[Item, Result], None, None]:
    """Items run in worker processes, even with one job: a crash in one item never takes the driver
    down, and every worker has the same string hash seed, so nothing that iterates a set of strings
    can make two runs differ. At most ``window`` items are submitted at once: that bounds memory
    and concurrent requests."""
    context = multiprocessing.get_context("spawn")  # no fork of a driver that runs threads
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init,
                                   initargs=(os.getpid(),))
    pending: dict[Future[Result], Item] = {}
    queue = iter(work)
    finished = False
    seed = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = HASH_SEED  # read by each worker's interpreter as it starts
    try:
        while True:
            submit_upto(window, pending, queue, lambda item, key: executor.submit(process_item, item, settings, key))
            if not pending:
                finished = True
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: pending[f].position):
                item = pending.pop(future)
                yield item, _result(future, item, settings)
    finally:
        # Every item done: wait for the workers to exit, since Python 3.11's exit hook can write to the
        # pool's wakeup pipe after a non-waiting shutdown closed it (a traceback on stderr, CPython
        # gh-125451). On Ctrl-C: drop what has not started; running items finish in their worker and are lost.
        executor.shutdown(wait=finished, cancel_futures=True)
        if seed is None:
            os.environ.pop("PYTHONHASHSEED", None)
        else:
            os.environ["PYTHONHASHSEED"] = seed


def _result(future: Future[Result], item: Item, settings: Settings) -> Result:
    try:
        return future.result()
    except Exception as exc:  # the worker process died (out of memory, killed)
        return Result(item.key(settings), "failed", error=f"worker failed: {type(exc).__name__}: {exc}")


def _worker_init(driver_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # On Linux the kernel kills the worker when the driver dies, even while an item holds the GIL;
    # elsewhere a thread watches for the driver to go.
    if not _die_with_parent():
        threading.Thread(target=_exit_with_driver, args=(driver_pid,), daemon=True).start()
    if os.getppid() != driver_pid:  # the driver died before the line above took effect
        os._exit(1)


def _die_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _exit_with_driver(driver_pid: int) -> None:
    while True:
        if os.getppid() != driver_pid:
            os._exit(1)
        time.sleep(0.5)
