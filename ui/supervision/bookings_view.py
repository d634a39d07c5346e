"""My bookings: upcoming (and, if asked, past), with what I can do about each.

Cancelled bookings (a rescheduled one too: it reads "moved to …", with the new time)
are folded away under "Show cancelled", and never the one picked out for you.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.supervision.policy import AttendanceStatus
from app.supervision.service import Booking
from ui.style import button, label
from ui.supervision.wording import STATUS_LABEL, moved_words, when, where

BOOKING_ROLE = Qt.ItemDataRole.UserRole
MAX_ROWS_SHOWN = 4
NONE_YET = "Nothing booked yet. When you book a time, it shows here."
ONLY_CANCELLED = "Nothing booked just now. Cancelled bookings are under “Show cancelled”."


def booking_line(b: Booking, zone: dt.tzinfo, today: dt.date, *, agenda: bool) -> str:
    """Two lines: when and with whom (and what became of it); then where."""
    first = [when(b.start, b.end, zone, today), f"with {b.supervisor_name}"]
    if b.moved:
        first.append(moved_words(b, zone, today))
    elif b.status is not AttendanceStatus.BOOKED:
        reason = f" ({b.reason})" if b.reason else ""
        first.append(STATUS_LABEL[b.status] + reason)
    second = [where(b.modality, b.location)]
    if b.group:
        second.append("group")
    if agenda:
        second.append("agenda noted")
    return " · ".join(first) + "\n" + " · ".join(second)


class BookingList(QWidget):
    cancel_requested = Signal(object)  # Booking
    reschedule_requested = Signal(object)
    agenda_requested = Signal(object)
    calendar_requested = Signal(object)
    calendar_all_requested = Signal()
    show_past_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = dt.datetime.now(dt.UTC)
        self.zone: dt.tzinfo = dt.UTC
        self.loaded: list[Booking] = []  # everything loaded, shown or folded away
        self.agenda_ids: set[str] = set()
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Your bookings"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.empty = label(self.tr(NONE_YET), "muted", self)
        self.show_past = QCheckBox(self.tr("Show &past"), self)
        self.show_past.setAccessibleName(self.tr("Show past bookings too"))
        self.show_past.toggled.connect(self.show_past_toggled)
        self.show_cancelled = QCheckBox(self.tr("Show &cancelled"), self)
        self.show_cancelled.setAccessibleName(self.tr("Show cancelled bookings too"))
        self.show_cancelled.toggled.connect(lambda _on: self._show())
        self.show_cancelled.hide()  # until there is something cancelled to show
        self.agenda_button = button(self.tr("A&genda…"), self.tr("Agenda for this session"))
        self.reschedule_button = button(self.tr("Re&schedule…"), self.tr("Reschedule this session"))
        self.cancel_button = button(self.tr("Ca&ncel booking…"), self.tr("Cancel this booking"))
        self.calendar_button = button(
            self.tr("Add to ca&lendar…"), self.tr("Add this session to your calendar")
        )
        self.calendar_all_button = button(
            self.tr("Add &all to calendar…"), self.tr("Add all your sessions to your calendar")
        )
        self.agenda_button.clicked.connect(lambda: self._emit(self.agenda_requested))
        self.reschedule_button.clicked.connect(lambda: self._emit(self.reschedule_requested))
        self.cancel_button.clicked.connect(lambda: self._emit(self.cancel_requested))
        self.calendar_button.clicked.connect(lambda: self._emit(self.calendar_requested))
        self.calendar_all_button.clicked.connect(self.calendar_all_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(label(self.tr("Your bookings"), "heading", self), 1)
        head.addWidget(self.show_past)
        head.addWidget(self.show_cancelled)
        head.addWidget(self.calendar_all_button)
        layout.addLayout(head)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        for widget in (
            self.agenda_button,
            self.reschedule_button,
            self.cancel_button,
            self.calendar_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.setFocusProxy(self.list)
        self._update()

    def show_bookings(
        self, bookings: list[Booking], zone: dt.tzinfo, now: dt.datetime, agenda_ids: set[str]
    ) -> None:
        self.loaded, self.zone, self.now = list(bookings), zone, now
        self.agenda_ids = set(agenda_ids)
        self._show()

    def _show(self) -> None:
        """The loaded bookings, cancelled ones only when asked for. The one kept picked
        out is the one picked before; else the first that isn't cancelled."""
        keep = self.current()
        self.list.clear()
        today = self.now.astimezone(self.zone).date()
        cancelled = sum(b.status is AttendanceStatus.CANCELLED for b in self.loaded)
        self.show_cancelled.setVisible(cancelled > 0)
        self.show_cancelled.setText(
            self.tr("Show &cancelled ({count})").format(count=cancelled)
            if cancelled
            else self.tr("Show &cancelled")
        )
        folded = not self.show_cancelled.isChecked()
        shown = [b for b in self.loaded if not (folded and b.status is AttendanceStatus.CANCELLED)]
        chosen: QListWidgetItem | None = None
        for b in shown:
            text = booking_line(b, self.zone, today, agenda=b.attendance_id in self.agenda_ids)
            item = QListWidgetItem(text, self.list)
            item.setData(BOOKING_ROLE, b)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
            item.setToolTip(text)  # the whole line, when it is cut short
            if keep is not None and b.attendance_id == keep.attendance_id:
                chosen = item
        if chosen is None:  # the one picked before is gone: the first that isn't cancelled
            chosen = next(
                (
                    self.list.item(i)
                    for i, b in enumerate(shown)
                    if b.status is not AttendanceStatus.CANCELLED
                ),
                None,
            )
        if chosen is not None:  # else nothing is picked out (only cancelled ones shown)
            self.list.setCurrentItem(chosen)
        if not shown:
            self.empty.setText(self.tr(ONLY_CANCELLED) if self.loaded else self.tr(NONE_YET))
        self.empty.setVisible(not shown)
        self.list.setVisible(bool(shown))
        self._fit_rows(min(max(len(shown), 1), MAX_ROWS_SHOWN))
        self._update()

    def _fit_rows(self, rows: int) -> None:
        """As tall as its rows (up to a few): the free times below get the rest."""
        each = self.list.sizeHintForRow(0) if self.list.count() else 40
        self.list.setFixedHeight(rows * max(each, 20) + 2 * self.list.frameWidth() + 2)

    def bookings(self) -> list[Booking]:
        """Every booking loaded, cancelled ones too (shown or not)."""
        return list(self.loaded)

    def shown(self) -> list[Booking]:
        """The bookings in the list, in its order."""
        found = (self.list.item(i).data(BOOKING_ROLE) for i in range(self.list.count()))
        return [b for b in found if isinstance(b, Booking)]

    def current(self) -> Booking | None:
        item = self.list.currentItem()
        found = item.data(BOOKING_ROLE) if item is not None else None
        return found if isinstance(found, Booking) else None

    def select(self, attendance_id: str) -> bool:
        """Pick out a booking; a cancelled one unfolds the cancelled ones first."""
        found = next((b for b in self.loaded if b.attendance_id == attendance_id), None)
        if found is not None and found.status is AttendanceStatus.CANCELLED:
            self.show_cancelled.setChecked(True)
        for i in range(self.list.count()):
            b = self.list.item(i).data(BOOKING_ROLE)
            if isinstance(b, Booking) and b.attendance_id == attendance_id:
                self.list.setCurrentRow(i)
                return True
        return False

    def _update(self) -> None:
        b = self.current()
        live = b is not None and b.status is AttendanceStatus.BOOKED and b.start > self.now
        self.agenda_button.setEnabled(b is not None)
        self.reschedule_button.setEnabled(live)
        self.cancel_button.setEnabled(live)
        self.calendar_button.setEnabled(b is not None and b.status is AttendanceStatus.BOOKED)
        self.calendar_all_button.setEnabled(
            any(x.status is AttendanceStatus.BOOKED for x in self.bookings())
        )

    def _emit(self, signal: SignalInstance) -> None:
        b = self.current()
        if b is not None:
            signal.emit(b)
