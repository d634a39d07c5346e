"""Application-wide input watchers: auto-lock after idle time, and the global keys.

``IdleWatcher``: an application event filter notices user input (keys, mouse,
wheel, touch) and restarts a single-shot timer. The timeout comes from a callable
so a change in settings applies at the next input, and tests can inject a short one.
``GlobalKeys``: F1, Ctrl+L, Enter on a button and Ctrl+Enter in a dialog, the
same from anywhere in the window, its dialogs included.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QToolButton,
    QWidget,
)

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
    """The keys that behave the same everywhere in this window and its dialogs.

    - F1: help; Ctrl+L: lock; Ctrl+Q: quit (what's unsaved is saved first).
    - Enter on a focused push or tool button presses it (Qt leaves that to dialogs).
    - Ctrl+Enter in a dialog presses its primary action, when no shortcut of the
      dialog's own took the key first.
    - Tab leaves a date or time box (Qt would move between its day, month and year;
      the arrow keys still do that).

    An application event filter rather than QShortcut: a shortcut on the window is
    blocked while a page's modal dialog is open, and locking must still work then.
    """

    help_pressed = Signal()
    lock_pressed = Signal()
    quit_pressed = Signal()

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
        if not self._owns(watched):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key == Qt.Key.Key_F1 and mods == Qt.KeyboardModifier.NoModifier:
            self.help_pressed.emit()
            return True
        if key == Qt.Key.Key_L and mods == Qt.KeyboardModifier.ControlModifier:
            self.lock_pressed.emit()
            return True
        if key == Qt.Key.Key_Q and mods == Qt.KeyboardModifier.ControlModifier:
            self.quit_pressed.emit()
            return True
        if (
            key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and isinstance(watched, QDateTimeEdit)
            and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        ):
            forward = key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier
            return QWidget.focusNextPrevChild(watched, forward)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.isAutoRepeat() and isinstance(watched, QPushButton | QToolButton):
                return True  # a held Enter presses a button once
            if mods == Qt.KeyboardModifier.NoModifier:
                return _press_focused_button(watched)
            if mods == Qt.KeyboardModifier.ControlModifier:
                return _press_primary_action(watched)
        return False

    def _owns(self, widget: QWidget) -> bool:
        return belongs_to(widget, self._window)


def belongs_to(widget: QWidget, window: QWidget) -> bool:
    """``widget`` is in ``window`` or in one of its dialogs (whose parents may be dialogs)."""
    current: QWidget | None = widget.window()
    while current is not None:
        if current is window:
            return True
        parent = current.parentWidget()
        current = parent.window() if parent is not None else None
    return False


def _press_focused_button(widget: QWidget) -> bool:
    """Enter on a push/tool button outside a dialog: press it, as Space would."""
    if not isinstance(widget, QPushButton | QToolButton) or not widget.hasFocus():
        return False
    if isinstance(widget, QPushButton) and (widget.autoDefault() or widget.isDefault()):
        return False  # Qt presses these itself
    if widget.isEnabled():
        widget.animateClick()
    return True


def primary_action(dialog: QWidget) -> QAbstractButton | None:
    """The button Ctrl+Enter presses in ``dialog``: one marked primary, else the
    button box's accepting button, else the default button."""
    visible = [
        b
        for b in dialog.findChildren(QAbstractButton)
        if b.isVisibleTo(dialog)
        and b.isEnabled()
        and b.window() is dialog
        and b.property("role") != "destructive"  # never by a shortcut, only by choice
    ]
    for candidate in visible:
        if candidate.property("role") == "primary":
            return candidate
    for box in dialog.findChildren(QDialogButtonBox):
        for candidate in box.buttons():
            role = box.buttonRole(candidate)
            if candidate in visible and role in (
                QDialogButtonBox.ButtonRole.AcceptRole,
                QDialogButtonBox.ButtonRole.YesRole,
                QDialogButtonBox.ButtonRole.ApplyRole,
            ):
                return candidate
    for candidate in visible:
        if isinstance(candidate, QPushButton) and candidate.isDefault():
            return candidate
    return None


def _press_primary_action(widget: QWidget) -> bool:
    dialog = widget.window()
    if not isinstance(dialog, QDialog):
        return False
    target = primary_action(dialog)
    if target is None:
        return False
    target.animateClick()
    return True
