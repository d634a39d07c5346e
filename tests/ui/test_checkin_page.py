"""The daily check-in page, driven with the keyboard alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QMessageBox,
    QWidget,
)

from app.domain import CheckinDraft, DayKind, Exposure, NoteDraft
from tests.helpers.widgets import host_page
from ui.context import UiContext
from ui.pages.checkin import NO_HOURS, CheckinPage

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 22)  # the `clock` fixture's day


@pytest.fixture
def page(page_ctx: UiContext, qtbot) -> Iterator[CheckinPage]:
    page = CheckinPage(page_ctx)
    window = host(qtbot, page)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.activate(None)
    qtbot.waitUntil(page_ctx.tasks.idle)
    yield page  # `window` stays referenced (alive) until the test ends


def host(qtbot, page: QWidget) -> QWidget:
    return host_page(qtbot, page, (1000, 720), activate=False)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key: str | Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press sent where the keyboard focus is, like a real person typing."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def test_focus_starts_on_the_first_question(page: CheckinPage) -> None:
    assert focused() is page.rows["mood"]


def test_a_full_check_in_with_the_keyboard_alone(page, page_ctx, qtbot) -> None:
    for digit in "432514":  # mood, energy, sleep, stress, workload, connection
        press(qtbot, digit)
    assert focused() is page.exposure_row
    press(qtbot, "2")  # some
    assert focused() is page.hours
    type_text(qtbot, "1.5")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.day_row
    press(qtbot, "2")  # day off
    assert focused() is page.note
    type_text(qtbot, "Long morning at court.")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.tags
    type_text(qtbot, "Court, supervision")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page_ctx.tasks.idle)

    saved = page_ctx.tend.require_store().checkins.get(TODAY)
    assert saved is not None
    assert (saved.mood, saved.energy, saved.sleep) == (4, 3, 2)
    assert (saved.stress, saved.workload, saved.connection) == (5, 1, 4)
    assert saved.exposure is Exposure.SOME
    assert saved.exposure_hours == 1.5
    assert saved.day_kind is DayKind.DAY_OFF
    assert saved.note == "Long morning at court."
    assert saved.tags == ("court", "supervision")
    assert "Thanks" in page.message.text()


def test_saving_again_the_same_day_updates_it(page, page_ctx, qtbot) -> None:
    press(qtbot, "4")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert "earlier today" in page.status.text()

    page.focus_first()
    press(qtbot, "2")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page_ctx.tasks.idle)

    stored = page_ctx.tend.require_store().checkins.between(TODAY, TODAY)
    assert [c.mood for c in stored] == [2]
    assert "changes" in page.message.text()


def test_ctrl_enter_saves_from_inside_the_note(page, page_ctx, qtbot) -> None:
    page.note.setFocus()
    type_text(qtbot, "Quiet day.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page_ctx.tasks.idle)
    saved = page_ctx.tend.require_store().checkins.get(TODAY)
    assert saved is not None
    assert saved.note == "Quiet day."  # no stray newline from the Return key


def test_skipped_answers_stay_blank(page, page_ctx, qtbot) -> None:
    press(qtbot, Qt.Key.Key_Tab)  # skip mood
    press(qtbot, "5")  # energy
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page_ctx.tasks.idle)
    saved = page_ctx.tend.require_store().checkins.get(TODAY)
    assert saved is not None
    assert saved.energy == 5
    assert [saved.mood, saved.sleep, saved.stress, saved.workload, saved.connection] == [None] * 5
    assert saved.exposure is None
    assert saved.exposure_hours is None
    assert saved.day_kind is DayKind.WORK
    assert saved.tags == ()


def test_an_answer_can_be_cleared_again(page, qtbot) -> None:
    press(qtbot, Qt.Key.Key_Right)  # arrows move within the row
    press(qtbot, Qt.Key.Key_Right)
    assert page.rows["mood"].value() == 2
    assert "2 of 5" in page.rows["mood"].accessibleDescription()
    press(qtbot, Qt.Key.Key_Backspace)
    assert page.rows["mood"].value() is None
    assert page.rows["mood"].accessibleDescription() == "Not answered"
    assert focused() is page.rows["mood"]


def test_hours_only_count_with_some_or_a_lot(page, page_ctx, qtbot) -> None:
    assert not page.hours.isEnabled()
    page.exposure_row.set_value(Exposure.A_LOT)
    assert page.hours.isEnabled()
    page.hours.setValue(3.0)
    assert page.draft().exposure_hours == 3.0
    page.exposure_row.set_value(Exposure.NONE)
    assert not page.hours.isEnabled()
    page.save()
    qtbot.waitUntil(page_ctx.tasks.idle)
    saved = page_ctx.tend.require_store().checkins.get(TODAY)
    assert saved is not None
    assert (saved.exposure, saved.exposure_hours) == (Exposure.NONE, None)


def test_hours_may_be_left_uncounted(page) -> None:
    page.exposure_row.set_value(Exposure.SOME)
    assert page.hours.value() == NO_HOURS
    assert page.draft().exposure_hours is None


def test_a_future_day_cant_be_chosen(page, qtbot) -> None:
    page.date_edit.setFocus()
    press(qtbot, Qt.Key.Key_Up)  # the day section, one day later
    assert page.date_edit.date().toPython() == TODAY
    page.date_edit.setDate(page.date_edit.date().addDays(3))
    assert page.date_edit.date().toPython() == TODAY
    page.activate("2026-11-23")
    assert page.draft().day == TODAY
    page.activate("not a date")
    assert page.draft().day == TODAY


def test_an_earlier_check_in_opens_for_editing(page, page_ctx, qtbot) -> None:
    store = page_ctx.tend.require_store()
    earlier = dt.date(2026, 11, 20)
    store.checkins.save(CheckinDraft(day=earlier, mood=3, note="Team lunch.", tags=("team",)))
    page.activate("2026-11-20")
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.rows["mood"].value() == 3
    assert page.note.toPlainText() == "Team lunch."
    assert page.tags.text() == "team"
    assert "Fri 20 Nov" in page.status.text()

    page.rows["sleep"].set_value(4)
    page.save()
    qtbot.waitUntil(page_ctx.tasks.idle)
    updated = store.checkins.get(earlier)
    assert updated is not None
    assert (updated.mood, updated.sleep) == (3, 4)
    assert store.checkins.get(TODAY) is None


def settle(qtbot, page: CheckinPage, ctx: UiContext) -> None:
    """Wait until a changed date has been taken up and its check-in loaded."""
    qtbot.waitUntil(lambda: not page.date_timer.isActive() and ctx.tasks.idle())


def test_changing_the_date_loads_that_day(page, page_ctx, qtbot) -> None:
    store = page_ctx.tend.require_store()
    store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 19), stress=5))
    page.date_edit.setDate(page.date_edit.date().addDays(-3))
    settle(qtbot, page, page_ctx)
    assert page.rows["stress"].value() == 5
    page.date_edit.setDate(page.date_edit.date().addDays(1))
    settle(qtbot, page, page_ctx)
    assert page.rows["stress"].value() is None
    assert "No check-in for" in page.status.text()


def test_a_typed_date_loads_once_typing_pauses(page, page_ctx, qtbot) -> None:
    page_ctx.tend.require_store().checkins.save(CheckinDraft(day=dt.date(2026, 10, 19), mood=2))
    loads = page._generation
    for day in (dt.date(2026, 11, 19), dt.date(2026, 10, 19)):  # day typed, then month
        page.date_edit.setDate(day)
    assert page.date_timer.isActive()
    settle(qtbot, page, page_ctx)
    assert page._generation == loads + 1  # one load, for the date as finally typed
    assert page.draft().day == dt.date(2026, 10, 19)
    assert page.rows["mood"].value() == 2


def question_box(qtbot, page: CheckinPage) -> QMessageBox:
    qtbot.waitUntil(lambda: page.findChild(QMessageBox) is not None)
    box = page.findChild(QMessageBox)
    assert box.isVisible() and "Keep what you've entered for Thu 19 Nov?" in box.text()
    return box


def click_box_button(qtbot, box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.buttons() if b.text() == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def unsaved_then_other_day(page, page_ctx, qtbot) -> CheckinPage:
    """Mood answered (not saved) for today, then the date changed to a day with a check-in."""
    page_ctx.tend.require_store().checkins.save(CheckinDraft(day=dt.date(2026, 11, 19), stress=5))
    press(qtbot, "2")
    page.date_edit.setDate(dt.date(2026, 11, 19))
    return page


def test_unsaved_answers_can_be_discarded_when_the_day_changes(
    unsaved_then_other_day, page_ctx, qtbot
) -> None:
    page = unsaved_then_other_day
    click_box_button(qtbot, question_box(qtbot, page), "Discard them")
    settle(qtbot, page, page_ctx)
    assert (page.rows["mood"].value(), page.rows["stress"].value()) == (None, 5)
    assert page.draft().day == dt.date(2026, 11, 19)


def test_unsaved_answers_can_be_kept_for_the_new_day(
    unsaved_then_other_day, page_ctx, qtbot
) -> None:
    page = unsaved_then_other_day
    box = question_box(qtbot, page)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape keeps them: nothing is lost by accident
    settle(qtbot, page, page_ctx)
    assert (page.rows["mood"].value(), page.rows["stress"].value()) == (2, None)
    assert "already a check-in for Thu 19 Nov" in page.status.text()
    page.save()
    qtbot.waitUntil(page_ctx.tasks.idle)
    saved = page_ctx.tend.require_store().checkins.get(dt.date(2026, 11, 19))
    assert saved is not None and saved.mood == 2
    assert page_ctx.tend.require_store().checkins.get(TODAY) is None


def test_opening_another_day_from_the_journal_asks_too(page, page_ctx, qtbot) -> None:
    press(qtbot, "4")
    page.activate("2026-11-19")
    click_box_button(qtbot, question_box(qtbot, page), "Keep my answers")
    settle(qtbot, page, page_ctx)
    assert page.rows["mood"].value() == 4
    assert page.draft().day == dt.date(2026, 11, 19)


def test_locking_while_asking_stays_on_the_day_typed_for(
    unsaved_then_other_day, page_ctx, qtbot
) -> None:
    page = unsaved_then_other_day
    question_box(qtbot, page).reject()  # what the workspace does when Tend locks
    settle(qtbot, page, page_ctx)
    assert page.draft().day == TODAY
    assert page.date_edit.date().toPython() == TODAY
    assert page.rows["mood"].value() == 2


def test_unsaved_answers_are_saved_when_tend_locks(page, page_ctx, qtbot) -> None:
    page.save_for_lock()  # nothing typed: nothing written
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page_ctx.tend.require_store().checkins.get(TODAY) is None
    press(qtbot, "3")
    page.note.setPlainText("Written just before locking.")
    page.save_for_lock()
    page.save_for_lock()  # asked twice (lock, then close): saved once
    qtbot.waitUntil(page_ctx.tasks.idle)
    saved = page_ctx.tend.require_store().checkins.get(TODAY)
    assert saved is not None
    assert (saved.mood, saved.note) == (3, "Written just before locking.")


def test_answers_that_cant_be_saved_are_not_saved_on_lock(page, page_ctx, qtbot) -> None:
    bugs: list[BaseException] = []
    page_ctx.tasks.error_unhandled.connect(bugs.append)
    page.note.setPlainText("x" * 50_001)
    page.save_for_lock()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page_ctx.tend.require_store().checkins.get(TODAY) is None
    assert bugs == []


def test_the_kind_of_day_always_keeps_an_answer(page, qtbot) -> None:
    row = page.day_row
    row.buttons[2].click()  # leave
    assert row.value() is DayKind.LEAVE
    row.buttons[2].click()  # clicked again: still leave, not back to "Work"
    assert row.value() is DayKind.LEAVE
    assert [b.isChecked() for b in row.buttons] == [False, False, True]
    row.setFocus()
    for key in (Qt.Key.Key_0, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        qtbot.keyClick(row, key)
        assert row.value() is DayKind.LEAVE
    assert not row.clear_button.isVisible()


def test_unsaved_answers_survive_coming_back(page, page_ctx, qtbot) -> None:
    press(qtbot, "3")
    page.activate(None)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.rows["mood"].value() == 3


def test_two_quick_saves_write_once(page, page_ctx, qtbot, monkeypatch) -> None:
    service = page_ctx.tend.require_store().checkins
    real_save = service.save
    calls: list[CheckinDraft] = []

    def counting_save(draft: CheckinDraft):
        calls.append(draft)
        return real_save(draft)

    monkeypatch.setattr(service, "save", counting_save)
    page.rows["mood"].set_value(4)
    page.save()
    assert not page.save_button.isEnabled()
    page.save()
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert len(calls) == 1
    assert page.save_button.isEnabled()


def test_a_problem_is_explained_next_to_the_form(page, page_ctx, qtbot) -> None:
    banners: list[tuple[str, str]] = []
    page_ctx.notice_requested.connect(lambda level, msg: banners.append((level, msg)))
    page.note.setPlainText("x" * 50_001)
    page.save()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert "50,000 characters" in page.message.text()
    assert page.save_button.isEnabled()
    assert page_ctx.tend.require_store().checkins.get(TODAY) is None
    assert banners == []  # said once, next to the form


def test_every_control_has_an_accessible_name(page) -> None:
    controls = [page.date_edit, *page.rows.values(), page.exposure_row, page.hours]
    controls += [page.day_row, page.note, page.tags, page.save_button]
    for widget in controls:
        assert widget.accessibleName(), type(widget).__name__
    assert page.rows["stress"].accessibleName() == "How stressed do you feel?"


def test_a_question_is_announced_with_its_answer(page, qtbot) -> None:
    from PySide6.QtGui import QAccessible

    row = page.rows["mood"]
    face = QAccessible.queryAccessibleInterface(row)
    assert face.role() == QAccessible.Role.Grouping  # a question, not a "border"
    assert face.text(QAccessible.Text.Name) == "How's your mood?"
    assert face.text(QAccessible.Text.Description) == "Not answered"
    assert [b.accessibleName() for b in row.buttons][3] == "4, Good"
    press(qtbot, "4")
    assert face.text(QAccessible.Text.Description) == "4 of 5, Good"
    page.rows["mood"].set_value(None)
    assert face.text(QAccessible.Text.Description) == "Not answered"
    page.exposure_row.set_value(Exposure.SOME)
    exposure = QAccessible.queryAccessibleInterface(page.exposure_row)
    assert exposure.role() == QAccessible.Role.Grouping
    assert exposure.text(QAccessible.Text.Description) == "2 of 3, Some"
    assert page.day_row.accessibleDescription() == "1 of 3, Work day"


def test_the_hours_box_says_not_counted(page, qtbot) -> None:
    from PySide6.QtGui import QAccessible

    page.exposure_row.set_value(Exposure.A_LOT)
    face = QAccessible.queryAccessibleInterface(page.hours)
    assert page.hours.value() == NO_HOURS
    assert page.hours.text() == "Not counted"  # in the box
    assert face.text(QAccessible.Text.Value) == "Not counted"
    assert face.text(QAccessible.Text.Description) == "Not counted"  # never "minus 0.5"
    page.hours.setValue(1.5)
    assert face.text(QAccessible.Text.Description) == "1.5 hours"
    page.hours.setValue(1.0)
    assert page.hours.accessibleDescription() == "1 hour"
    page.hours.setFocus()
    qtbot.keyClick(page.hours, Qt.Key.Key_Down)
    qtbot.keyClick(page.hours, Qt.Key.Key_Down)
    qtbot.keyClick(page.hours, Qt.Key.Key_Down)
    assert page.hours.value() == NO_HOURS
    assert page.hours.accessibleDescription() == "Not counted"


def test_tags_complete_the_word_being_typed(page, page_ctx, qtbot) -> None:
    page_ctx.tend.require_store().journal.add_note(
        NoteDraft(TODAY, "Seeded so the tag exists.", ("supervision", "court"))
    )
    page.activate(None)
    qtbot.waitUntil(page_ctx.tasks.idle)
    completer = page.tags.completer()
    assert completer.model().stringList() == ["court", "supervision"]
    page.tags.setText("rest, su")
    assert completer.splitPath(page.tags.text()) == ["su"]
    completer.setCompletionPrefix("su")
    assert completer.currentCompletion() == "rest, supervision, "  # earlier tags kept


def test_a_check_in_deleted_elsewhere_clears_the_form(page, page_ctx, qtbot) -> None:
    store = page_ctx.tend.require_store()
    saved, _ = store.checkins.save(CheckinDraft(day=TODAY, mood=5))
    page.activate(None)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.rows["mood"].value() == 5
    _snapshot, changes = store.checkins.delete(saved.id)
    page_ctx.changed.emit(changes)  # as the journal's delete would
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.rows["mood"].value() is None
    assert "How are you today?" in page.status.text()


def test_showing_the_page_leaves_focus_in_the_navigation(page, qtbot) -> None:
    nav = QListWidget()
    page.parentWidget().layout().addWidget(nav)
    nav.addItems(["Check in", "Journal"])
    nav.setFocus()
    qtbot.waitUntil(nav.hasFocus)
    page.activate(None)
    assert nav.hasFocus()  # arrow keys keep moving through the pages
