"""The one object every page gets: the Tend context, the task runner and app-wide signals.

Pages never hold a Session or an ORM row. They call ``ctx.read``/``ctx.write``
with a function that uses ``ctx.tend.require_store()`` services on a worker
thread; results come back on the GUI thread. After a successful write,
``changed`` is emitted with the ``Changes`` the service reported, and every
page redraws what it shows of that.

A notice belongs to the page that made it when it says so (``notify(text, source=self)``,
``report_error(exc, source=self)``, ``source`` being the page or any widget inside it,
dialogs included): the workspace shows it on that page only. Without a source it is
app-wide (a lock, a keyring change) and stays whichever page is open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.context import Tend
from app.domain import Changes
from app.errors import UserFacingError
from ui.taskman import TaskManager

log = logging.getLogger(__name__)


class UiContext(QObject):
    changed = Signal(object)  # app.domain.Changes
    lock_requested = Signal()
    help_requested = Signal()
    notice_requested = Signal(str, str)  # (level: "info" | "error", plain message): every notice
    # The same notice, first, with the widget that asked for it (None: app-wide).
    notice_placed = Signal(str, str, object)
    undo_offered = Signal(str, object)  # (message, zero-arg callable run on the GUI thread)
    navigate_requested = Signal(str)  # page key, e.g. "checkin", "journal", "settings"

    def __init__(self, tend: Tend, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tend = tend
        self.tasks = tasks

    # -- running service calls -------------------------------------------------------
    def read(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.tasks.read(fn, on_done, on_error or self.report_error)

    def write(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn`` on the writer lane.

        If ``fn`` returns ``(result, Changes)`` or a bare ``Changes``, ``changed``
        is emitted with it and ``on_done`` gets ``result`` (or the Changes).
        """

        def done(value: Any) -> None:
            result = value
            if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], Changes):
                result, changes = value
                self.changed.emit(changes)
            elif isinstance(value, Changes):
                self.changed.emit(value)
            if on_done is not None:
                on_done(result)

        self.tasks.write(fn, done, on_error or self.report_error)

    def report_error(self, exc: BaseException, source: QWidget | None = None) -> None:
        """UserFacingError: a banner in plain words. Anything else: a bug, shown by the window.

        ``source``: the widget whose action failed, so the words show on its page.
        """
        if isinstance(exc, UserFacingError):
            self._notice("error", exc.message, source)
        else:
            self.tasks.error_unhandled.emit(exc)

    def notify(self, message: str, source: QWidget | None = None) -> None:
        """``source``: the widget that made the notice ("Summary saved" belongs to Signals)."""
        self._notice("info", message, source)

    def _notice(self, level: str, message: str, source: QWidget | None) -> None:
        self.notice_placed.emit(level, message, source)
        self.notice_requested.emit(level, message)
