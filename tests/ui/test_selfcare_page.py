"""The self-care page: the plan by keyboard, starter ideas, and the weekly look back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from app.domain import Changes
from app.selfcare.model import Area, Kind
from tests.helpers.widgets import host_page
from ui.context import UiContext
from ui.pages.selfcare import SelfCarePage

pytestmark = pytest.mark.gui

THIS_WEEK = dt.date(2026, 11, 16)  # the fixed clock's Sunday 22 November is in this week
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def host(qtbot, page: QWidget, size: tuple[int, int]) -> QWidget:
    """``page`` in a plain, active window the size the workspace gives a page."""
    return host_page(qtbot, page, size)


@pytest.fixture
def open_page(page_ctx, qtbot) -> Iterator[Callable[..., SelfCarePage]]:
    """``open_page(size)``: a loaded page in its own window (kept alive until the end)."""
    windows: list[QWidget] = []

    def open_(size: tuple[int, int] = (844, 560)) -> SelfCarePage:
        page = SelfCarePage(page_ctx)
        windows.append(host(qtbot, page, size))
        page.activate(None)
        qtbot.waitUntil(lambda: page.loaded and page.review.loaded)
        qtbot.waitUntil(page_ctx.tasks.idle)
        return page

    yield open_


def texts(ctx: UiContext, area: Area, kind: Kind = Kind.RESTORES) -> list[str]:
    items = ctx.tend.require_store().selfcare.items()
    return [i.text for i in items if i.area is area and i.kind is kind]


def seed(ctx: UiContext, area: Area, kind: Kind, *words: str) -> list[str]:
    selfcare = ctx.tend.require_store().selfcare
    return [selfcare.add(area, kind, w)[0].id for w in words]


def offered_undos(ctx: UiContext) -> list[tuple[str, Callable[[], None]]]:
    offers: list[tuple[str, Callable[[], None]]] = []
    ctx.undo_offered.connect(lambda message, fn: offers.append((message, fn)))
    return offers


def notices(ctx: UiContext) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    ctx.notice_requested.connect(lambda level, text: said.append((level, text)))
    return said


def test_an_empty_plan_invites_without_nagging(page_ctx, qtbot, open_page):
    page = open_page()
    assert (page.key, page.title) == ("selfcare", "Self-care")
    for area in Area:
        for kind in Kind:
            plan_list = page.plan.plan_list(area, kind)
            assert plan_list.empty.isVisible() and not plan_list.list.isVisible()
    heads = {page.plan.plan_list(Area.BODY, k).heading.text() for k in Kind}
    assert heads == {"What restores me", "What drains me"}
    assert len(page.suggestions.ids()) >= 10  # the Body ideas
    words = " ".join(w.text() for w in page.findChildren(QLabel)).lower()
    for unkind in ("streak", "missed", "overdue", "should", "behind"):
        assert unkind not in words


def test_adding_an_item_by_keyboard(page_ctx, qtbot, open_page):
    page = open_page()
    plan_list = page.plan.plan_list(Area.MIND, Kind.DRAINS)
    plan_list.entry.setFocus()
    qtbot.keyClicks(plan_list.entry, "News before bed")
    qtbot.keyClick(plan_list.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: plan_list.texts() == ["News before bed"])
    assert texts(page_ctx, Area.MIND, Kind.DRAINS) == ["News before bed"]
    assert plan_list.entry.text() == ""  # ready for the next one
    assert plan_list.list.isVisible() and not plan_list.empty.isVisible()
    assert plan_list.current_id() == page_ctx.tend.require_store().selfcare.items()[0].id
    qtbot.keyClick(plan_list.entry, Qt.Key.Key_Return)  # nothing typed: nothing added
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert len(page_ctx.tend.require_store().selfcare.items()) == 1


def test_editing_in_place_by_keyboard(page_ctx, qtbot, open_page):
    seed(page_ctx, Area.BODY, Kind.RESTORES, "Walk", "Stretch")
    page = open_page()
    plan_list = page.plan.plan_list(Area.BODY, Kind.RESTORES)
    plan_list.list.setFocus()
    plan_list.list.setCurrentRow(1)
    qtbot.keyClick(plan_list.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Stretch"
    assert editor.maxLength() == 300 and editor.accessibleName() == "Edit this item"
    editor.selectAll()
    qtbot.keyClicks(editor, "Stretch between visits")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: texts(page_ctx, Area.BODY) == ["Walk", "Stretch between visits"])
    qtbot.waitUntil(lambda: plan_list.texts() == ["Walk", "Stretch between visits"])


def test_an_edit_that_cannot_be_saved_puts_the_words_back(page_ctx, qtbot, open_page):
    seed(page_ctx, Area.BODY, Kind.RESTORES, "Walk")
    said = notices(page_ctx)
    page = open_page()
    plan_list = page.plan.plan_list(Area.BODY, Kind.RESTORES)
    plan_list.list.item(0).setText("   ")  # as if the words were deleted in the editor
    qtbot.waitUntil(lambda: said != [])
    assert said == [("error", "There's nothing written for this item yet.")]
    qtbot.waitUntil(lambda: plan_list.texts() == ["Walk"])
    assert texts(page_ctx, Area.BODY) == ["Walk"]


def test_reordering_by_keyboard_and_buttons(page_ctx, qtbot, open_page):
    seed(page_ctx, Area.BOUNDARIES, Kind.RESTORES, "Leave on time", "Breaks", "Book leave")
    page = open_page()
    plan_list = page.plan.plan_list(Area.BOUNDARIES, Kind.RESTORES)
    plan_list.list.setFocus()
    plan_list.list.setCurrentRow(2)
    qtbot.keyClick(plan_list.list, Qt.Key.Key_Up, ALT)
    want = ["Leave on time", "Book leave", "Breaks"]
    qtbot.waitUntil(lambda: plan_list.texts() == want)
    assert texts(page_ctx, Area.BOUNDARIES) == want
    assert plan_list.list.currentItem().text() == "Book leave"  # still selected
    qtbot.keyClick(plan_list.list, Qt.Key.Key_Up, ALT)
    qtbot.waitUntil(lambda: plan_list.texts()[0] == "Book leave")
    assert not plan_list.up_button.isEnabled() and plan_list.down_button.isEnabled()
    qtbot.mouseClick(plan_list.down_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: plan_list.texts() == ["Leave on time", "Book leave", "Breaks"])


def test_removing_by_keyboard_can_be_undone(page_ctx, qtbot, open_page):
    seed(page_ctx, Area.CONNECTION, Kind.RESTORES, "Friends", "Team coffee", "Calls")
    offers = offered_undos(page_ctx)
    page = open_page()
    plan_list = page.plan.plan_list(Area.CONNECTION, Kind.RESTORES)
    plan_list.list.setFocus()
    plan_list.list.setCurrentRow(1)
    qtbot.keyClick(plan_list.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: plan_list.texts() == ["Friends", "Calls"])
    assert [message for message, _fn in offers] == ["Removed from your plan."]
    offers[0][1]()  # the Undo button
    qtbot.waitUntil(lambda: plan_list.texts() == ["Friends", "Team coffee", "Calls"])
    assert texts(page_ctx, Area.CONNECTION) == ["Friends", "Team coffee", "Calls"]


def test_keeping_an_idea_by_keyboard(page_ctx, qtbot, open_page):
    said = notices(page_ctx)
    page = open_page()
    page.tabs.setCurrentIndex(1)
    ideas = page.suggestions
    ideas.list.setFocus()
    ideas.list.setCurrentRow(0)
    first = ideas.ids()[0]
    words = ideas.words.text()
    qtbot.keyClick(ideas.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first not in ideas.ids())
    assert texts(page_ctx, Area.BODY) == [words]
    assert page.plan.plan_list(Area.BODY, Kind.RESTORES).texts() == [words]
    assert ("info", "Kept in your plan, under Body.") in said
    assert ideas.list.currentRow() == 0  # the next idea is ready


def test_keeping_an_idea_in_your_own_words(page_ctx, qtbot, open_page):
    page = open_page()
    page.tabs.setCurrentIndex(1)
    ideas = page.suggestions
    ideas.select_area(Area.BOUNDARIES)
    qtbot.waitUntil(lambda: ideas.ids() and ideas.ids()[0].startswith("boundaries-"))
    drains = [i for i, ident in enumerate(ideas.ids()) if ident == "boundaries-after-hours"]
    ideas.list.setCurrentRow(drains[0])
    ideas.words.setFocus()
    ideas.words.selectAll()
    qtbot.keyClicks(ideas.words, "Answering messages after seven")
    qtbot.keyClick(ideas.words, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "boundaries-after-hours" not in ideas.ids())
    assert texts(page_ctx, Area.BOUNDARIES, Kind.DRAINS) == ["Answering messages after seven"]


def test_dropping_an_idea_and_bringing_it_back(page_ctx, qtbot, open_page):
    page = open_page()
    page.tabs.setCurrentIndex(1)
    ideas = page.suggestions
    before = ideas.ids()
    assert not ideas.bring_back_button.isVisible()
    ideas.list.setFocus()
    ideas.list.setCurrentRow(2)
    qtbot.keyClick(ideas.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: before[2] not in ideas.ids())
    assert page_ctx.tend.require_store().selfcare.items() == []  # dropping adds nothing
    assert ideas.bring_back_button.isVisible()
    assert ideas.bring_back_button.text() == "Show dropped ideas again (1)"
    qtbot.mouseClick(ideas.drop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(ideas.ids()) == len(before) - 2)
    qtbot.mouseClick(ideas.bring_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ideas.ids() == before)
    assert not ideas.bring_back_button.isVisible()


def test_saving_a_review_and_reopening_it(page_ctx, qtbot, open_page):
    page = open_page()
    page.tabs.setCurrentIndex(2)
    review = page.review
    assert review.current_week() == THIS_WEEK
    assert review.week.currentText() == "This week (from Monday 16 November)"
    assert review.week.itemText(1) == "Last week (from Monday 9 November)"
    review.fields["helped"].setFocus()
    qtbot.keyClicks(review.fields["helped"], "The walk on Tuesday")
    qtbot.keyClick(review.fields["helped"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is review.fields["drained"]
    qtbot.keyClicks(review.fields["drained"], "Late nights")
    review.fields["next_week"].setFocus()
    qtbot.keyClicks(review.fields["next_week"], "Book a day off")
    assert review.status.text() == ""
    qtbot.keyClick(review.fields["next_week"], Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: review.status.text() == "Saved")
    saved = page_ctx.tend.require_store().selfcare.review(THIS_WEEK)
    assert (saved.helped, saved.drained, saved.next_week) == (
        "The walk on Tuesday",
        "Late nights",
        "Book a day off",
    )
    qtbot.keyClicks(review.fields["drained"], ", twice")
    assert review.status.text() == ""  # no stale "Saved" while typing again

    again = open_page()
    again.activate("week")
    assert again.tabs.currentIndex() == 2
    assert [again.review.fields[k].toPlainText() for k in ("helped", "drained", "next_week")] == [
        "The walk on Tuesday",
        "Late nights",
        "Book a day off",
    ]


def test_an_earlier_week_can_be_looked_at(page_ctx, qtbot, open_page):
    earlier = THIS_WEEK - dt.timedelta(days=21)
    page_ctx.tend.require_store().selfcare.save_review(earlier, "Leave", "", "Rest")
    page = open_page()
    review = page.review
    assert review.week.count() == 3
    review.select_week(earlier)
    qtbot.waitUntil(lambda: review.fields["helped"].toPlainText() == "Leave")
    assert review.week.currentText() == "Week from Monday 26 October 2026"
    review.select_week(THIS_WEEK)
    qtbot.waitUntil(lambda: review.fields["helped"].toPlainText() == "")


def test_a_review_that_is_too_long_says_so_and_stays(page_ctx, qtbot, open_page):
    said = notices(page_ctx)
    page = open_page()
    page.review.fields["helped"].setPlainText("x" * 4001)
    qtbot.mouseClick(page.review.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: said != [])
    assert said == [("error", "What helped can be up to 4,000 characters.")]
    assert page.review.has_unsaved() and page.review.status.text() == ""
    assert page_ctx.tend.require_store().selfcare.review(THIS_WEEK) is None


def test_unsaved_review_is_kept_when_tend_locks(page_ctx, qtbot, open_page):
    page = open_page()
    page.review.fields["next_week"].setPlainText("Leave on time on Friday")
    page.save_for_lock()
    page.save_for_lock()  # twice saves once
    qtbot.waitUntil(page_ctx.tasks.idle)
    saved = page_ctx.tend.require_store().selfcare.review(THIS_WEEK)
    assert saved.next_week == "Leave on time on Friday"


def test_changes_made_elsewhere_show(page_ctx, qtbot, open_page):
    page = open_page()
    seed(page_ctx, Area.MIND, Kind.RESTORES, "Music")
    page_ctx.changed.emit(Changes(selfcare=True))
    qtbot.waitUntil(lambda: page.plan.plan_list(Area.MIND, Kind.RESTORES).texts() == ["Music"])


def test_every_control_has_an_accessible_name(page_ctx, qtbot, open_page):
    seed(page_ctx, Area.BODY, Kind.DRAINS, "Skipping lunch")
    page = open_page()
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QListWidget)
    controls = [w for w in page.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) > 60
    unnamed = [type(w).__name__ for w in controls if not w.accessibleName().strip()]
    assert unnamed == []
    names = {w.accessibleName() for w in controls}
    assert "Add to What drains me (Boundaries at work)" in names
    assert "What restores me (Mind)" in names


@pytest.mark.parametrize("size", [(1280 - 180, 800 - 100), (1024 - 180, 640 - 100)])
def test_readable_at_both_window_sizes(page_ctx, qtbot, open_page, size):
    seed(page_ctx, Area.BODY, Kind.RESTORES, "A long swim on Saturday mornings " * 6)
    seed(page_ctx, Area.BODY, Kind.DRAINS, "Skipping lunch")
    page = open_page(size)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        scroll = page.tabs.currentWidget()
        assert isinstance(scroll, QScrollArea)
        qtbot.waitUntil(lambda s=scroll: s.widget().width() > 0)
        content = scroll.widget()
        assert not scroll.horizontalScrollBar().isVisible()
        assert content.minimumSizeHint().width() <= scroll.viewport().width()
        for button in content.findChildren(QAbstractButton):
            if button.isVisibleTo(page):
                assert button.width() >= button.minimumSizeHint().width(), button.text()
    plan_list = page.plan.plan_list(Area.BODY, Kind.RESTORES)
    row = plan_list.list.visualItemRect(plan_list.list.item(0))
    assert row.height() > 2 * plan_list.list.fontMetrics().height()  # wrapped, not cut
    assert plan_list.list.height() >= row.height()


def test_in_the_window_a_tab_can_be_opened_by_name_and_saved_with_ctrl_s(main_window, qtbot):
    ctx = main_window.ctx
    workspace = main_window.workspace
    workspace.navigate("selfcare:week")
    page = workspace.pages["selfcare"]
    qtbot.waitUntil(lambda: page.loaded and page.review.loaded)
    assert workspace.title.text() == "Self-care" and page.tabs.currentIndex() == 2
    main_window.activateWindow()
    page.review.fields["helped"].setFocus()
    qtbot.keyClicks(page.review.fields["helped"], "A long lunch")
    qtbot.keyClick(page.review.fields["helped"], Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: page.review.status.text() == "Saved")
    store = ctx.tend.require_store()
    assert store.selfcare.review(THIS_WEEK).helped == "A long lunch"
    assert store.checkins.get(dt.date(2026, 11, 22)) is None  # only this page's Save ran
    workspace.navigate("selfcare:ideas")
    assert page.tabs.currentIndex() == 1


def test_a_new_week_opens_on_its_own_review(page_ctx, qtbot, open_page):
    page_ctx.tend.require_store().selfcare.save_review(THIS_WEEK, "Last week's words", "", "")
    page = open_page()
    assert page.review.fields["helped"].toPlainText() == "Last week's words"
    page_ctx.tend.clock.advance(days=1)  # Monday 23 November
    page.activate(None)
    qtbot.waitUntil(lambda: page.review.current_week() == dt.date(2026, 11, 23))
    qtbot.waitUntil(lambda: page.review.fields["helped"].toPlainText() == "")
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.review.week.currentText() == "This week (from Monday 23 November)"
    assert page.review.week.itemText(1) == "Last week (from Monday 16 November)"


def test_changing_the_week_keeps_what_was_typed_for_the_week_before(page_ctx, qtbot, open_page):
    page = open_page()
    page.activate("week")
    review = page.review
    qtbot.keyClicks(review.fields["helped"], "A quiet lunch outside")
    review.week.setCurrentIndex(1)  # last week, before saving this week's words
    qtbot.waitUntil(page_ctx.tasks.idle)
    store = page_ctx.tend.require_store()
    kept = store.selfcare.review(THIS_WEEK)
    assert kept is not None and kept.helped == "A quiet lunch outside"
    assert review.fields["helped"].toPlainText() == ""  # last week's (empty) review now
