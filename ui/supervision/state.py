"""The team connection a Supervision page works with, and how its calls are run.

``TeamState`` is a child of the page, so it goes when the page goes (on lock, with
every widget). It never closes the team store itself: ``Tend.lock`` does that.

Which lane: team-store calls run on ``ctx.read`` (the reader pool), never on
``ctx.write``. The team store has its own transactions and write lock (SQLite
``BEGIN IMMEDIATE``, PostgreSQL's constraints), and a slow network round trip on
the private writer lane would hold up every check-in and note save behind it.
Private writes that follow a team call (an agenda note, the reminders) go on
``ctx.write`` as usual.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from app.domain import Changes
from app.errors import UserFacingError
from app.supervision.policy import AttendanceStatus

if TYPE_CHECKING:
    from app.supervision.service import Booking, SupervisionService
    from app.team.store import TeamStore
    from ui.context import UiContext

log = logging.getLogger(__name__)


class TeamState(QObject):
    ready = Signal()  # a team store is open (``team``/``service`` are set)
    bookings_changed = Signal()  # something on the team store changed: reload

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team: TeamStore | None = None
        self.service: SupervisionService | None = None
        self._connection = 0  # which connection a result belongs to

    def attach(self, team: TeamStore) -> None:
        """Use ``team`` (just opened on a worker thread) from now on."""
        from app.supervision.service import SupervisionService

        self._connection += 1
        self.team = team
        self.service = SupervisionService(team, self.ctx.tend.clock)
        self.ready.emit()

    def detach(self) -> None:
        self._connection += 1
        self.team = None
        self.service = None

    def _current(self, connection: int) -> bool:
        return isValid(self) and connection == self._connection

    def run(
        self,
        fn: Callable[[SupervisionService], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``fn(service)`` on a reader thread. Callbacks run only while this state lives
        and is still on the same connection (a result of an earlier login is dropped).

        Errors go to ``on_error``, else ``ctx.report_error`` (a UserFacingError becomes
        a calm banner).
        """
        service = self.service
        if service is None:
            return
        connection = self._connection

        def done(value: Any) -> None:
            if self._current(connection) and on_done is not None:
                on_done(value)

        def failed(exc: BaseException) -> None:
            if self._current(connection):
                (on_error or self.ctx.report_error)(exc)

        self.ctx.read(lambda: fn(service), done, failed)

    def changed_team(self) -> None:
        """Tell every page a team-store change landed (team calls don't pass ``ctx.write``)."""
        self.ctx.changed.emit(Changes(supervision=True))

    def sync_reminders(self, bookings: Sequence[Booking]) -> None:
        """Hand my upcoming booked sessions to the reminders (private store, writer lane)."""
        sync_reminders(self.ctx, bookings)


def sync_reminders(ctx: UiContext, bookings: Sequence[Booking]) -> None:
    store = ctx.tend.store
    reminders = getattr(store, "reminders", None)
    if reminders is None or not hasattr(reminders, "sync_supervision"):
        return  # the reminders don't know about supervision yet
    now = ctx.tend.clock.now()
    upcoming = [
        (b.attendance_id, b.start)
        for b in bookings
        if b.status is AttendanceStatus.BOOKED and b.start > now
    ]

    def sync() -> Any:
        if ctx.tend.store is None:  # locked meanwhile
            return None
        return reminders.sync_supervision(upcoming)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):  # locked meanwhile, say: the next load syncs
            log.info("supervision reminders not synced (%s)", type(exc).__name__)
        else:
            ctx.report_error(exc)

    ctx.write(sync, on_error=failed)
