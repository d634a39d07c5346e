"""The Reminders page: rules on and off, the editor, and "Pause everything — I'm on leave"."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QWidget

from app.reminder_delivery import WELCOME_BACK
from app.reminders.model import ReminderKind, Rule, Schedule
from ui.pages.reminders import RemindersPage
from ui.pages.reminders_editor import RuleEditor
from ui.pages.reminders_supervision import SupervisionEditor

pytestmark = pytest.mark.gui

UTC = dt.UTC


@pytest.fixture
def page(qtbot, page_ctx):
    page_ctx.tend.require_store().reminders.ensure_defaults()
    widget = RemindersPage(page_ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 640)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.loaded)
    return widget


def _store(page):
    return page.ctx.tend.require_store()


def _settle(qtbot, page):
    qtbot.waitUntil(page.ctx.tasks.idle)


def test_shows_every_rule_with_a_plain_summary(page):
    rows = page.rule_list.rows
    assert [r.switch.text() for r in rows][:2] == [
        "Daily check-in",
        "Something from your self-care plan",
    ]
    checkin = rows[0]
    assert checkin.switch.isChecked()
    assert checkin.when.text() == "On weekdays at 17:00"
    selfcare = rows[1]
    assert not selfcare.switch.isChecked()
    assert selfcare.when.text().startswith("Off. ")
    assert page.empty.isHidden()


def test_toggle_a_rule_off_and_on(qtbot, page):
    rule_id = page.rule_list.rows[0].rule.id
    page.rule_list.rows[0].switch.click()
    _settle(qtbot, page)
    assert _store(page).reminders.rule(rule_id).enabled is False
    qtbot.waitUntil(lambda: page.rule_list.rows[0].when.text().startswith("Off. "))
    page.rule_list.rows[0].switch.click()
    _settle(qtbot, page)
    assert _store(page).reminders.rule(rule_id).enabled is True


def _fill(editor: RuleEditor, kind: ReminderKind) -> None:
    editor.kind_box.setCurrentIndex(editor.kind_box.findData(kind.value))


def test_add_a_rule_with_two_times_and_quiet_hours_across_midnight(qtbot, page):
    before = {r.id for r in page.rules}
    editor = page.open_editor(None)
    qtbot.waitExposed(editor)
    assert editor.windowTitle() == "Add a reminder"
    assert editor.remove_button.isHidden()
    _fill(editor, ReminderKind.SELFCARE)
    assert "your own plan" in editor.about.text()
    editor.times.rows[0][1].setTime(QTime(8, 30))
    editor.times.add_button.click()
    editor.times.rows[1][1].setTime(QTime(13, 0))
    editor.weekdays_button.click()
    editor.quiet.click()
    editor.quiet_start.setTime(QTime(22, 0))
    editor.quiet_end.setTime(QTime(7, 0))
    editor.save_button.click()
    _settle(qtbot, page)
    qtbot.waitUntil(lambda: len(page.rules) == len(before) + 1)

    added = next(r for r in _store(page).reminders.rules() if r.id not in before)
    assert added.kind is ReminderKind.SELFCARE and added.enabled
    assert added.schedule.times == (dt.time(8, 30), dt.time(13, 0))
    assert added.schedule.weekdays == frozenset(range(5))
    assert (added.schedule.quiet_start, added.schedule.quiet_end) == (
        dt.time(22, 0),
        dt.time(7, 0),
    )
    row = next(r for r in page.rule_list.rows if r.rule.id == added.id)
    assert row.when.text() == "On weekdays at 08:30 and 13:00; quiet 22:00–07:00"


def test_an_interval_rule(qtbot, page):
    before = {r.id for r in page.rules}
    editor = page.open_editor(None)
    _fill(editor, ReminderKind.SELFCARE)
    editor.every.click()
    assert not editor.times.isEnabled()
    editor.every_unit.setCurrentIndex(editor.every_unit.findData(60))
    editor.every_number.setValue(2)
    editor.save_button.click()
    _settle(qtbot, page)
    qtbot.waitUntil(lambda: len(page.rules) == len(before) + 1)
    added = next(r for r in page.rules if r.id not in before)
    assert added.schedule.every_minutes == 120 and added.schedule.times == ()


def test_a_mistake_is_one_calm_sentence_and_nothing_is_saved(qtbot, page):
    count = len(page.rules)
    editor = page.open_editor(None)
    editor.set_days(frozenset())
    editor.save_button.click()
    assert editor.isVisible()
    assert editor.problem.text() == "Pick at least one day of the week."
    editor.reject()
    _settle(qtbot, page)
    assert len(_store(page).reminders.rules()) == count


def test_change_a_rule_then_remove_it_with_undo(qtbot, page):
    rule = page.rules[0]
    editor = page.open_editor(rule)
    assert editor.windowTitle() == "Change this reminder"
    assert not editor.kind_box.isEnabled()
    assert editor.times.times() == [dt.time(17, 0)]
    editor.times.rows[0][1].setTime(QTime(16, 30))
    editor.save_button.click()
    _settle(qtbot, page)
    assert _store(page).reminders.rule(rule.id).schedule.times == (dt.time(16, 30),)

    qtbot.waitUntil(lambda: page.rules[0].schedule.times == (dt.time(16, 30),))
    offers = []
    page.ctx.undo_offered.connect(lambda text, undo: offers.append((text, undo)))
    editor = page.open_editor(page.rules[0])
    editor.remove_button.click()
    _settle(qtbot, page)
    assert _store(page).reminders.rule(rule.id) is None
    assert offers and offers[0][0] == "Reminder removed."
    offers[0][1]()
    _settle(qtbot, page)
    back = _store(page).reminders.rule(rule.id)
    assert back is not None and back.schedule.times == (dt.time(16, 30),)


def test_removing_the_last_time_is_not_offered(page):
    editor = page.open_editor(None)
    assert not editor.times.rows[0][2].isEnabled()
    editor.times.add_button.click()
    assert all(remove.isEnabled() for _row, _edit, remove in editor.times.rows)
    editor.times.rows[1][2].click()
    assert len(editor.times.rows) == 1
    editor.reject()


def test_pause_until_a_date_with_a_warm_line_and_a_guilt_free_return(qtbot, page):
    section = page.pause
    today = page.ctx.tend.clock.now().date()
    assert section.back_on.date() == QDate(2026, 11, 29)  # a week ahead to start with
    assert section.resume_button.isHidden()
    section.back_on.setDate(QDate(2026, 12, 3))
    section.pause_button.click()
    _settle(qtbot, page)

    paused = _store(page).reminders.paused_until()
    assert paused is not None
    local = paused.astimezone(page.ctx.tend.clock.now().tzinfo)
    assert (local.date(), local.hour, local.minute) == (dt.date(2026, 12, 3), 0, 0)
    qtbot.waitUntil(section.resume_button.isVisible)
    assert section.resting.text() == "Reminders are resting until 3 December. Enjoy the break."
    assert section.resting.isVisible() and section.intro.isHidden()
    assert today < dt.date(2026, 12, 3)

    section.resume_button.click()
    _settle(qtbot, page)
    assert _store(page).reminders.paused_until() is None
    qtbot.waitUntil(section.resume_button.isHidden)
    assert section.welcome.text() == WELCOME_BACK
    for text in (section.welcome.text(), section.resting.text()):
        assert "missed" not in text.lower()


def test_a_paused_page_opened_later_says_so(qtbot, page_ctx):
    store = page_ctx.tend.require_store()
    until = dt.datetime(2027, 1, 4, tzinfo=page_ctx.tend.clock.now().tzinfo)
    store.reminders.pause_until(until)
    page = RemindersPage(page_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded)
    assert page.pause.resting.text() == (
        "Reminders are resting until 4 January 2027. Enjoy the break."
    )


def test_rules_saved_elsewhere_show_up(qtbot, page):
    count = len(page.rules)
    store = _store(page)
    rule = Rule("", ReminderKind.CHECKIN, True, Schedule(times=(dt.time(8, 0),)), {})
    page.ctx.write(lambda: store.reminders.save_rule(rule))
    qtbot.waitUntil(lambda: len(page.rules) == count + 1)


def test_every_control_is_named_for_assistive_technology(qtbot, page):
    editor = page.open_editor(page.rules[0])
    for root in (page, editor):
        for widget in root.findChildren(QWidget):
            named = isinstance(widget, QAbstractButton | QAbstractSpinBox | QComboBox)
            if named and widget.isVisibleTo(root):
                assert widget.accessibleName(), (type(widget).__name__, widget.objectName())
    editor.reject()


def test_rule_names_read_naturally(page):
    from tests.ui.a11y import DOUBLED_ARTICLES

    rows = {row.rule.kind: row for row in page.rule_list.rows}
    no_day_off = rows[ReminderKind.NO_DAY_OFF]
    assert no_day_off.switch.accessibleName() == "Reminder: A while without a day off"
    assert no_day_off.edit_button.accessibleName() == (
        "Change the reminder: A while without a day off"
    )
    assert rows[ReminderKind.CHECKIN].edit_button.accessibleName() == (
        "Change the reminder: Daily check-in"
    )
    for row in rows.values():
        for name in (row.switch.accessibleName(), row.edit_button.accessibleName()):
            assert not DOUBLED_ARTICLES.search(name), name


def test_keyboard_alone_reaches_everything(qtbot, page):
    page.activateWindow()
    page.add_button.setFocus()
    qtbot.waitUntil(page.add_button.hasFocus)
    seen = set()
    widget = page.add_button
    for _ in range(60):
        widget = widget.nextInFocusChain()
        seen.add(widget)
    wanted = [page.pause.back_on, page.pause.pause_button, page.add_button]
    wanted += [row.switch for row in page.rule_list.rows]
    wanted += [row.edit_button for row in page.rule_list.rows]
    for control in wanted:
        assert control in seen or control.focusProxy() in seen


# -- before supervision ------------------------------------------------------------------
MONDAY_10 = dt.datetime(2026, 11, 22, 23, tzinfo=UTC)  # Monday 10:00 in Sydney


def _supervision_row(qtbot, page):
    _store(page).reminders.sync_supervision([("att-1", MONDAY_10)])
    page.refresh()
    qtbot.waitUntil(
        lambda: any(r.rule.kind is ReminderKind.SUPERVISION for r in page.rule_list.rows)
    )
    return next(r for r in page.rule_list.rows if r.rule.kind is ReminderKind.SUPERVISION)


def test_supervision_is_not_added_by_hand(page):
    editor = page.open_editor(None)
    assert editor.kind_box.findData(ReminderKind.SUPERVISION.value) == -1
    editor.reject()


def test_the_supervision_reminder_shows_its_lead_times(qtbot, page):
    row = _supervision_row(qtbot, page)
    assert row.switch.text() == "Before supervision" and row.switch.isChecked()
    assert row.when.text() == "1 day and 1 hour before each session you book"


def test_choosing_lead_times_for_supervision(qtbot, page):
    row = _supervision_row(qtbot, page)
    row.edit_button.click()
    editor = page.editor
    assert isinstance(editor, SupervisionEditor) and editor.isVisible()
    assert not hasattr(editor, "times")  # no time-of-day editor: its times come from bookings
    boxes = editor.lead_boxes
    assert [b.text() for b in boxes.values()] == [
        "1 day before",
        "1 hour before",
        "15 minutes before",
    ]
    assert all(b.accessibleName() for b in boxes.values())
    assert [m for m, b in boxes.items() if b.isChecked()] == [1440, 60]
    boxes[1440].click()
    boxes[15].click()
    editor.save_button.click()
    _settle(qtbot, page)
    saved = _store(page).reminders.rule(row.rule.id)
    assert saved.params["leads"] == [60, 15]
    assert saved.schedule.at == (
        MONDAY_10 - dt.timedelta(hours=1),
        MONDAY_10 - dt.timedelta(minutes=15),
    )
    qtbot.waitUntil(
        lambda: any(
            r.when.text() == "1 hour and 15 minutes before each session you book"
            for r in page.rule_list.rows
        )
    )


def test_at_least_one_lead_time_or_switch_it_off(qtbot, page):
    row = _supervision_row(qtbot, page)
    editor = page.open_editor(row.rule)
    for box in editor.lead_boxes.values():
        box.setChecked(False)
    editor.save_button.click()
    assert editor.isVisible() and not editor.problem.isHidden()
    assert "switch this one off" in editor.problem.text()
    editor.reject()
    _settle(qtbot, page)
    assert _store(page).reminders.rule(row.rule.id).params["leads"] == [1440, 60]
    # switching it off is the way to have none
    row = next(r for r in page.rule_list.rows if r.rule.kind is ReminderKind.SUPERVISION)
    row.switch.click()
    _settle(qtbot, page)
    assert _store(page).reminders.rule(row.rule.id).enabled is False


def test_an_unusual_lead_time_already_kept_is_offered_too(qtbot, page):
    row = _supervision_row(qtbot, page)
    store = _store(page)
    store.reminders.save_rule(
        dataclasses.replace(row.rule, params={**row.rule.params, "leads": [120]})
    )
    rule = store.reminders.rule(row.rule.id)
    editor = page.open_editor(rule)
    assert [m for m, b in editor.lead_boxes.items() if b.isChecked()] == [120]
    assert editor.lead_boxes[120].text() == "2 hours before"
    editor.reject()
