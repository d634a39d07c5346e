"""Showing a reminder, and acting on the answer.

Where a desktop has a system tray, a tray notification carries the reminder's
GENERIC title and body (notification daemons keep history that others may
see; a private ``detail`` never goes there). Always — and only, where there is
no tray — an in-app card appears in the window (``ReminderNotices``), and
``QApplication.alert`` asks the taskbar for attention. Neither raises nor
activates the window: a minimised window shows the card when it is restored.

Done, Skip and Snooze are saved through ``store.reminders`` on the writer
lane; Open goes to the reminder's page. Time comes from ``ctx.tend.clock``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.domain import Changes
from ui.reminders_notice import ReminderNotices

if TYPE_CHECKING:
    from app.reminders.model import Reminder
    from app.reminders.service import ReminderService
    from ui.context import UiContext

log = logging.getLogger(__name__)


class Tray(Protocol):
    """What the notifier needs of a tray icon (QSystemTrayIcon, or a test's fake)."""

    def showMessage(self, title: str, msg: str) -> None: ...


def _qt_alert(widget: QWidget, msec: int) -> None:
    # Looked up at call time, so a test can swap in a recorder for QApplication.alert.
    QApplication.alert(widget, msec)


def _system_tray_available() -> bool:
    from PySide6.QtWidgets import QSystemTrayIcon

    return bool(QSystemTrayIcon.isSystemTrayAvailable())


class Notifier(QObject):
    shown = Signal(object)  # a Reminder, after it was delivered
    answered = Signal(str, str)  # (action, rule id), after the answer was saved

    def __init__(
        self,
        ctx: UiContext,
        window: QWidget,
        notices: ReminderNotices,
        *,
        service: Callable[[], ReminderService] | None = None,
        tray_available: Callable[[], bool] = _system_tray_available,
        tray_factory: Callable[[], Tray] | None = None,
        alert: Callable[[QWidget, int], None] = _qt_alert,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = window
        self.notices = notices
        self._service = service or (lambda: ctx.tend.require_store().reminders)
        self._tray_available = tray_available
        self._tray_factory = tray_factory or self._make_tray
        self._alert = alert
        self.tray: Tray | None = None
        notices.responded.connect(self.on_notices_responded)

    # -- delivering ----------------------------------------------------------------------
    def notify(self, reminder: Reminder) -> None:
        if self._tray_available():
            if self.tray is None:
                self.tray = self._tray_factory()
            # Generic words only: title and body are written to be safe on a shared screen.
            self.tray.showMessage(reminder.title, reminder.body)
        self.notices.add(reminder)
        # The taskbar's gentle "look at me" (a no-op when the window is already active).
        self._alert(self.window.window(), 0)
        log.info("reminder shown (%s)", reminder.kind)
        self.shown.emit(reminder)

    def _make_tray(self) -> Tray:
        from PySide6.QtWidgets import QSystemTrayIcon

        from ui.style import icon

        tray = QSystemTrayIcon(icon("tend"), self)
        tray.setToolTip("Tend")
        tray.messageClicked.connect(self.on_tray_message_clicked)
        tray.activated.connect(lambda _reason: self.on_tray_message_clicked())
        tray.show()
        return tray

    def on_tray_message_clicked(self) -> None:
        """The person clicked the notification: bring Tend forward (their choice, not ours)."""
        window = self.window.window()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def hide_tray(self) -> None:
        tray: Any = self.tray
        if tray is not None and hasattr(tray, "hide"):
            tray.hide()
        self.tray = None

    # -- answers ---------------------------------------------------------------------------
    def on_notices_responded(self, action: str, reminder: Reminder, choice: object) -> None:
        """Done, Skip, Snooze or Open; a catch-up notice answers for every rule it stands for."""
        from app.reminders.due import SnoozeChoice

        if action not in ("done", "skip", "snooze", "open"):
            raise ValueError(f"unknown reminder answer {action!r}")
        self.notices.remove(reminder.rule_id)
        if action == "open" and reminder.target:
            self.ctx.navigate_requested.emit(reminder.target)
        rule_ids = reminder.rule_ids or (reminder.rule_id,)
        now = self.ctx.tend.clock.now()
        service = self._service
        snooze = SnoozeChoice(str(choice)) if action == "snooze" else None

        def job() -> Changes:
            reminders = service()
            changes = Changes()
            for rule_id in rule_ids:
                if snooze is not None:
                    changes |= reminders.snooze_for(rule_id, snooze, now)
                elif action == "skip":
                    changes |= reminders.skip(rule_id, now)
                else:  # done, or opened: the reminder has done its job
                    changes |= reminders.done(rule_id, now)
            return changes

        self.ctx.write(job, lambda _r: self.answered.emit(action, reminder.rule_id))
