"""Availability: the forms to add weekly times, once-only times and time away, and a
list of everything published, in plain words, each with Remove.

Reads and changes go through the service on a worker (``Calls``). Removing offers
Undo, which publishes the same time again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.supervision.dates import clock_time, day_month, weekday_day_month
from app.supervision.model import MODALITY_LABEL, Window, WindowKind
from app.supervision.recurrence import describe_rule
from ui.style import button, label
from ui.supervision.calls import Calls
from ui.supervision.windows_form import LeaveForm, WindowForm

if TYPE_CHECKING:
    from app.supervision.service import SupervisionService

ORDER = {WindowKind.WEEKLY: 0, WindowKind.EXTRA: 1, WindowKind.LEAVE: 2}
MAX_SHOWN_PLACE = 60


def _how(window: Window) -> str:
    how = MODALITY_LABEL[window.modality]
    place = " ".join(window.location.split())
    if place:
        if len(place) > MAX_SHOWN_PLACE:
            place = place[: MAX_SHOWN_PLACE - 1] + "…"
        how += f", {place}"
    size = "one person" if window.capacity == 1 else f"a group of up to {window.capacity}"
    return f"{how} · {size}"


def describe_window(window: Window, today: dt.date) -> str:
    """ "Every Tuesday and Thursday, 9:00–12:00 · Video call · one person"."""
    hours = f"{clock_time(window.start)}–{clock_time(window.end)}"
    if window.kind is WindowKind.LEAVE:
        first, last = window.start.date(), (window.end - dt.timedelta(minutes=1)).date()
        year = first.year != today.year or last.year != today.year
        if first == last:
            return f"Away on {weekday_day_month(first, year=year)}"
        return f"Away from {day_month(first, year=year)} until {day_month(last, year=year)}"
    if window.kind is WindowKind.EXTRA:
        day = weekday_day_month(window.start.date(), year=window.start.year != today.year)
        return f"Once, on {day}, {hours} · {_how(window)}"
    text = f"{describe_rule(window.rrule or '')}, {hours} · {_how(window)}"
    first = window.start.date()
    if first > today:
        text += f" · from {day_month(first, year=first.year != today.year)}"
    return text


def sort_windows(windows: list[Window]) -> list[Window]:
    return sorted(windows, key=lambda w: (ORDER[w.kind], w.start, w.id))


class WindowList(QWidget):
    """What's published: one line each, with a Remove button named for that line."""

    remove_requested = Signal(object)  # Window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.rows: list[tuple[Window, QWidget, str]] = []
        self.empty = label(
            self.tr("Nothing published yet. Add a weekly time and people can book it."), "muted"
        )
        self.layout_.addWidget(self.empty)

    def show_windows(self, windows: list[Window], today: dt.date) -> None:
        for _window, row, _text in self.rows:
            row.hide()  # out of the layout now, gone at the next turn of the event loop
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for window in sort_windows(windows):
            text = describe_window(window, today)
            row = self._row(window, text)
            self.rows.append((window, row, text))
            self.layout_.addWidget(row)
        self.empty.setVisible(not windows)

    def _row(self, window: Window, text: str) -> QWidget:
        row = QFrame(self)
        row.setObjectName("supervisionRow")
        line = QHBoxLayout(row)
        line.setContentsMargins(10, 6, 6, 6)
        words = label(text)
        words.setObjectName("windowText")
        line.addWidget(words, 1)
        remove = button(self.tr("Remove"), self.tr("Remove: {what}").format(what=text))
        remove.setObjectName("removeWindow")
        remove.clicked.connect(lambda: self.remove_requested.emit(window))
        line.addWidget(remove)
        return row

    def texts(self) -> list[str]:
        return [text for _w, _row, text in self.rows]

    def remove_button(self, index: int) -> QWidget:
        return self.rows[index][1].findChild(QWidget, "removeWindow")


class AvailabilitySection(QWidget):
    """Add times and time away; see and remove what's published."""

    def __init__(self, calls: Calls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        self.windows: list[Window] = []
        self.loaded = False
        self._generation = 0
        today = self._today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = WindowForm(today, self)
        self.form.add_requested.connect(self.add_window)
        self.leave = LeaveForm(today, self)
        self.leave.add_requested.connect(self.add_window)
        layout.addWidget(label(self.tr("What you've published"), "heading"))
        self.list = WindowList(self)
        self.list.remove_requested.connect(self.remove_window)
        layout.addWidget(self.list)
        layout.addWidget(self.form)
        layout.addWidget(self.leave)

    def _today(self) -> dt.date:
        return self.calls.ctx.tend.clock.now().date()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation

        def load(service: SupervisionService) -> list[Window]:
            return service.windows()

        self.calls.read(load, lambda found: self._on_loaded(generation, found))

    def _on_loaded(self, generation: int, windows: list[Window]) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.windows = list(windows)
        self.list.show_windows(self.windows, self._today())
        self.loaded = True

    def add_window(self, window: Window) -> None:
        form = self.leave if window.kind is WindowKind.LEAVE else self.form

        def added(saved: Window) -> None:
            if isValid(self):  # the panel redraws the list on ctx.changed
                form.show_added(describe_window(saved, self._today()))

        self.calls.write(
            lambda service: service.add_window(window),
            added,
            self.calls.calm_or_report(form.problem.show),
        )

    def remove_window(self, window: Window) -> None:
        ctx = self.calls.ctx
        again = dataclasses.replace(window, id="")

        def removed(_result: object) -> None:
            if not isValid(self):
                return
            ctx.undo_offered.emit(
                self.tr("Removed: {what}.").format(what=describe_window(window, self._today())),
                lambda: self.calls.write(lambda service: service.add_window(again)),
            )

        self.calls.write(lambda service: service.remove_window(window.id), removed)
