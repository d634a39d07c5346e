"""My sessions as a supervisor: what's coming up and what's recent, who, when and how.

A session coming up can be cancelled with a reason (everyone on it sees the
reason). Once a session has started, each person on it can be marked as held or
missed; a mark can be changed. Everything runs through the service on a worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.supervision.policy import AttendanceStatus
from ui.style import button, label
from ui.supervision.calls import Calls
from ui.supervision.wording import moved_words, when, where

if TYPE_CHECKING:
    from app.supervision.service import Booking, SupervisionService

RECENT_DAYS = 35
AHEAD_DAYS = 366
MAX_REASON = 500
REASON_HINT = (
    "For example: “I'm unwell today, and I'm sorry to move this. "
    "Please book another time that suits you.”"
)
MARKED = {
    AttendanceStatus.BOOKED: "Not marked yet",
    AttendanceStatus.HELD: "Held",
    AttendanceStatus.MISSED: "Missed",
}


def group_sessions(bookings: Sequence[Booking]) -> list[list[Booking]]:
    """Bookings gathered by session, in time order (a group session has several)."""
    by_session: dict[str, list[Booking]] = {}
    for b in sorted(bookings, key=lambda b: (b.start, b.person_name)):
        by_session.setdefault(b.session_id, []).append(b)
    return list(by_session.values())


def status_words(b: Booking, zone: dt.tzinfo, today: dt.date) -> str:
    if b.moved:  # rescheduled by the person: "Moved to Tuesday 1 December at 10:00"
        words = moved_words(b, zone, today)
        return words[:1].upper() + words[1:]
    if b.status is AttendanceStatus.CANCELLED:
        return f"Cancelled: {b.reason}" if b.reason else "Cancelled"
    return MARKED[b.status]


class CancelSessionDialog(QDialog):
    """Asks for the reason people will see; it can't be sent empty."""

    def __init__(self, details: str, people: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Cancel this session")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(label(details, "subheading", self))
        layout.addWidget(
            label(
                self.tr("{people} will see that it's cancelled, with your reason.").format(
                    people=people
                ),
                parent=self,
            )
        )
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr(REASON_HINT))
        self.reason.setAccessibleName(self.tr("Reason for cancelling (needed)"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(110)
        caption = QLabel(self.tr("&Reason (needed):"), self)
        caption.setBuddy(self.reason)
        layout.addWidget(caption)
        layout.addWidget(self.reason)
        self.problem = label("", "error", self)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.ok_button = button(
            self.tr("&Cancel the session"), self.tr("Cancel the session"), "primary"
        )
        self.keep_button = button(self.tr("&Keep it"), self.tr("Keep the session"), "quiet")
        self.ok_button.clicked.connect(self.accept)
        self.keep_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep_button)
        row.addWidget(self.ok_button)
        layout.addLayout(row)
        self.setMinimumWidth(460)

    def reason_text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    def accept(self) -> None:
        text = self.reason_text()
        if not text or len(text) > MAX_REASON:
            message = (
                self.tr("Please give a short reason, so people know why.")
                if not text
                else self.tr("Please keep the reason to 500 characters.")
            )
            self.problem.setText(message)
            self.problem.setAccessibleName(message)
            self.problem.show()
            self.reason.setFocus()
            return
        super().accept()


class SessionCard(QFrame):
    """One session: when and how, then each person on it with what happened."""

    cancel_requested = Signal(str)  # session id
    mark_requested = Signal(str, str)  # attendance id, AttendanceStatus value

    def __init__(
        self,
        bookings: list[Booking],
        heading: str,
        how: str,
        started: bool,
        parent: QWidget | None = None,
        *,
        zone: dt.tzinfo,
        today: dt.date,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionRow")
        self.bookings = bookings
        self.zone, self.today = zone, today  # for the words of a moved booking
        first = bookings[0]
        cancelled = all(b.status is AttendanceStatus.CANCELLED for b in bookings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        words = QVBoxLayout()
        words.setSpacing(0)
        self.heading = label(heading, "subheading" if not cancelled else "muted")
        self.how = label(how, "muted")
        words.addWidget(self.heading)
        words.addWidget(self.how)
        top.addLayout(words, 1)
        self.cancel_button: QWidget | None = None
        if not started and not cancelled:
            self.cancel_button = button(
                self.tr("Cancel with a reason…"),
                self.tr("Cancel with a reason: {when}").format(when=heading),
            )
            self.cancel_button.clicked.connect(lambda: self.cancel_requested.emit(first.session_id))
            top.addWidget(self.cancel_button)
        layout.addLayout(top)
        self.lines: dict[str, QLabel] = {}
        self.mark_buttons: dict[tuple[str, AttendanceStatus], QWidget] = {}
        for b in bookings:
            layout.addLayout(self._person_row(b, started))

    def _person_row(self, b: Booking, started: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        text = b.person_name
        if started or b.status is AttendanceStatus.CANCELLED:
            text += f" — {status_words(b, self.zone, self.today)}"
        words = label(text, "muted" if b.status is AttendanceStatus.CANCELLED else "")
        self.lines[b.attendance_id] = words
        row.addWidget(words, 1)
        if started and b.status is not AttendanceStatus.CANCELLED:
            for status, caption in (
                (AttendanceStatus.HELD, "Mark as held"),
                (AttendanceStatus.MISSED, "Mark as missed"),
            ):
                if b.status is status:
                    continue
                action = button(
                    self.tr(caption),
                    self.tr("{caption}: {name}").format(caption=caption, name=b.person_name),
                )
                ident = b.attendance_id
                action.clicked.connect(
                    lambda _c=False, i=ident, s=status: self.mark_requested.emit(i, s.value)
                )
                self.mark_buttons[(b.attendance_id, status)] = action
                row.addWidget(action)
        return row


class SessionsSection(QWidget):
    """Coming up and recent sessions; cancel with a reason; mark held or missed."""

    def __init__(self, calls: Calls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        self.loaded = False
        self.cards: list[SessionCard] = []
        self.dialog: CancelSessionDialog | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(label(self.tr("Coming up"), "heading"))
        self.upcoming = QVBoxLayout()
        layout.addLayout(self.upcoming)
        self.no_upcoming = label(self.tr("Nothing booked with you yet."), "muted")
        layout.addWidget(self.no_upcoming)
        layout.addWidget(label(self.tr("Recent"), "heading"))
        self.recent = QVBoxLayout()
        layout.addLayout(self.recent)
        self.no_recent = label(self.tr("No sessions in the last five weeks."), "muted")
        layout.addWidget(self.no_recent)
        layout.addStretch(1)

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        now = self.calls.ctx.tend.clock.now()
        start, end = now - dt.timedelta(days=RECENT_DAYS), now + dt.timedelta(days=AHEAD_DAYS)

        def load(service: SupervisionService) -> list[Booking]:
            return service.sessions_between(start, end)

        self.calls.read(load, lambda found: self._on_loaded(generation, found))

    def _on_loaded(self, generation: int, bookings: list[Booking]) -> None:
        if not isValid(self) or generation != self._generation:
            return
        for card in self.cards:
            card.hide()  # out of the layout now, gone at the next turn of the event loop
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        now = self.calls.ctx.tend.clock.now()
        zone, today = self.calls.zone(), now.date()
        sessions = group_sessions(bookings)
        coming = [s for s in sessions if s[0].start > now]
        recent = [s for s in reversed(sessions) if s[0].start <= now]
        for group, into in ((coming, self.upcoming), (recent, self.recent)):
            for bookings_ in group:
                into.addWidget(self._card(bookings_, zone, today, started=into is self.recent))
        self.no_upcoming.setVisible(not coming)
        self.no_recent.setVisible(not recent)
        self.loaded = True

    def _card(
        self, bookings: list[Booking], zone: dt.tzinfo, today: dt.date, *, started: bool
    ) -> SessionCard:
        first = bookings[0]
        heading = when(first.start, first.end, zone, today)
        how = where(first.modality, first.location)
        if first.group:
            how += " · " + self.tr("group")
        card = SessionCard(bookings, heading, how, started, self, zone=zone, today=today)
        card.cancel_requested.connect(lambda sid: self.ask_cancel(sid, heading))
        card.mark_requested.connect(self.mark)
        self.cards.append(card)
        return card

    # -- asking ----------------------------------------------------------------------------
    def ask_cancel(self, session_id: str, heading: str) -> CancelSessionDialog:
        card = next(c for c in self.cards if c.bookings[0].session_id == session_id)
        live = [b.person_name for b in card.bookings if b.status is AttendanceStatus.BOOKED]
        people = ", ".join(live) if live else self.tr("Everyone booked")
        dialog = CancelSessionDialog(heading, people, self)
        dialog.accepted.connect(lambda: self.cancel(session_id, dialog.reason_text()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def cancel(self, session_id: str, reason: str) -> None:
        # The panel redraws on ctx.changed, which every change through ``Calls`` sends.
        self.calls.write(lambda service: service.cancel_session(session_id, reason))

    def mark(self, attendance_id: str, status: str) -> None:
        chosen = AttendanceStatus(status)
        self.calls.write(lambda service: service.mark(attendance_id, chosen))
