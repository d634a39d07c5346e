"""A hand-driven stand-in for APScheduler: jobs run only when a test says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


class ManualScheduler:
    """Implements ``app.reminders.scheduler.Backend``. ``run_due(now)`` runs the one-off
    jobs due by ``now`` (oldest first, each once, as APScheduler's date jobs do);
    ``tick()`` runs the periodic checks once."""

    def __init__(self) -> None:
        self.jobs: dict[str, tuple[dt.datetime, Callable[[], None]]] = {}
        self.checks: list[tuple[float, Callable[[], object]]] = []
        self.started = False
        self.stopped = False
        self.replaced = 0

    def start(self) -> None:
        assert not self.started, "started twice"
        self.started = True

    def shutdown(self) -> None:
        assert self.started and not self.stopped, "shut down when not running"
        self.stopped = True

    def replace(self, jobs: list[tuple[str, dt.datetime, Callable[[], None]]]) -> None:
        self.replaced += 1
        self.jobs = {}
        for job_id, when, fn in jobs:
            self.add(job_id, when, fn)

    def add(self, job_id: str, when: dt.datetime, fn: Callable[[], None]) -> None:
        assert when.tzinfo is not None, "jobs are planned in aware time"
        assert job_id not in self.jobs, "job ids are never reused"
        self.jobs[job_id] = (when, fn)

    def every(self, seconds: float, fn: Callable[[], object]) -> None:
        self.checks.append((seconds, fn))

    def times(self) -> list[dt.datetime]:
        return sorted(when for when, _ in self.jobs.values())

    def run_due(self, now: dt.datetime) -> int:
        ran = 0
        while due := sorted((w, i) for i, (w, _) in self.jobs.items() if w <= now):
            assert ran < 10_000, "jobs keep planning more jobs in the past"
            _, job_id = due[0]
            _, fn = self.jobs.pop(job_id)
            fn()
            ran += 1
        return ran

    def tick(self) -> None:
        for _, fn in self.checks:
            fn()
