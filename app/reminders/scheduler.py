"""Waking the app when a reminder may be due. No Qt, and nothing private.

One one-off job per enabled rule, at its ``next_due``; the jobs are rebuilt from
the rules (never pickled): ``rebuild(rules)`` replaces them all. When a job runs,
the scheduler calls every ``on_wake`` callback with no arguments, from one of its
own threads (never the caller's): "something may be due". The app then asks
``store.reminders.due_now`` on its own threads, which decides what to show. After
a wake the rule's next job is planned straight away, so it keeps going even if no
rebuild follows.

A periodic check (every ``check_seconds``) compares the wall clock with the
monotonic clock. If they drifted apart (sleep and resume, a manual clock change)
or the UTC offset changed (daylight saving, travel), every job is re-planned
from now and the app is woken once, so whatever came due in between is shown once.

The job machinery is a small ``Backend``: APScheduler 3's ``BackgroundScheduler``
with a memory job store in the app (imported only in ``start``, after unlock),
and a hand-driven fake in tests.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from app.clock import Clock
from app.reminders.due import local_zone, next_due
from app.reminders.model import Rule

log = logging.getLogger(__name__)

Job = tuple[str, dt.datetime, Callable[[], None]]


class Backend(Protocol):
    """The little a reminder scheduler needs from a job scheduler."""

    def start(self) -> None: ...
    def shutdown(self) -> None: ...
    def replace(self, jobs: list[Job]) -> None:
        """Drop every one-off job and add these (id, when: aware UTC, fn)."""
        ...

    def add(self, job_id: str, when: dt.datetime, fn: Callable[[], None]) -> None: ...
    def every(self, seconds: float, fn: Callable[[], object]) -> None: ...


class APSchedulerBackend:
    """APScheduler 3: a BackgroundScheduler with a memory job store only, jobs run one
    at a time on one worker thread, and a thread for the periodic clock check.
    (QtScheduler leaks timers under PySide6.)"""

    def __init__(self) -> None:
        from apscheduler.executors.pool import (  # type: ignore[import-untyped]
            ThreadPoolExecutor,
        )
        from apscheduler.jobstores.memory import MemoryJobStore  # type: ignore[import-untyped]
        from apscheduler.schedulers.background import (  # type: ignore[import-untyped]
            BackgroundScheduler,
        )

        # Its INFO lines ("Added job ...") would be one per rule on every rebuild.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        self._aps: Any = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"default": ThreadPoolExecutor(1, {"thread_name_prefix": "tend-reminders"})},
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
            timezone=dt.UTC,
            daemon=True,
        )
        self._stopping = threading.Event()
        self._ticker: threading.Thread | None = None

    def start(self) -> None:
        self._aps.start()

    def shutdown(self) -> None:
        self._stopping.set()
        if self._ticker is not None:
            self._ticker.join()
        # Pause and empty first: APScheduler marks itself stopped before taking its lock, so a
        # job firing during shutdown could otherwise raise JobLookupError in its thread.
        self._aps.pause()
        self._aps.remove_all_jobs()
        self._aps.shutdown(wait=True)  # joins the scheduler thread and the worker

    def replace(self, jobs: list[Job]) -> None:
        # Paused, adding a job doesn't wake the scheduler thread: one wake for the lot.
        self._aps.pause()
        try:
            self._aps.remove_all_jobs(jobstore="default")
            for job_id, when, fn in jobs:
                self._add(job_id, when, fn)
        finally:
            self._aps.resume()

    def add(self, job_id: str, when: dt.datetime, fn: Callable[[], None]) -> None:
        self._add(job_id, when, fn)

    def _add(self, job_id: str, when: dt.datetime, fn: Callable[[], None]) -> None:
        self._aps.add_job(fn, "date", run_date=when, id=job_id, name="reminder")

    def every(self, seconds: float, fn: Callable[[], object]) -> None:
        # A thread of its own, waiting on the monotonic clock: APScheduler's interval
        # jobs follow the wall clock, so after the clock is set back they would wait
        # for the old time to come round again before noticing.
        def tick() -> None:
            while not self._stopping.wait(seconds):
                try:
                    fn()
                except Exception:
                    log.exception("the reminder clock check failed")

        self._ticker = threading.Thread(target=tick, name="tend-reminders-clock", daemon=True)
        self._ticker.start()


class ReminderScheduler:
    def __init__(
        self,
        backend_factory: Callable[[], Backend] = APSchedulerBackend,
        *,
        check_seconds: float = 60.0,
        jump_seconds: float = 30.0,
        local_tz: dt.tzinfo | None = None,
    ) -> None:
        self._factory = backend_factory
        self._check_seconds = check_seconds
        self._jump = jump_seconds
        self._local_tz = local_tz
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []
        self._backend: Backend | None = None
        self._clock: Clock | None = None
        self._rules: dict[str, Rule] = {}
        self._paused: dt.datetime | None = None
        self._planned: dict[str, dt.datetime] = {}
        self._ids = itertools.count()
        self._anchor: tuple[dt.datetime, float, dt.timedelta | None] | None = None

    # -- public ------------------------------------------------------------------------
    def on_wake(self, callback: Callable[[], None]) -> None:
        """``callback()`` runs on a scheduler thread whenever something may be due. It must
        only hand over (emit a signal, set an event): it may run on either of two threads."""
        self._callbacks.append(callback)

    @property
    def running(self) -> bool:
        return self._backend is not None

    def start(
        self, rules: Iterable[Rule], clock: Clock, *, paused_until: dt.datetime | None = None
    ) -> None:
        if self._backend is not None:
            raise RuntimeError("the reminder scheduler is already running")
        backend = self._factory()
        backend.start()
        with self._lock:
            self._backend, self._clock = backend, clock
            self._anchor = self._reading(clock)
        backend.every(self._check_seconds, self.check_clock)
        self.rebuild(rules, paused_until=paused_until)
        log.info("reminder scheduler started")

    def rebuild(self, rules: Iterable[Rule], *, paused_until: dt.datetime | None = None) -> None:
        """Replace every job with one per enabled rule, at its next fire from now."""
        with self._lock:
            self._rules = {r.id: r for r in rules}
            self._paused = paused_until
            self._replan()

    def stop(self) -> None:
        """Stop and join the scheduler's threads. Safe to call twice."""
        with self._lock:
            backend, self._backend = self._backend, None
            self._planned = {}
        if backend is not None:
            backend.shutdown()
            log.info("reminder scheduler stopped")

    def planned(self) -> dict[str, dt.datetime]:
        """Each rule's next wake (aware UTC), by rule id."""
        with self._lock:
            return dict(self._planned)

    def check_clock(self) -> bool:
        """Re-plan and wake once if the wall clock jumped or the UTC offset changed."""
        with self._lock:
            if self._backend is None or self._clock is None or self._anchor is None:
                return False
            wall, mono, offset = self._reading(self._clock)
            then_wall, then_mono, then_offset = self._anchor
            drift = (wall - then_wall).total_seconds() - (mono - then_mono)
            self._anchor = (wall, mono, offset)
            jumped = abs(drift) > self._jump or offset != then_offset
            if jumped:
                log.info("clock jumped by about %d s; re-planning reminders", round(drift))
                self._replan()
        if jumped:
            self._wake()
        return jumped

    # -- internals ---------------------------------------------------------------------
    @staticmethod
    def _reading(clock: Clock) -> tuple[dt.datetime, float, dt.timedelta | None]:
        now = clock.now()
        # In UTC: subtracting two times in the same zone would count wall-clock hours.
        return now.astimezone(dt.UTC), clock.monotonic(), now.utcoffset()

    def _next(self, rule: Rule, now: dt.datetime) -> dt.datetime | None:
        zone = self._local_tz or local_zone(now)
        return next_due(rule, rule.last_fired_at, now, paused_until=self._paused, local_tz=zone)

    def _job(self, rule_id: str, when: dt.datetime) -> Job:
        self._planned[rule_id] = when
        # A closure, not functools.partial: APScheduler inspects each job's signature,
        # and a partial of a bound method costs twice as much to inspect.
        return f"{rule_id}#{next(self._ids)}", when, lambda: self._fire(rule_id, when)

    def _replan(self) -> None:
        """Under the lock: every job again, from now."""
        if self._backend is None or self._clock is None:
            return
        now = self._clock.now()
        self._planned = {}
        jobs = []
        for rule in self._rules.values():
            when = self._next(rule, now)
            if when is not None:
                jobs.append(self._job(rule.id, when))
        self._backend.replace(jobs)

    def _fire(self, rule_id: str, when: dt.datetime) -> None:
        with self._lock:
            rule = self._rules.get(rule_id)
            if self._backend is None or self._clock is None or rule is None:
                return
            if self._planned.get(rule_id) != when:
                return  # re-planned since this job was made
            # As due_now will record it: fired now, any snooze used up.
            rule = Rule(rule.id, rule.kind, rule.enabled, rule.schedule, rule.params, when)
            self._rules[rule_id] = rule
            del self._planned[rule_id]
            later = self._next(rule, max(self._clock.now(), when))
            if later is not None:
                self._backend.add(*self._job(rule_id, later))
        self._wake()

    def _wake(self) -> None:
        for callback in list(self._callbacks):
            try:
                callback()
            except Exception:
                log.exception("a reminder wake callback failed")
