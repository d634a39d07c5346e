"""Bugs: logged to the private log file, and a calm dialog. Never a traceback on screen.

``CrashReporter.report`` can be called from any thread (``sys.excepthook``,
``threading.excepthook``, the task runner); the dialog is always shown on the
GUI thread through a queued signal. While one crash dialog is open, further
errors are only logged, so a failing timer can't bury the window in dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.style import mark

log = logging.getLogger("tend.crash")

CRASH_TITLE = "Something went wrong inside Tend. What you saved is safe."


class CrashDialog(QDialog):
    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tend")
        self.setObjectName("crashDialog")
        self.setAccessibleName("Something went wrong")
        layout = QVBoxLayout(self)
        title = QLabel(self.tr(CRASH_TITLE))
        title.setWordWrap(True)
        mark(title, "heading")
        layout.addWidget(title)
        where = (
            self.tr("A note about what happened was written to:\n%1").replace("%1", str(log_file))
            if log_file is not None
            else self.tr("A note about what happened was written to Tend's log.")
        )
        detail = QLabel(
            self.tr(
                "It's safe to carry on. If this keeps happening, closing and reopening "
                "Tend usually helps."
            )
            + "\n\n"
            + where
            + "\n"
            + self.tr("The note never contains what you wrote.")
        )
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


class CrashReporter(QObject):
    _reported = Signal(object)

    def __init__(
        self,
        log_file: Path | None,
        parent_widget: Callable[[], QWidget | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._log_file = log_file
        self._parent_widget = parent_widget
        self.dialog: CrashDialog | None = None
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc: BaseException) -> None:
        """Log ``exc`` (no local variables, no private text from us) and show the dialog."""
        log.exception("unexpected error: %s", type(exc).__name__, exc_info=exc)
        self._reported.emit(exc)

    def _show(self, _exc: BaseException) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return
        self.dialog = CrashDialog(self._log_file, self._parent_widget())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.open()

    def _forget_dialog(self) -> None:
        self.dialog = None

    # -- process-wide hooks (only the real app installs these; tests don't) --------
    def install_hooks(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall_hooks(self) -> None:
        """Put Python's own hooks back (``tend screenshots`` in a test's process)."""
        if sys.excepthook == self._excepthook:
            sys.excepthook = sys.__excepthook__
        if threading.excepthook == self._thread_excepthook:
            threading.excepthook = threading.__excepthook__

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc.with_traceback(tb))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value)
