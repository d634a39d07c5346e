"""The Supervising tab: a host for a supervisor's three views.

"Availability" (how sessions are offered, the times published, time away),
"Sessions" (what's booked with me: cancel with a reason, mark held or missed)
and "Supervisees" (who is due, overdue first; bookings only). The sections do
their own loading through ``Calls`` (the service, on a worker); this panel
only hosts them and tells them when to reload: when the team store opens
(``state.ready``) and whenever a supervision change lands (``ctx.changed``
with ``supervision``, or ``state.bookings_changed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.domain import Changes
from ui.style import centred_scroll, themed
from ui.supervision.calls import Calls
from ui.supervision.offer import OfferForm
from ui.supervision.overdue import SuperviseesSection
from ui.supervision.sessions import SessionsSection
from ui.supervision.windows import AvailabilitySection

if TYPE_CHECKING:
    from ui.context import UiContext
    from ui.supervision.state import TeamState

TABS = ("availability", "sessions", "supervisees")
STYLE = """
#supervisionRow { background: $surface; border: 1px solid $border_soft; border-radius: 6px; }
QLabel[role="subheading"] { font-weight: 600; }
"""


def _page(*sections: QWidget) -> QWidget:
    content = QWidget()
    layout = QVBoxLayout(content)
    layout.setContentsMargins(16, 12, 16, 16)
    layout.setSpacing(12)
    for section in sections:
        layout.addWidget(section)
    layout.addStretch(1)
    return centred_scroll(content, 860, sideways=False)


class SupervisorPanel(QWidget):
    def __init__(self, ctx: UiContext, state: TeamState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        self.calls = Calls(ctx, state)
        themed(self, STYLE)
        self.offer = OfferForm(self.calls)
        self.availability = AvailabilitySection(self.calls)
        self.sessions = SessionsSection(self.calls)
        self.supervisees = SuperviseesSection(self.calls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Supervising"))
        self.tabs.addTab(_page(self.offer, self.availability), self.tr("Availability"))
        self.tabs.addTab(_page(self.sessions), self.tr("Sessions"))
        self.tabs.addTab(_page(self.supervisees), self.tr("Supervisees"))
        layout.addWidget(self.tabs)
        state.ready.connect(self.refresh)
        state.bookings_changed.connect(self.refresh_lists)
        ctx.changed.connect(self._on_ctx_changed)
        if state.service is not None:
            self.refresh()

    @property
    def loaded(self) -> bool:
        return all(
            s.loaded for s in (self.offer, self.availability, self.sessions, self.supervisees)
        )

    def show_tab(self, name: str) -> None:
        """``name``: "availability", "sessions" or "supervisees"."""
        if name in TABS:
            self.tabs.setCurrentIndex(TABS.index(name))

    def refresh(self) -> None:
        """Everything, the offer settings too (they're only reloaded here: unsaved edits
        in the form aren't overwritten by someone else's change)."""
        if not isValid(self):
            return
        self.offer.refresh()
        self.refresh_lists()

    def refresh_lists(self) -> None:
        if not isValid(self):
            return
        self.availability.refresh()
        self.sessions.refresh()
        self.supervisees.refresh()

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.supervision or changes.everything:
            self.refresh_lists()
