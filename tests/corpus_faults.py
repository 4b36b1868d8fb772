"""Task functions for the worker-pool tests: they run in worker processes, so they live in a module."""

from __future__ import annotations

import os
import signal
import time


def square(task: int, options) -> int:
    return task * task


def failed(task, reason: str) -> tuple:
    return ("failed", task, reason)


def crash_on(task: int, options: int) -> int:
    """Die like a segfaulting native library when the task equals ``options``."""
    if task == options:
        os.kill(os.getpid(), signal.SIGSEGV)
    return task * task


def loop_on(task: int, options: int) -> int:
    """Loop for ever in Python (the time limit interrupts it) when the task equals ``options``."""
    while task == options:
        pass
    return task * task


def hang_on(task: int, options: int) -> int:
    """Hang where the time limit cannot reach (as native code would) when the task equals ``options``."""
    if task == options:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return task * task


def raise_on(task: int, options: int) -> int:
    if task == options:
        raise ValueError("a bug")
    return task * task


def slow(task: int, options: float) -> int:
    time.sleep(options)
    return task


def hang_and_tell(task: int, options: tuple) -> int:
    """Write this worker's pid to ``options[1]`` and hang when the task equals ``options[0]``."""
    victim, pid_file = options
    if task == victim:
        with open(f"{pid_file}.part", "w") as f:
            f.write(str(os.getpid()))
        os.replace(f"{pid_file}.part", pid_file)  # the test never reads a half-written pid
        time.sleep(120)
    return task


def slow_warm_up(options) -> None:
    time.sleep(1.5)


def crashing_warm_up(options) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)
