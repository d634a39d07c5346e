"""Pausing every reminder ("I'm on leave") until a date, with a warm line while resting.

The person picks the day they're back (a week ahead to start with); reminders
start again at the beginning of that day. While paused, the section says so
warmly and offers to start again early. Coming back shows no backlog and no
count: only a welcome.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.reminder_delivery import WELCOME_BACK, local_day, resting_line
from ui.pages.reminders_wording import PAUSE_INTRO
from ui.style import button, label
from ui.widgets.dates import DateBox

DEFAULT_DAYS = 7
LONGEST_DAYS = 730  # the service accepts up to two years


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class PauseSection(QGroupBox):
    pause_requested = Signal(object)  # the date the person is back (dt.date)
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Taking a break"))
        self.setObjectName("pauseSection")
        self.paused_until: dt.datetime | None = None

        self.intro = label(self.tr(PAUSE_INTRO), "muted")
        self.resting = label("", "ok")
        self.resting.setObjectName("restingLine")
        self.welcome = label("", "ok")
        self.welcome.setObjectName("welcomeBack")
        self.back_on = DateBox(self)  # "30 September 2026" whole, at any window size
        self.back_on.setCalendarPopup(True)
        self.back_on.setDisplayFormat("d MMMM yyyy")
        self.back_on.setAccessibleName(self.tr("The day you're back"))
        self.back_on_label = QLabel(self.tr("&Back on:"), self)
        self.back_on_label.setBuddy(self.back_on)
        self.pause_button = button(
            self.tr("&Pause everything — I'm on leave"), self.tr("Pause every reminder until then")
        )
        self.pause_button.clicked.connect(self.on_pause_clicked)
        self.resume_button = button(
            self.tr("&Start reminders again now"), self.tr("Start reminders again now")
        )
        self.resume_button.clicked.connect(self.resume_requested)

        row = QHBoxLayout()
        row.addWidget(self.back_on_label)
        row.addWidget(self.back_on)
        row.addWidget(self.pause_button)
        row.addStretch(1)
        resume_row = QHBoxLayout()
        resume_row.addWidget(self.resume_button)
        resume_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.resting)
        layout.addWidget(self.welcome)
        layout.addLayout(row)
        layout.addLayout(resume_row)
        self.welcome.hide()

    def show_state(self, paused_until: dt.datetime | None, now: dt.datetime) -> None:
        """Paused (with its end) or not; ``now`` gives today and the person's zone."""
        self.paused_until = paused_until
        today = now.date()
        self.back_on.setMinimumDate(_qdate(today + dt.timedelta(days=1)))
        self.back_on.setMaximumDate(_qdate(today + dt.timedelta(days=LONGEST_DAYS)))
        paused = paused_until is not None
        if paused_until is not None:
            line = self.tr(resting_line(paused_until, now))
            self.resting.setText(line)
            self.resting.setAccessibleName(line)
            self.back_on.setDate(_qdate(local_day(paused_until, now)))
            self.pause_button.setText(self.tr("&Change the date"))
            self.pause_button.setAccessibleName(self.tr("Rest until this date instead"))
            self.welcome.hide()
        else:
            self.back_on.setDate(_qdate(today + dt.timedelta(days=DEFAULT_DAYS)))
            self.pause_button.setText(self.tr("&Pause everything — I'm on leave"))
            self.pause_button.setAccessibleName(self.tr("Pause every reminder until then"))
        self.resting.setVisible(paused)
        self.intro.setVisible(not paused)
        self.resume_button.setVisible(paused)

    def show_welcome(self) -> None:
        """After starting again early: nothing owed, nothing counted."""
        text = self.tr(WELCOME_BACK)
        self.welcome.setText(text)
        self.welcome.setAccessibleName(text)
        self.welcome.show()

    def on_pause_clicked(self) -> None:
        self.pause_requested.emit(_date(self.back_on.date()))
