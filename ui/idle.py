"""Application-wide input watchers: auto-lock after idle time, and the global keys.

``IdleWatcher``: an application event filter notices user input (keys, mouse,
wheel, touch) and restarts a single-shot timer. The timeout comes from a callable
so a change in settings applies at the next input, and tests can inject a short one.
``GlobalKeys``: F1 and Ctrl+L from anywhere in the window, its dialogs included.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

USER_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    idle_timed_out = Signal()

    def __init__(self, timeout_ms: Callable[[], int], parent: QObject | None = None) -> None:
        """``timeout_ms()`` returns the idle time in ms; 0 or less turns auto-lock off."""
        super().__init__(parent)
        self._timeout_ms = timeout_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle_timed_out)
        self._active = False

    def start(self) -> None:
        if not self._active:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._active = True
        self.poke()

    def stop(self) -> None:
        if self._active:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._active = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._active

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def poke(self) -> None:
        """Input happened: start counting again."""
        if not self._active:
            return
        timeout = self._timeout_ms()
        if timeout <= 0:
            self._timer.stop()
        else:
            self._timer.start(timeout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_INPUT:
            self.poke()
        return False


class GlobalKeys(QObject):
    """F1 (help) and Ctrl+L (lock) from anywhere in this window or its dialogs.

    An application event filter rather than QShortcut: a shortcut on the window is
    blocked while a page's modal dialog is open, and locking must still work then.
    """

    help_pressed = Signal()
    lock_pressed = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_F1 and mods == Qt.KeyboardModifier.NoModifier:
            signal = self.help_pressed
        elif event.key() == Qt.Key.Key_L and mods == Qt.KeyboardModifier.ControlModifier:
            signal = self.lock_pressed
        else:
            return False
        if not self._owns(watched):
            return False
        signal.emit()
        return True

    def _owns(self, widget: QWidget) -> bool:
        window: QWidget | None = widget.window()
        while window is not None:
            if window is self._window:
                return True
            parent = window.parentWidget()
            window = parent.window() if parent is not None else None
        return False
