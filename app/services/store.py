"""The unlocked private store: an engine plus the services that use it."""

from __future__ import annotations

from app.clock import Clock
from app.paths import AppPaths
from app.reminders.service import ReminderService
from app.security.vault import DataKey
from app.selfcare.service import SelfCareService
from app.services.agenda import AgendaService
from app.services.checkins import CheckinService
from app.services.journal import JournalService
from app.services.measures import MeasureService
from app.signals.service import SignalService
from app.store import migrate
from app.store.engine import open_engine


class PrivateStore:
    """Open with a data key; ``close()`` on lock drops every connection."""

    def __init__(self, paths: AppPaths, key: DataKey, clock: Clock) -> None:
        self.paths = paths
        self.clock = clock
        self.engine = open_engine(paths.private_db, key)
        try:
            migrate.upgrade(self.engine, paths.backups)
        except BaseException:
            self.engine.dispose()
            raise
        self.checkins = CheckinService(self.engine, clock)
        self.journal = JournalService(self.engine, clock)
        self.measures = MeasureService(self.engine, clock)
        self.signals = SignalService(self.engine, clock, self.checkins, self.measures)
        self.selfcare = SelfCareService(self.engine, clock)
        self.agenda = AgendaService(self.engine, clock)
        self.reminders = ReminderService(
            self.engine, clock, self.checkins, self.measures, prompts=lambda: self.selfcare
        )

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    def close(self) -> None:
        self.engine.dispose()
