"""Reminders reaching the window: wake → GUI thread → due_now → a quiet in-app notice.

Real SQLCipher store and the real ReminderScheduler, over the hand-driven
``ManualScheduler`` backend; wakes are fired from another thread, as
APScheduler's would be. No system tray exists here (offscreen), so the in-app
notice is the path; a fake tray checks what a notification would say.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QSystemTrayIcon, QVBoxLayout, QWidget

from app.reminder_delivery import WELCOME_BACK
from app.reminders.model import Reminder, ReminderKind, Rule, Schedule
from app.reminders.scheduler import ReminderScheduler
from tests.app.reminders.fakes import ManualScheduler
from ui.reminders_bridge import ReminderBridge, install

pytestmark = pytest.mark.gui

UTC = dt.UTC


class AlertRecorder:
    """Stands in for QApplication.alert: records which window asked for attention."""

    def __init__(self) -> None:
        self.calls: list[tuple[QWidget, int]] = []

    def __call__(self, widget: QWidget, msec: int) -> None:
        self.calls.append((widget, msec))


class FakeTray:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title: str, msg: str) -> None:  # Qt's name
        self.messages.append((title, msg))


class Harness:
    """A window with a text field (the person typing) and the reminders strip, plus the
    bridge over a manual scheduler backend."""

    def __init__(self, qtbot, ctx, *, tray: FakeTray | None = None) -> None:
        self.qtbot = qtbot
        self.ctx = ctx
        self.store = ctx.tend.require_store()
        self.clock = ctx.tend.clock
        self.backend = ManualScheduler()
        self.alert = AlertRecorder()
        self.window = QWidget()
        self.window.setObjectName("window")
        self.field = QLineEdit(self.window)
        self.field.setAccessibleName("A page's field")
        self.layout = QVBoxLayout(self.window)
        self.layout.addWidget(self.field)
        qtbot.addWidget(self.window)
        self.window.resize(1024, 640)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        self.field.setFocus()
        qtbot.waitUntil(self.field.hasFocus)
        options = {"alert": self.alert}
        if tray is not None:
            options |= {"tray_available": lambda: True, "tray_factory": lambda: tray}
        self.bridges: list[ReminderBridge] = []
        self.tray = tray
        self.options = options

    def start(self) -> ReminderBridge:
        self.backend = ManualScheduler()
        backend = self.backend
        bridge = install(
            self.window,
            self.ctx,
            scheduler_factory=lambda: ReminderScheduler(lambda: backend),
            notifier_options=self.options,
        )
        self.layout.addWidget(bridge.notices)
        self.bridges.append(bridge)
        self.qtbot.waitUntil(lambda: bridge.scheduler is not None)
        self.qtbot.waitUntil(self.ctx.tasks.idle)
        self.bridge = bridge
        return bridge

    def wake_from_another_thread(self) -> None:
        """Run the scheduler's due jobs on a thread of its own, as APScheduler does."""
        now = self.clock.now()
        thread = threading.Thread(target=self.backend.run_due, args=(now,))
        thread.start()
        thread.join()

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.bridge._checking and self.ctx.tasks.idle())

    def stop(self) -> None:
        for bridge in self.bridges:
            bridge.stop()


@pytest.fixture
def harness(qtbot, page_ctx):
    made = Harness(qtbot, page_ctx)
    yield made
    made.stop()


def _rule(store, *times: str, kind=ReminderKind.CHECKIN, quiet=None, days=None) -> Rule:
    schedule = Schedule(
        times=tuple(dt.time.fromisoformat(t) for t in times),
        weekdays=days or frozenset(range(7)),
        quiet_start=quiet[0] if quiet else None,
        quiet_end=quiet[1] if quiet else None,
    )
    rule, _ = store.reminders.save_rule(Rule("", kind, True, schedule, {}))
    return rule


def _only_card(h: Harness):
    h.qtbot.waitUntil(lambda: len(h.bridge.notices.cards) == 1)
    return next(iter(h.bridge.notices.cards.values()))


def test_a_reminder_arrives_while_the_window_is_open(harness):
    h = harness
    rule = _rule(h.store, "09:30")
    h.start()
    assert h.bridge.notices.isHidden()  # nothing due yet: nothing shown
    active_before = QApplication.activeWindow()

    h.clock.advance(minutes=30)
    h.wake_from_another_thread()
    card = _only_card(h)

    assert card.reminder.rule_id == rule.id
    assert card.isVisible()
    assert card.title.text() == "Time for a quick check-in"
    # Shown, not focused: the person's typing carries on where it was.
    assert h.field.hasFocus()
    assert QApplication.activeWindow() is active_before
    assert h.alert.calls == [(h.window, 0)]
    # Reachable by keyboard: every button takes Tab focus and has a name.
    for control in (card.done_button, card.snooze_button, card.skip_button, card.open_button):
        assert control.focusPolicy() != control.focusPolicy().NoFocus
        assert control.accessibleName()
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray here
    assert h.bridge.notifier.tray is None  # so the in-app notice is the whole delivery


def test_a_reminder_while_minimised_shows_on_restore_with_an_attention_hint(harness):
    h = harness
    _rule(h.store, "09:30")
    h.start()
    h.window.showMinimized()
    h.qtbot.waitUntil(h.window.isMinimized)

    h.clock.advance(minutes=30)
    h.wake_from_another_thread()
    card = _only_card(h)
    assert h.window.isMinimized()  # not restored or raised by the reminder itself
    assert h.alert.calls == [(h.window, 0)]
    assert card.isVisibleTo(h.window)

    h.window.showNormal()
    h.qtbot.waitUntil(lambda: not h.window.isMinimized())
    h.qtbot.waitUntil(card.isVisible)


def test_each_reminder_is_shown_once_however_often_the_app_is_woken(harness):
    h = harness
    _rule(h.store, "09:30")
    h.start()
    h.clock.advance(minutes=30)
    h.wake_from_another_thread()
    _only_card(h)
    h.bridge.woke.emit()  # a stray wake (e.g. the clock check) finds nothing new
    h.settle()
    assert len(h.bridge.notices.cards) == 1
    assert len(h.alert.calls) == 1


def test_done_saves_through_the_service_and_the_notice_goes(harness):
    h = harness
    rule = _rule(h.store, "09:30")
    h.start()
    h.clock.advance(minutes=30)
    h.wake_from_another_thread()
    card = _only_card(h)
    h.clock.advance(minutes=2)
    with h.qtbot.waitSignal(h.bridge.notifier.answered) as answered:
        card.done_button.click()
    assert answered.args == ["done", rule.id]
    assert h.bridge.notices.cards == {}
    h.qtbot.waitUntil(h.bridge.notices.isHidden)
    saved = h.store.reminders.rule(rule.id)
    assert saved.last_fired_at == h.clock.now().astimezone(UTC)
    assert saved.snoozed_until is None


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("10m", dt.timedelta(minutes=10)),
        ("1h", dt.timedelta(hours=1)),
        ("tomorrow", dt.timedelta(days=1)),
    ],
)
def test_snooze_saves_when_to_come_back_and_it_comes_back_then(harness, choice, expected):
    h = harness
    rule = _rule(h.store, "09:30")
    h.start()
    h.clock.advance(minutes=30)
    h.wake_from_another_thread()
    card = _only_card(h)
    action = next(a for a in card.snooze_menu.actions() if a.data() == choice)
    assert action.toolTip().startswith("Remind me again")
    with h.qtbot.waitSignal(h.bridge.notifier.answered):
        action.trigger()
    assert h.bridge.notices.cards == {}
    saved = h.store.reminders.rule(rule.id)
    assert saved.snoozed_until == (h.clock.now() + expected).astimezone(UTC)

    if choice == "10m":  # and it does come back, once, after the snooze
        # The snooze reached the scheduler (rebuilt from the changed rules).
        h.qtbot.waitUntil(lambda: h.bridge.scheduler.planned().get(rule.id) == saved.snoozed_until)
        h.clock.advance(minutes=10)
        h.wake_from_another_thread()
        assert _only_card(h).reminder.rule_id == rule.id


def test_skip_is_guilt_free_and_leaves_no_notice(harness):
    h = harness
    rule = _rule(h.store, "09:30")
    h.start()
    h.clock.advance(minutes=30)
    h.wake_from_another_thread()
    card = _only_card(h)
    assert card.skip_button.text() == "Skip"
    with h.qtbot.waitSignal(h.bridge.notifier.answered) as answered:
        card.skip_button.click()
    assert answered.args == ["skip", rule.id]
    assert h.bridge.notices.cards == {}
    assert h.store.reminders.rule(rule.id).last_fired_at == h.clock.now().astimezone(UTC)


def test_open_goes_to_the_page_the_reminder_is_about(harness):
    h = harness
    _rule(h.store, "09:30")
    h.start()
    h.clock.advance(minutes=30)
    h.wake_from_another_thread()
    card = _only_card(h)
    with h.qtbot.waitSignal(h.ctx.navigate_requested) as went:
        card.open_button.click()
    assert went.args == ["checkin"]
    h.qtbot.waitUntil(h.ctx.tasks.idle)
    assert h.bridge.notices.cards == {}


def test_nothing_arrives_while_paused_and_the_return_is_warm(harness):
    h = harness
    _rule(h.store, "09:30")
    back_on = h.clock.now() + dt.timedelta(days=7)
    h.store.reminders.pause_until(back_on)
    h.start()
    assert h.bridge.scheduler.planned() == {} or all(
        when >= back_on for when in h.bridge.scheduler.planned().values()
    )
    for _day in range(3):
        h.clock.advance(days=1)
        h.wake_from_another_thread()
        h.bridge.woke.emit()
        h.settle()
    assert h.bridge.notices.cards == {}
    assert h.alert.calls == []

    # Locked, then back after the pause ended: a welcome, no backlog and no count.
    h.bridge.stop()
    h.clock.set(back_on + dt.timedelta(minutes=5))
    notices: list[tuple[str, str]] = []
    h.ctx.notice_requested.connect(lambda level, text: notices.append((level, text)))
    h.start()
    assert h.bridge.notices.cards == {}
    assert notices == [("info", WELCOME_BACK)]
    assert h.store.reminders.paused_until() is None
    # Said once: the next unlock is an ordinary one.
    h.bridge.stop()
    h.start()
    assert notices == [("info", WELCOME_BACK)]


def test_one_gentle_catch_up_after_being_closed_for_a_week(harness):
    h = harness
    _rule(h.store, "09:30", "13:00")
    _rule(h.store, "11:00", kind=ReminderKind.SELFCARE)
    h.start()
    h.bridge.stop()  # Tend closed for a week
    h.clock.advance(days=7)
    h.start()
    card = _only_card(h)
    assert card.reminder.coalesced
    assert card.title.text() == "Welcome back"
    for text in (card.title.text(), card.body.text(), card.detail.text()):
        assert not any(ch.isdigit() for ch in text)  # no "you missed 14"
    assert len(h.alert.calls) == 1
    with h.qtbot.waitSignal(h.bridge.notifier.answered):
        card.done_button.click()
    assert h.bridge.notices.cards == {}


def test_tray_notification_has_only_the_generic_words(qtbot, page_ctx):
    tray = FakeTray()
    h = Harness(qtbot, page_ctx, tray=tray)
    try:
        h.start()
        reminder = Reminder(
            "r1",
            ReminderKind.SELFCARE,
            h.clock.now().astimezone(UTC),
            "A moment for yourself",
            "Something that restores you might fit in now.",
            "selfcare",
            detail="From your plan: a slow walk round the block",
        )
        h.bridge.notifier.notify(reminder)
        assert tray.messages == [
            ("A moment for yourself", "Something that restores you might fit in now.")
        ]
        card = h.bridge.notices.cards["r1"]
        # The window is open: the in-app notice shows too, with the private detail inside.
        assert card.isVisible()
        assert card.detail.text() == "From your plan: a slow walk round the block"
        assert "walk" not in "".join(a + b for a, b in tray.messages)
    finally:
        h.stop()


def test_a_flood_is_impossible(harness):
    h = harness
    h.start()
    now = h.clock.now().astimezone(UTC)
    for n in range(6):
        h.bridge.notifier.notify(
            Reminder(f"r{n}", ReminderKind.CHECKIN, now, "Title", "Body", None)
        )
    assert len(h.bridge.notices.cards) == 3


def test_changed_rules_rebuild_the_scheduler(harness):
    h = harness
    h.start()
    before = h.backend.replaced
    schedule = Schedule(times=(dt.time(9, 45),))
    rule = Rule("", ReminderKind.CHECKIN, True, schedule, {})
    h.ctx.write(lambda: h.store.reminders.save_rule(rule))
    h.qtbot.waitUntil(lambda: h.backend.replaced > before)
    h.qtbot.waitUntil(h.ctx.tasks.idle)
    planned = h.bridge.scheduler.planned()
    assert dt.datetime(2026, 11, 21, 22, 45, tzinfo=UTC) in planned.values()  # 09:45 Sydney


def test_stop_joins_the_scheduler_and_later_wakes_do_nothing(harness):
    h = harness
    _rule(h.store, "09:30")
    bridge = h.start()
    backend = h.backend
    bridge.stop()
    assert backend.stopped
    bridge.stop()  # twice is fine
    bridge.woke.emit()
    h.qtbot.waitUntil(h.ctx.tasks.idle)
    assert bridge.notices.cards == {}


def test_the_real_scheduler_leaves_no_threads_behind(harness):
    h = harness
    # APScheduler fires by the real clock: keep Tend's in step so nothing fires mid-test.
    h.clock.set(dt.datetime.now(UTC).astimezone(h.clock.now().tzinfo))
    before = {t.ident for t in threading.enumerate()}
    bridge = install(h.window, h.ctx, notifier_options={"alert": h.alert})
    h.bridges.append(bridge)
    h.qtbot.waitUntil(lambda: bridge.scheduler is not None)
    assert {t.ident for t in threading.enumerate()} - before  # APScheduler's thread runs
    bridge.stop()
    h.qtbot.waitUntil(h.ctx.tasks.idle)
    leftover = [
        t.name for t in threading.enumerate() if t.ident not in before and "tend-" not in t.name
    ]
    assert leftover == []
