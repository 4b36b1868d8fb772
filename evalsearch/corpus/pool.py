"""Worker processes that read PDFs side by side, each file in one worker.

Unlike a plain process pool, every worker is known by the file it is reading,
so that a worker that dies (a crash inside a PDF library, the kernel's
out-of-memory killer) fails that one file only: the worker is replaced and the
run goes on. A file that takes longer than its time limit is stopped the same
way. Workers ignore Ctrl-C; the run that owns them stops them when it is
interrupted, so the user sees one message and no worker tracebacks.

With ``PoolOptions.preload``, workers are forked by a "forkserver" (where the
platform has one): a clean single-threaded process, safe beside the threads
of a progress bar, that imports the preload modules once, so every worker
starts with them loaded (and shares their memory). Otherwise workers are
spawned as fresh interpreters.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

log = logging.getLogger(__name__)

#: seconds one file may take by default (``--time-limit``)
DEFAULT_TIME_LIMIT = 600.0
# After the in-worker time limit has fired, the worker gets this long (at least)
# to report before it is killed: the limit cannot interrupt native code.
KILL_GRACE_SECONDS = 15.0
POLL_SECONDS = 0.5
STOP_WAIT_SECONDS = 2.0
# Workers that die before they are ready: after this many, the run gives up on workers.
MAX_START_FAILURES = 3
READY = "ready"

TaskFunc = Callable[[Any, Any], Any]
FailFunc = Callable[[Any, str], Any]
WarmUpFunc = Callable[[Any], None]


def time_limit_reason(seconds: float) -> str:
    return f"gave up after {seconds:g} s (time limit per file; raise it with --time-limit)"


class TimeLimitReached(BaseException):
    """Raised inside a task when its time limit is up.

    A BaseException, so that the broad ``except Exception`` of PDF libraries
    (and of the extraction stages) cannot swallow it.
    """


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimitReached`` in this thread after ``seconds`` (POSIX main thread only; else no limit)."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise TimeLimitReached()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while a process is started, so that it inherits "ignore" from its first instant.

    Only around the start itself: this process must still stop on Ctrl-C.
    """
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals cannot be set here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _worker_main(
    conn: Connection, func: TaskFunc, fail: FailFunc, options: Any, limit: float | None, warm_up: WarmUpFunc | None
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger().addHandler(logging.NullHandler())  # the parent reports; workers print nothing
    if warm_up is not None:  # load what every task needs before any task's clock starts
        try:
            warm_up(options)
        except Exception:
            log.debug("warm-up failed", exc_info=True)
    try:
        _serve(conn, func, fail, options, limit)
    except (EOFError, OSError):  # the run that started this worker has ended: leave quietly
        return


def _serve(conn: Connection, func: TaskFunc, fail: FailFunc, options: Any, limit: float | None) -> None:
    conn.send(READY)
    while True:
        task = conn.recv()
        if task is None:
            return
        retire = False
        try:
            with time_limit(limit):
                result = func(task, options)
        except TimeLimitReached:
            # Stopped mid-way, the process may hold half-built state: a fresh worker takes over.
            result, retire = fail(task, time_limit_reason(limit or 0)), True
        except BaseException as exc:  # report anything rather than die with the task
            result = fail(task, f"internal error: {type(exc).__name__}: {exc}")
        try:
            conn.send((result, retire))
        except (OSError, EOFError):
            raise
        except Exception as exc:  # a result that cannot be pickled
            reason = f"internal error: the result cannot be passed back ({type(exc).__name__})"
            conn.send((fail(task, reason), retire))
        if retire:
            return


class _Worker:
    def __init__(self, ctx, func: TaskFunc, fail: FailFunc, options: Any, limit: float | None, warm_up: WarmUpFunc | None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, func, fail, options, limit, warm_up), daemon=True)
        if ctx.get_start_method() == "forkserver":
            # Forked by the server, which ignores Ctrl-C; starting waits for the server to be
            # ready (its preload), and Ctrl-C must still stop this process meanwhile.
            self.process.start()
        else:
            with sigint_ignored():  # the spawned interpreter inherits "ignore" from its first instant
                self.process.start()
        child.close()
        self.task: Any = None
        self.started = 0.0
        self.ready = False

    def give(self, task: Any) -> None:
        self.task = task
        self.started = time.monotonic()
        self.conn.send(task)

    def take(self) -> Any:
        task, self.task = self.task, None
        return task

    def stop(self, wait_seconds: float = STOP_WAIT_SECONDS) -> None:
        if self.process.is_alive() and self.task is None and wait_seconds > 0:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(wait_seconds)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()

    def death_reason(self) -> str:
        self.process.join(1.0)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            how = f"killed by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
        else:
            how = f"exit code {code}"
        return f"the PDF reader crashed on this file (worker process {how})"


@dataclass(frozen=True)
class PoolOptions:
    """How many workers, how long one task may take (None: no limit), and the grace before a kill."""

    jobs: int
    time_limit: float | None = None
    kill_grace: float = KILL_GRACE_SECONDS
    preload: tuple[str, ...] = ()


def run_in_workers(
    tasks: Sequence[Any],
    func: TaskFunc,
    fail: FailFunc,
    options: Any,
    pool: PoolOptions,
    warm_up: WarmUpFunc | None = None,
) -> Iterator[Any]:
    """Run ``func(task, options)`` for every task in worker processes.

    Yields each result as soon as it is done (completion order). A task over
    the time limit is interrupted and yields ``fail(task, reason)``; its worker
    is replaced. A worker that dies, or does not answer within the time limit
    plus a grace period (native code the limit cannot interrupt), is killed
    and replaced, and its task yields ``fail(task, reason)``. ``func`` and
    ``fail`` must be module-level functions (they are pickled to the workers).
    ``warm_up(options)``, if given, runs once in each worker before its first
    task, outside the time limit (loading language data, for instance).

    Closing the generator (or an exception such as KeyboardInterrupt while it
    waits) stops every worker at once.
    """
    ctx = worker_context(pool.preload)
    queue = deque(tasks)
    workers: list[_Worker] = []
    hard_limit = None
    if pool.time_limit:
        hard_limit = pool.time_limit + max(pool.kill_grace, 0.25 * pool.time_limit)
    finished = False
    start_failures = 0
    try:
        while queue or any(w.task is not None for w in workers):
            for w in list(workers):
                if w.ready and w.task is None and queue:
                    try:
                        w.give(queue[0])
                    except OSError:  # an idle worker died (killed from outside): replace it, keep the task
                        w.task = None
                        workers.remove(w)
                        w.stop(0)
                        continue
                    queue.popleft()
            while len(workers) < min(pool.jobs, len(queue) + sum(w.task is not None for w in workers)):
                workers.append(_Worker(ctx, func, fail, options, pool.time_limit, warm_up))
            watched = [w for w in workers if w.task is not None or not w.ready]
            wait([w.conn for w in watched] + [w.process.sentinel for w in watched], timeout=POLL_SECONDS)
            for w in watched:
                if not w.ready:
                    if not _started(w):
                        workers.remove(w)
                        w.stop(0)
                        start_failures += 1
                        if start_failures >= MAX_START_FAILURES:
                            reason = "worker processes die as they start, so no file can be read"
                            while queue:
                                yield fail(queue.popleft(), reason)
                    continue
                result, dead = _collect(w, fail, hard_limit)
                if dead:
                    workers.remove(w)
                    w.stop(0)
                if result is not _NOTHING:
                    yield result
        finished = True
    finally:
        for w in workers:
            w.stop(STOP_WAIT_SECONDS if finished else 0)


_NOTHING = object()


def worker_context(preload: tuple[str, ...] = ()):
    """The multiprocessing context workers start from: a forkserver with ``preload`` imported, or spawn.

    The fork server is one per process, and its preload is fixed when it
    starts; without a preload, workers are spawned, which leaves the server
    to those who preload.
    """
    if not preload or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    ctx = multiprocessing.get_context("forkserver")
    with sigint_ignored():  # the server, and every worker forked from it, ignore Ctrl-C from the start
        ctx.set_forkserver_preload(list(preload))
        forkserver.ensure_running()  # starts the server; its preload goes on in the background
    return ctx


def _started(w: _Worker) -> bool:
    """Mark ``w`` ready if it says so; RETURNS (bool): False when it died before that."""
    try:
        if w.conn.poll():
            w.ready = w.conn.recv() == READY
            return w.ready
    except (EOFError, OSError):
        return False
    return w.process.is_alive()


def _collect(w: _Worker, fail: FailFunc, hard_limit: float | None) -> tuple[Any, bool]:
    """What worker ``w`` has to say: (result or _NOTHING, whether the worker is lost)."""
    try:
        if w.conn.poll():
            result, retired = w.conn.recv()
            w.take()
            return result, retired
    except (EOFError, OSError):
        return fail(w.take(), w.death_reason()), True
    if not w.process.is_alive():
        return fail(w.take(), w.death_reason()), True
    if hard_limit is not None and time.monotonic() - w.started > hard_limit:
        w.process.kill()
        seconds = time.monotonic() - w.started
        return fail(w.take(), f"stopped after {seconds:.0f} s: reading this file does not end"), True
    return _NOTHING, False
