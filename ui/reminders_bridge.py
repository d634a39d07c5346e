"""Reminders reach the window: the scheduler wakes, the GUI thread asks what is due.

Chosen behaviour (issue 4's privacy rule): the scheduler runs ONLY while Tend
is unlocked. ``install`` is called right after unlock (the workspace is built
then); ``stop`` on lock or close. On start, ``catch_up`` is asked once: at most
one gentle notice for whatever came due while Tend was closed or locked.

``app.reminders.scheduler.ReminderScheduler`` (a BackgroundScheduler) calls
``on_wake`` from its own thread with nothing but "something may be due". That
thread only emits ``woke``; Qt queues it to the GUI thread, which then runs
``store.reminders.due_now(now)`` on the writer lane (it records what it shows,
so each reminder appears once) and hands the results to the ``Notifier``.
Rules changed anywhere (``ctx.changed`` with ``reminders``) rebuild the jobs.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.domain import Changes
from app.errors import Locked
from ui.notify import Notifier
from ui.reminders_notice import ReminderNotices

if TYPE_CHECKING:
    import datetime as dt

    from app.clock import Clock
    from app.reminders.model import Reminder, Rule
    from app.services.store import PrivateStore
    from ui.context import UiContext

log = logging.getLogger(__name__)


class Scheduler(Protocol):
    """``app.reminders.scheduler.ReminderScheduler``'s shape (tests pass a manual one)."""

    def on_wake(self, callback: Callable[[], None]) -> None: ...
    def start(
        self, rules: list[Rule], clock: Clock, *, paused_until: dt.datetime | None = None
    ) -> None: ...
    def rebuild(self, rules: list[Rule], *, paused_until: dt.datetime | None = None) -> None: ...
    def stop(self) -> None: ...


def _real_scheduler() -> Scheduler:
    # Imported here, after unlock: APScheduler never loads before the first paint.
    from app.reminders.scheduler import ReminderScheduler

    scheduler: Any = ReminderScheduler()
    return scheduler  # type: ignore[no-any-return]


Plan = tuple[list["Rule"], "dt.datetime | None"]  # the rules, and when a pause ends


def _plan(store: PrivateStore) -> Plan:
    """What the scheduler plans from (runs on a worker)."""
    return store.reminders.rules(), store.reminders.paused_until()


@dataclass(frozen=True)
class FirstLook:
    caught: Reminder | None  # the one catch-up notice, if anything came due meanwhile
    welcome: bool  # a pause ran its course: say welcome back, once
    plan: Plan
    changes: Changes  # from making the starting set of rules (the first time only)


class ReminderBridge(QObject):
    woke = Signal()  # emitted from the scheduler's thread; delivered on the GUI thread
    started = Signal()  # the first catch-up is done and the scheduler runs
    welcomed = Signal()  # a pause that ended was greeted once

    def __init__(
        self,
        ctx: UiContext,
        notifier: Notifier,
        *,
        scheduler_factory: Callable[[], Scheduler] = _real_scheduler,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notifier = notifier
        self.notices = notifier.notices
        self._factory = scheduler_factory
        self.scheduler: Scheduler | None = None
        self.running = False  # between start() and stop()
        self._checking = False  # a due_now is on its way; another wake waits for it
        self._again = False
        self.woke.connect(self.on_woke)
        ctx.changed.connect(self.on_ctx_changed)

    # -- life --------------------------------------------------------------------------
    def start(self) -> None:
        """After unlock: catch up once, then start the scheduler with the stored rules."""
        if self.running:
            return
        self.running = True
        now = self.ctx.tend.clock.now()
        tend = self.ctx.tend

        def job() -> FirstLook:
            from app.reminder_delivery import end_finished_pause

            store = tend.require_store()
            made = store.reminders.ensure_defaults()
            caught = store.reminders.catch_up(now)
            # After catch_up, which needs the pause's end to know what not to show.
            welcome = end_finished_pause(store, now)
            return FirstLook(caught, welcome, _plan(store), made)

        self.ctx.write(job, self._on_first_look, self._on_error)

    def _on_first_look(self, look: FirstLook) -> None:
        if look.changes.reminders:  # the starting set was just made: pages show it
            self.ctx.changed.emit(look.changes)
        if not self.running:  # locked before the answer came back
            return
        caught, welcome, (rules, paused_until) = look.caught, look.welcome, look.plan
        if caught is not None:
            self.notifier.notify(caught)
        elif welcome:
            from app.reminder_delivery import WELCOME_BACK

            self.ctx.notify(self.tr(WELCOME_BACK))
        if welcome:
            self.welcomed.emit()
        self.scheduler = self._factory()
        # A safety net: if the workspace is deleted without stop(), the thread still ends.
        self.destroyed.connect(functools.partial(_stop_quietly, self.scheduler))
        self.scheduler.on_wake(self._wake_from_scheduler_thread)
        self.scheduler.start(rules, self.ctx.tend.clock, paused_until=paused_until)
        log.info("reminder scheduler started with %d rules", len(rules))
        self.started.emit()

    def stop(self) -> None:
        """Before lock or close. Joins the scheduler's thread; safe to call twice."""
        self.running = False
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None:
            scheduler.stop()
            log.info("reminder scheduler stopped")
        self.notifier.hide_tray()

    # -- waking ------------------------------------------------------------------------
    def _wake_from_scheduler_thread(self) -> None:
        """Runs on the scheduler's thread: touch nothing, just hand over to the GUI thread."""
        if not self.running:
            return
        # RuntimeError: the bridge was deleted between the check and the emit.
        with contextlib.suppress(RuntimeError):
            self.woke.emit()

    def on_woke(self) -> None:
        if not self.running:
            return
        if self._checking:  # one question at a time; ask once more when it's answered
            self._again = True
            return
        self._checking = True
        now = self.ctx.tend.clock.now()
        tend = self.ctx.tend
        self.ctx.write(
            lambda: tend.require_store().reminders.due_now(now), self._on_due, self._on_error
        )

    def _on_due(self, reminders: list[Reminder]) -> None:
        self._checking = False
        if self.running:
            for reminder in reminders:
                self.notifier.notify(reminder)
        if self._again:
            self._again = False
            self.on_woke()

    def _on_error(self, exc: BaseException) -> None:
        self._checking = False
        if isinstance(exc, Locked):  # locking won the race: nothing to show, nothing wrong
            return
        self.ctx.report_error(exc)

    # -- rules changed -----------------------------------------------------------------
    def on_ctx_changed(self, changes: Changes) -> None:
        if not (changes.reminders or changes.everything):
            return
        if not self.running or self.scheduler is None:
            return
        tend = self.ctx.tend
        self.ctx.read(lambda: _plan(tend.require_store()), self._on_plan_read, self._on_error)

    def _on_plan_read(self, plan: Plan) -> None:
        rules, paused_until = plan
        if self.running and self.scheduler is not None:
            self.scheduler.rebuild(rules, paused_until=paused_until)


def _stop_quietly(scheduler: Scheduler, *_args: object) -> None:
    try:
        scheduler.stop()
    except Exception:  # on the way out: log, never raise into Qt's destructor
        log.exception("reminder scheduler did not stop cleanly")


def install(
    workspace: QWidget,
    ctx: UiContext,
    *,
    scheduler_factory: Callable[[], Scheduler] = _real_scheduler,
    notifier_options: dict[str, Any] | None = None,
) -> ReminderBridge:
    """Build the notices strip, the notifier and the bridge over ``workspace``; start it.

    The caller places ``bridge.notices`` in its layout (under the banner) and calls
    ``bridge.stop()`` before the store is locked and when the window closes.
    """
    notices = ReminderNotices(workspace)
    notifier = Notifier(ctx, workspace, notices, parent=workspace, **(notifier_options or {}))
    bridge = ReminderBridge(ctx, notifier, scheduler_factory=scheduler_factory, parent=workspace)
    bridge.start()
    return bridge
