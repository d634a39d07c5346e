"""What the caseworker tab does: book, cancel, reschedule, agenda notes, calendar files.

Dialogs collect the choice; the work runs off the GUI thread (team store on a reader
thread through ``TeamState.run``, the private agenda note on ``ctx.write``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from shiboken6 import isValid

from app.domain import Changes
from app.errors import SlotTaken
from app.supervision.dates import clock_time, weekday_day_month
from app.supervision.model import Slot
from app.supervision.policy import AttendanceStatus
from app.supervision.service import Booking
from ui.supervision.dialogs import AgendaDialog, BookDialog, CancelDialog, RescheduleDialog
from ui.supervision.wording import places, when, where

if TYPE_CHECKING:
    from app.services.store import PrivateStore
    from ui.supervision.caseworker import CaseworkerPanel

log = logging.getLogger(__name__)

ICS_FILTER = "Calendar file (*.ics)"


def ask_calendar_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save an .ics file (module-level, so tests can swap it)."""
    name, _chosen = QFileDialog.getSaveFileName(
        parent, parent.tr("Add to calendar"), str(suggested), ICS_FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".ics" else path.with_name(path.name + ".ics")


def move_agenda(store: PrivateStore, old_id: str, new_id: str) -> Changes:
    """A rescheduled booking keeps its agenda note (private store only)."""
    text = store.agenda.get(old_id)
    if not text:
        return Changes()
    store.agenda.save(new_id, text)
    return store.agenda.save(old_id, "")


class BookingActions:
    def __init__(self, panel: CaseworkerPanel) -> None:
        self.panel = panel
        self.state = panel.state
        self.ctx = panel.ctx
        self.dialog: QDialog | None = None  # the one open now (tests reach in here)
        self.draft_agenda = ""  # kept if the time was taken, so the words aren't lost

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _details(self, b: Booking) -> str:
        today = self.panel.now().astimezone(self.panel.zone()).date()
        text = when(b.start, b.end, self.panel.zone(), today)
        return f"{text} with {b.supervisor_name} · {where(b.modality, b.location)}"

    def _slot_details(self, slot: Slot) -> str:
        zone = self.panel.zone()
        today = self.panel.now().astimezone(zone).date()
        parts = [when(slot.start, slot.end, zone, today), where(slot.modality, slot.location)]
        if extra := places(slot):
            parts.append(extra)
        name = self.panel.picker.supervisor.currentText()
        return " · ".join(parts) + (f"\nwith {name}" if name else "")

    # -- booking -------------------------------------------------------------------------
    def book(self, slot: Slot) -> None:
        supervisor_id = self.panel.picker.supervisor_id()
        if supervisor_id is None:
            return
        dialog = BookDialog(self._slot_details(slot), self.draft_agenda, self.panel)
        dialog.accepted.connect(lambda: self._book(supervisor_id, slot, dialog.agenda_text()))
        self._open(dialog)

    def _book(self, supervisor_id: str, slot: Slot, agenda: str) -> None:
        self.draft_agenda = agenda
        self.state.run(
            lambda s: s.book(supervisor_id, slot),
            lambda b: self._on_booked(b, agenda),
            self._on_booking_failed,
        )

    def _on_booked(self, booking: Booking, agenda: str) -> None:
        self.draft_agenda = ""
        if agenda:
            self._save_agenda(booking.attendance_id, agenda)
        local = booking.start.astimezone(self.panel.zone())
        self.ctx.notify(
            self.panel.tr("Booked for {day} at {time}.").format(
                day=weekday_day_month(local.date()), time=clock_time(local)
            ),
            source=self.panel,
        )
        log.info("supervision booked from the caseworker tab")
        self.state.changed_team()

    def _on_booking_failed(self, exc: BaseException) -> None:
        self.ctx.report_error(exc, source=self.panel)  # SlotTaken: "That time was just taken…"
        if isinstance(exc, SlotTaken) and isValid(self.panel):
            self.panel.refresh()
            self.panel.focus_slots()

    def _save_agenda(self, attendance_id: str, text: str) -> None:
        store = self.ctx.tend.require_store()
        self.ctx.write(lambda: store.agenda.save(attendance_id, text))

    # -- cancelling and moving -------------------------------------------------------------
    def cancel(self, booking: Booking) -> None:
        dialog = CancelDialog(self._details(booking), self.panel)
        dialog.accepted.connect(lambda: self._cancel(booking, dialog.reason_text()))
        self._open(dialog)

    def _cancel(self, booking: Booking, reason: str | None) -> None:
        def done(_result: object) -> None:
            self.ctx.notify(
                self.panel.tr("Cancelled. Your supervisor will see it's off."), source=self.panel
            )
            self.state.changed_team()

        self.state.run(lambda s: s.cancel(booking.attendance_id, reason), done)

    def reschedule(self, booking: Booking) -> None:
        dialog = RescheduleDialog(self._details(booking), self.panel)
        dialog.chosen.connect(lambda slot: self._reschedule(booking, slot))
        self._open(dialog)
        zone = self.panel.zone()
        today = self.panel.now().astimezone(zone).date()

        def shown(slots: list[Slot]) -> None:
            if isValid(dialog):
                dialog.picker.show_slots(slots, zone, today, supervisor=booking.supervisor_name)

        self.state.run(lambda s: s.free_slots(booking.supervisor_id), shown)

    def _reschedule(self, booking: Booking, slot: Slot) -> None:
        def done(moved: Booking) -> None:
            store = self.ctx.tend.require_store()
            old, new = booking.attendance_id, moved.attendance_id
            self.ctx.write(lambda: move_agenda(store, old, new))
            local = moved.start.astimezone(self.panel.zone())
            self.ctx.notify(
                self.panel.tr("Moved to {day} at {time}.").format(
                    day=weekday_day_month(local.date()), time=clock_time(local)
                ),
                source=self.panel,
            )
            self.state.changed_team()

        def failed(exc: BaseException) -> None:
            self.ctx.report_error(exc, source=self.panel)
            if isinstance(exc, SlotTaken) and isValid(self.panel):
                self.panel.refresh()

        self.state.run(
            lambda s: s.reschedule(booking.attendance_id, booking.supervisor_id, slot), done, failed
        )

    # -- the private agenda note -------------------------------------------------------------
    def edit_agenda(self, booking: Booking) -> None:
        dialog = AgendaDialog(self._details(booking), self.panel)
        store = self.ctx.tend.require_store()
        attendance_id = booking.attendance_id
        dialog.accepted.connect(lambda: self._save_agenda(attendance_id, dialog.agenda_text()))
        self._open(dialog)

        def shown(text: str) -> None:
            if isValid(dialog):
                dialog.show_text(text)

        self.ctx.read(lambda: store.agenda.get(attendance_id), shown)

    # -- calendar files ------------------------------------------------------------------------
    def export_calendar(self, bookings: Sequence[Booking]) -> None:
        name = "supervision.ics" if len(bookings) != 1 else "supervision-session.ics"
        path = ask_calendar_path(self.panel, Path.home() / name)
        if path is not None:
            self.save_calendar(bookings, path)

    def export_all(self) -> None:
        self.export_calendar(
            [b for b in self.panel.bookings.bookings() if b.status is AttendanceStatus.BOOKED]
        )

    def save_calendar(self, bookings: Sequence[Booking], path: Path) -> None:
        """Write an .ics of ``bookings`` to ``path`` (off the GUI thread)."""
        from app.fsutil import atomic_write_bytes

        chosen = list(bookings)

        def done(_result: object) -> None:
            self.ctx.notify(
                self.panel.tr("Saved {name}. Open it to add to your calendar.").format(
                    name=path.name
                ),
                source=self.panel,
            )

        self.state.run(lambda s: atomic_write_bytes(path, s.calendar_for(chosen)), done)
