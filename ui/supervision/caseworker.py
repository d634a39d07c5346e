"""The "My supervision" tab: where I stand, my supervisors' free times, my bookings.

Team-store calls go through ``TeamState.run`` (a reader thread); the private agenda
note and the reminders go through ``ctx.write`` (the private store's writer lane).
The agenda note never goes near the team store.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.domain import Changes
from app.supervision.model import Slot
from app.supervision.policy import AttendanceStatus, Standing, describe
from app.supervision.service import Booking, SupervisionService
from app.team.store import Person
from ui.style import button, centred_scroll, label, mark
from ui.supervision.actions import BookingActions
from ui.supervision.bookings_view import BookingList
from ui.supervision.slots_view import SlotPicker
from ui.supervision.state import TeamState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    standing: Standing
    supervisors: list[Person]
    supervisor_id: str | None
    slots: list[Slot]
    bookings: list[Booking]
    agenda_ids: set[str] = field(default_factory=set)


class CaseworkerPanel(QWidget):
    def __init__(self, state: TeamState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.ctx = state.ctx
        self.loaded: Loaded | None = None
        self._generation = 0
        self._build()
        self.flows = BookingActions(self)
        self.picker.chosen.connect(self.flows.book)
        self.picker.supervisor_changed.connect(self.load_slots)
        self.bookings.cancel_requested.connect(self.flows.cancel)
        self.bookings.reschedule_requested.connect(self.flows.reschedule)
        self.bookings.agenda_requested.connect(self.flows.edit_agenda)
        self.bookings.calendar_requested.connect(lambda b: self.flows.export_calendar([b]))
        self.bookings.calendar_all_requested.connect(self.flows.export_all)
        self.bookings.show_past_toggled.connect(lambda _on: self.refresh())

    def _build(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 12, 20, 16)
        layout.setSpacing(8)
        self.standing = label("", "", content)
        self.book_button = button(self.tr("&Book a session"), self.tr("Book a session"))
        mark(self.book_button, "primary")
        self.book_button.clicked.connect(self.focus_slots)
        top = QHBoxLayout()
        top.addWidget(self.standing, 1)
        top.addWidget(self.book_button)
        layout.addLayout(top)
        # Bookings first (what's coming matters most), kept compact; free times take the rest.
        self.bookings = BookingList(content)
        layout.addWidget(self.bookings)
        layout.addWidget(label(self.tr("Free times"), "heading", content))
        self.picker = SlotPicker(self.tr("Book &this time…"), self.tr("Book this time"), content)
        layout.addWidget(self.picker, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centred_scroll(content, 900, sideways=False))
        self.setFocusProxy(self.picker)

    # -- what's shown ------------------------------------------------------------------
    def zone(self) -> dt.tzinfo:
        service = self.state.service
        return service.zone if service is not None else dt.UTC

    def now(self) -> dt.datetime:
        return self.ctx.tend.clock.now()

    def focus_slots(self) -> None:
        self.picker.list.setFocus()

    def refresh(self) -> None:
        """Load standing, supervisors, free times and bookings in one reader job."""
        self._generation += 1
        generation = self._generation
        wanted = self.picker.supervisor_id()
        include_past = self.bookings.show_past.isChecked()
        store = self.ctx.tend.store

        def load(service: SupervisionService) -> Loaded:
            supervisors = service.my_supervisors()
            ids = [p.id for p in supervisors]
            chosen = wanted if wanted in ids else (ids[0] if ids else None)
            bookings = service.my_bookings(include_past=include_past)
            agenda = store.agenda.ids() if store is not None else set()
            return Loaded(
                service.my_standing(),
                supervisors,
                chosen,
                service.free_slots(chosen) if chosen else [],
                bookings,
                agenda,
            )

        self.state.run(load, lambda found: self._on_loaded(generation, found))

    def _on_loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation or not isValid(self):
            return
        self.loaded = loaded
        now, zone = self.now(), self.zone()
        today = now.astimezone(zone).date()
        text = describe(loaded.standing, today, zone)
        self.standing.setText(text)
        self.standing.setAccessibleName(text)
        self.picker.show_supervisors(loaded.supervisors)
        if loaded.supervisor_id:
            name = next(
                (p.display_name for p in loaded.supervisors if p.id == loaded.supervisor_id), ""
            )
            self.picker.show_slots(loaded.slots, zone, today, supervisor=name)
        self.bookings.show_bookings(loaded.bookings, zone, now, loaded.agenda_ids)
        self.state.sync_reminders(loaded.bookings)

    def load_slots(self, supervisor_id: str) -> None:
        self._generation += 1
        generation = self._generation
        self.picker.show_loading()
        people = self.loaded.supervisors if self.loaded is not None else []
        name = next((p.display_name for p in people if p.id == supervisor_id), "")

        def shown(slots: list[Slot]) -> None:
            if generation == self._generation and isValid(self):
                today = self.now().astimezone(self.zone()).date()
                self.picker.show_slots(slots, self.zone(), today, supervisor=name)

        self.state.run(lambda s: s.free_slots(supervisor_id), shown)

    def on_changed(self, changes: Changes) -> None:
        if changes.supervision or changes.everything:
            self.refresh()

    def upcoming(self) -> list[Booking]:
        now = self.now()
        return [
            b
            for b in self.bookings.bookings()
            if b.status is AttendanceStatus.BOOKED and b.start > now
        ]
