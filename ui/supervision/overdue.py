"""The people I supervise and where each stands, those past their due date first.

Only bookings are used: when the last session was, when the next is due, and
what's booked. Never anything from anyone's private check-ins or notes. The
words say dates, not blame: "Alex — last supervision 23 days ago; due by
2 December".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.supervision.dates import clock_time, day_month, weekday_day_month
from ui.style import label, mark
from ui.supervision.calls import Calls

if TYPE_CHECKING:
    from app.supervision.policy import Standing
    from app.supervision.service import SupervisionService
    from app.team.store import Person


def _last(standing: Standing) -> str:
    days = standing.days_since
    if days is None:
        return "no supervision on record yet"
    if days <= 0:
        return "last supervision today"
    if days == 1:
        return "last supervision yesterday"
    return f"last supervision {days} days ago"


def standing_line(name: str, standing: Standing, today: dt.date, zone: dt.tzinfo) -> str:
    """ "Alex — last supervision 23 days ago; due by 2 December"."""
    if standing.next_booked is not None:
        local = standing.next_booked.astimezone(zone)
        day = weekday_day_month(local.date(), year=local.year != today.year)
        nxt = f"booked for {day} at {clock_time(local)}"
    elif standing.due_by == today:
        nxt = "due today"
    else:
        nxt = f"due by {day_month(standing.due_by, year=standing.due_by.year != today.year)}"
    return f"{name} — {_last(standing)}; {nxt}"


def rhythm(standing: Standing) -> str:
    every = standing.every_days
    if every == 7:
        return "Weekly"
    if every == 14:
        return "Fortnightly"
    return f"Every {every} days"


class SuperviseesSection(QWidget):
    """Who I supervise: those due now first, then everyone else."""

    def __init__(self, calls: Calls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        self.loaded = False
        self.rows: list[QFrame] = []
        self.lines: list[str] = []
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(
            label(
                self.tr(
                    "When each person you supervise last met with you, and when the next "
                    "session is due under your organisation's rhythm. This comes from "
                    "bookings only."
                ),
                "muted",
            )
        )
        self.due_heading = label(self.tr("Due for supervision now"), "heading")
        layout.addWidget(self.due_heading)
        self.due = QVBoxLayout()
        layout.addLayout(self.due)
        self.others_heading = label(self.tr("Everyone else"), "heading")
        layout.addWidget(self.others_heading)
        self.others = QVBoxLayout()
        layout.addLayout(self.others)
        self.empty = label(
            self.tr(
                "No one is paired with you yet. When your administrator (or a caseworker on "
                "this computer) chooses you as their supervisor, they'll show here."
            ),
            "muted",
        )
        layout.addWidget(self.empty)
        layout.addStretch(1)

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation

        def load(service: SupervisionService) -> list[tuple[Person, Standing]]:
            return service.supervisees()

        self.calls.read(load, lambda found: self._on_loaded(generation, found))

    def _on_loaded(self, generation: int, found: list[tuple[Person, Standing]]) -> None:
        if not isValid(self) or generation != self._generation:
            return
        for row in self.rows:
            row.hide()  # out of the layout now, gone at the next turn of the event loop
            row.setParent(None)
            row.deleteLater()
        self.rows, self.lines = [], []
        zone = self.calls.zone()
        today = self.calls.ctx.tend.clock.now().astimezone(zone).date()
        # The service already puts those past their due date first; keep its order.
        for person, standing in found:
            text = standing_line(person.display_name, standing, today, zone)
            into = self.due if standing.overdue else self.others
            into.addWidget(self._row(text, standing))
            self.lines.append(text)
        due = any(s.overdue for _p, s in found)
        self.due_heading.setVisible(due)
        self.others_heading.setVisible(any(not s.overdue for _p, s in found))
        self.empty.setVisible(not found)
        self.loaded = True

    def _row(self, text: str, standing: Standing) -> QFrame:
        row = QFrame(self)
        row.setObjectName("supervisionRow")
        line = QHBoxLayout(row)
        line.setContentsMargins(10, 6, 10, 6)
        words = label(text)
        words.setAccessibleName(text)
        line.addWidget(words, 1)
        every = QLabel(self.tr(rhythm(standing)), row)
        every.setAccessibleName(self.tr("Rhythm: {r}").format(r=rhythm(standing)))
        mark(every, "muted")
        line.addWidget(every)
        self.rows.append(row)
        return row
