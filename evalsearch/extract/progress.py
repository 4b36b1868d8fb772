"""Pages read so far in the file being read, for a progress display.

The reading loop calls ``page_read`` after each page. A display that wants to
know sets its hook with ``reporting_pages`` for as long as it shows. A file
read in a worker process has no hook there: the display counts it when it is
done, as it counts every file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PageHook = Callable[[str, int, int], None]

_HOOK: ContextVar[PageHook | None] = ContextVar("page_hook", default=None)


@contextmanager
def reporting_pages(hook: PageHook) -> Iterator[None]:
    """Call ``hook(file name, pages read, pages in the file)`` after each page read meanwhile."""
    token = _HOOK.set(hook)
    try:
        yield
    finally:
        _HOOK.reset(token)


def page_read(name: str, done: int, total: int) -> None:
    """Say that ``done`` of the ``total`` pages of file ``name`` are read."""
    hook = _HOOK.get()
    if hook is not None:
        hook(name, done, total)
