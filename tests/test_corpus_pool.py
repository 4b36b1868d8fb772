"""Issue 6: worker processes: results, a crashing worker, a file that never ends, Ctrl-C."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

import pytest

import corpus_faults
from evalsearch.corpus.pool import PoolOptions, TimeLimitReached, run_in_workers, time_limit


def run(func, tasks, options=None, jobs=2, limit=None, grace=15.0):
    return list(run_in_workers(tasks, func, corpus_faults.failed, options, PoolOptions(jobs, limit, grace)))


def test_every_task_comes_back_once():
    results = run(corpus_faults.square, list(range(7)))
    assert sorted(results) == [i * i for i in range(7)]
    assert multiprocessing.active_children() == []


def test_a_crashing_worker_fails_its_task_only():
    results = run(corpus_faults.crash_on, [1, 2, 3, 4, 5], options=3)
    failures = [r for r in results if isinstance(r, tuple)]
    assert failures == [("failed", 3, "the PDF reader crashed on this file (worker process killed by SIGSEGV)")]
    assert sorted(r for r in results if not isinstance(r, tuple)) == [1, 4, 16, 25]


def test_an_exception_in_a_task_is_reported_not_raised():
    results = run(corpus_faults.raise_on, [1, 2], options=2)
    assert ("failed", 2, "internal error: ValueError: a bug") in results
    assert 1 in results


def test_time_limit_interrupts_python_code_and_retires_the_worker():
    results = run(corpus_faults.loop_on, [1, 2, 3, 4, 5, 6], options=2, limit=1.0, jobs=1)
    assert ("failed", 2, "gave up after 1 s (time limit per file; raise it with --time-limit)") in results
    assert sorted(r for r in results if not isinstance(r, tuple)) == [1, 9, 16, 25, 36]


def test_a_task_the_time_limit_cannot_reach_is_killed():
    results = run(corpus_faults.hang_on, [1, 2, 3], options=2, limit=0.5, grace=0.5)
    (failure,) = [r for r in results if isinstance(r, tuple)]
    kind, task, reason = failure
    assert (kind, task) == ("failed", 2)
    assert reason.startswith("stopped after ") and reason.endswith(" s: reading this file does not end")
    assert sorted(r for r in results if not isinstance(r, tuple)) == [1, 9]


def test_interrupting_the_consumer_stops_every_worker():
    results = run_in_workers(list(range(6)), corpus_faults.slow, corpus_faults.failed, 0.3, PoolOptions(2))
    got = [next(results)]
    with pytest.raises(KeyboardInterrupt):
        for r in results:
            got.append(r)
            raise KeyboardInterrupt
    assert len(got) == 2
    results.close()
    assert multiprocessing.active_children() == []


def test_time_limit_in_this_process():
    with pytest.raises(TimeLimitReached):
        with time_limit(0.2):
            while True:
                pass
    with time_limit(None):
        pass


def test_warm_up_does_not_count_against_the_time_limit():
    results = run_in_workers([1, 2, 3], corpus_faults.square, corpus_faults.failed, None,
                             PoolOptions(2, time_limit=1.0, kill_grace=0.2), warm_up=corpus_faults.slow_warm_up)
    assert sorted(results) == [1, 4, 9]


def test_workers_that_die_while_starting_fail_the_run_with_a_reason():
    results = list(run_in_workers([1, 2, 3], corpus_faults.square, corpus_faults.failed, None, PoolOptions(1),
                                  warm_up=corpus_faults.crashing_warm_up))
    reason = "worker processes die as they start, so no file can be read"
    assert sorted(results) == [("failed", 1, reason), ("failed", 2, reason), ("failed", 3, reason)]
    assert multiprocessing.active_children() == []


def test_a_busy_worker_killed_from_outside_fails_its_task_only(tmp_path):
    pid_file = tmp_path / "pid"

    def kill_the_busy_worker():
        deadline = time.monotonic() + 60
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(int(pid_file.read_text()), signal.SIGKILL)

    killer = threading.Thread(target=kill_the_busy_worker, daemon=True)
    killer.start()
    results = run(corpus_faults.hang_and_tell, list(range(6)), options=(2, str(pid_file)))
    killer.join()
    assert sorted(r for r in results if not isinstance(r, tuple)) == [0, 1, 3, 4, 5]
    assert [r for r in results if isinstance(r, tuple)] == [
        ("failed", 2, "the PDF reader crashed on this file (worker process killed by SIGKILL (out of memory?))")
    ]
    assert multiprocessing.active_children() == []


def test_an_idle_worker_killed_from_outside_is_replaced_and_no_task_is_lost():
    results = run_in_workers(list(range(4)), corpus_faults.square, corpus_faults.failed, None, PoolOptions(1))
    got = [next(results)]  # the only worker is idle while the consumer holds this result
    (idle,) = multiprocessing.active_children()
    os.kill(idle.pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    got += list(results)
    assert sorted(got) == [0, 1, 4, 9]
