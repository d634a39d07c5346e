"""A tiny task runner: one writer lane, a small reader pool, callbacks on the GUI thread.

Database work never runs on the GUI thread. ``write`` jobs run one at a time in
submission order (one writer lane), so saves never race each other; ``read``
jobs may run alongside. ``on_done``/``on_error`` are always called on the GUI
thread, through a queued signal. Never ``processEvents()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class TaskManager(QObject):
    _finished = Signal(object)  # (future, on_done, on_error), emitted from worker threads
    error_unhandled = Signal(object)  # an exception nobody handled: the window shows it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Thread pools start with the first job: nothing to wait for before the first paint.
        self._writer: ThreadPoolExecutor | None = None
        self._readers: ThreadPoolExecutor | None = None
        self._pending = 0
        # Always emitted from a worker thread (see ``_run``), so Qt's automatic
        # connection queues it to this object's (the GUI) thread. Naming
        # QueuedConnection would build PySide6's whole ``Qt`` enum namespace before
        # the first paint (~15 ms).
        self._finished.connect(self._on_finished)

    def write(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        self._submit(self._pool(readers=False), fn, on_done, on_error)

    def read(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        self._submit(self._pool(readers=True), fn, on_done, on_error)

    def _pool(self, *, readers: bool) -> ThreadPoolExecutor:
        from concurrent.futures import ThreadPoolExecutor

        if readers:
            if self._readers is None:
                self._readers = ThreadPoolExecutor(2, thread_name_prefix="tend-reader")
            return self._readers
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="tend-writer")
        return self._writer

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        fn: Callable[[], Any],
        on_done: Callback | None,
        on_error: ErrorCallback | None,
    ) -> None:
        self._pending += 1
        pool.submit(self._run, fn, on_done, on_error)

    def _run(
        self, fn: Callable[[], Any], on_done: Callback | None, on_error: ErrorCallback | None
    ) -> None:
        """Runs on a worker thread: do the job, then hand the outcome to the GUI thread."""
        from concurrent.futures import Future

        outcome: Future[Any] = Future()
        try:
            outcome.set_result(fn())
        except BaseException as exc:  # delivered to on_error / error_unhandled, not lost
            outcome.set_exception(exc)
        self._finished.emit((outcome, on_done, on_error))

    def idle(self) -> bool:
        """True when every submitted job has run and its callback was delivered."""
        return self._pending == 0

    def _on_finished(
        self, payload: tuple[Future[Any], Callback | None, ErrorCallback | None]
    ) -> None:
        future, on_done, on_error = payload
        self._pending -= 1
        exc = future.exception()
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            else:
                self.error_unhandled.emit(exc)
            return
        if on_done is not None:
            on_done(future.result())

    def shutdown(self) -> None:
        """Finish queued writes (nothing acknowledged may be lost), then stop."""
        if self._writer is not None:
            self._writer.shutdown(wait=True)
        if self._readers is not None:
            self._readers.shutdown(wait=True, cancel_futures=True)
