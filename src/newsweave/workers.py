"""Workers: a function applied to items in worker processes, results in input order, a few items ahead.

``in_order(function, items, jobs)`` is what the per-file stages (``prepare``) and the story
reports (``pipeline``) run on. With ``jobs == 1`` it is a plain loop in this process. With
more, ``jobs`` processes work at most ``ahead`` items ahead of the caller, so memory stays
bounded however many items there are, while the caller does the ordered work on the results.

Workers are started by a fork server that has imported newsweave once (or spawned where
there is none): never forked from the caller, whose threads (a progress bar) could hold a
lock at the moment of a fork. A worker that dies on an item (killed, out of memory, a crash
in native code) takes down the whole pool; the items that were in flight are then run again
one at a time in a fresh pool, so the item that kills a worker alone is found and comes back
as a ``WorkerCrash`` while every other item gets its result.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class WorkerCrash(Exception):
    """The worker process handling an item ended without giving a result."""


def available_cpus() -> int:
    """CPUs this process may run on: the default number of jobs."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def in_order(function: Callable[[Item], Result], items: Iterable[Item], jobs: int,
             ahead: int | None = None) -> Iterator[tuple[Item, Result | WorkerCrash]]:
    """``(item, function(item))`` for each item, in the items' order.

    ``jobs`` worker processes (one: this process) work on at most ``ahead`` items (default
    ``jobs``) beyond the one the caller is given. ``function`` and the items must be
    picklable. An exception raised by ``function`` reaches the caller as it would without
    workers; an item whose worker died comes back with a ``WorkerCrash`` instead of a result.
    When the first two items tried alone both end their workers, workers cannot work at all
    (a script without the ``__main__`` guard, no memory): ``WorkerCrash`` is raised.
    """
    if jobs <= 1:
        for item in items:
            yield item, function(item)
        return
    ahead = max(1, ahead or jobs)
    pending = iter(items)
    pool = _new_pool(jobs)
    waiting: deque[tuple[Item, Future]] = deque()
    worked, crashes = False, 0  # whether any item got a result in a worker; items that crashed alone
    try:
        for item in pending:
            waiting.append((item, pool.submit(function, item)))
            if len(waiting) >= ahead:
                break
        while waiting:
            item, future = waiting.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # Every item in flight failed with the pool: run this one alone in a new pool
                # to tell whether it is the one that kills workers, then resubmit the others.
                pool = _replace(pool, jobs)
                try:
                    result = pool.submit(function, item).result()
                except BrokenProcessPool:
                    crashes += 1
                    if crashes >= 2 and not worked:
                        raise WorkerCrash(_NO_WORKER) from None
                    result = WorkerCrash("the worker process ended unexpectedly (killed, out of memory or crashed)")
                    pool = _replace(pool, jobs)
                waiting = deque((other, pool.submit(function, other)) for other, _ in waiting)
            worked = worked or not isinstance(result, WorkerCrash)
            for following in pending:  # one more in flight for the one handed back
                waiting.append((following, pool.submit(function, following)))
                break
            yield item, result
    finally:
        # Items not started are dropped; the ones running finish (at most ``ahead``).
        pool.shutdown(wait=True, cancel_futures=True)


_NO_WORKER = ("worker processes end before giving any result. A script that runs newsweave with jobs > 1 "
              "must start it under 'if __name__ == \"__main__\":' (worker processes import the script)")


def _replace(pool: ProcessPoolExecutor, jobs: int) -> ProcessPoolExecutor:
    pool.shutdown(wait=True, cancel_futures=True)
    return _new_pool(jobs)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # Imported once in the server, so each worker starts ready (importing takes seconds).
        context.set_forkserver_preload(["newsweave"])
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal's group: the caller stops the run and
    # shuts the pool down; workers that also raised KeyboardInterrupt would print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
