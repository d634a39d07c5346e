"""Every control on the check-in, reminders, measures and journal pages reads well to a
screen reader: a name, no doubled articles, and never announced as a bare "border"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain import CheckinDraft, Exposure, NoteDraft
from tests.helpers.widgets import host_page
from tests.ui import a11y
from ui.context import UiContext
from ui.pages.checkin import CheckinPage
from ui.pages.journal import JournalPage
from ui.pages.measures import MeasuresPage
from ui.pages.reminders import RemindersPage

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 22)  # the `clock` fixture's day


def host(qtbot, page: QWidget) -> QWidget:
    return host_page(qtbot, page, (1024, 700))


def seed(ctx: UiContext) -> None:
    store = ctx.tend.require_store()
    store.reminders.ensure_defaults()
    store.checkins.save(CheckinDraft(TODAY - dt.timedelta(days=2), mood=3, note="Long day."))
    store.journal.add_note(NoteDraft(TODAY - dt.timedelta(days=400), "A year ago.", ("old",)))


def states(page: QWidget, ctx: UiContext, qtbot) -> Iterator[QWidget]:
    """The page as first shown, then the views and dialogs a person opens from it."""
    yield page.window()
    if isinstance(page, RemindersPage):
        for rule in page.rules:
            editor = page.open_editor(rule)
            qtbot.waitExposed(editor)
            yield editor
            editor.reject()
    elif isinstance(page, MeasuresPage):
        page.activate("tend-pulse")
        qtbot.waitUntil(lambda: page.take_view is not None)
        yield page.window()
        page.show_list()
        dialog = page.add_wording("who5")
        yield dialog
        dialog.reject()
    elif isinstance(page, JournalPage):
        page.list.setCurrentIndex(page.model.index(0))
        yield page.window()
        editor = page.new_note()
        yield editor
        editor.reject()
    elif isinstance(page, CheckinPage):
        page.rows["mood"].set_value(4)
        page.exposure_row.set_value(Exposure.SOME)
        yield page.window()


@pytest.mark.parametrize("make", [CheckinPage, RemindersPage, MeasuresPage, JournalPage])
def test_every_focusable_control_reads_well(make, page_ctx, qtbot) -> None:
    seed(page_ctx)
    page = make(page_ctx)
    _window = host(qtbot, page)
    if not isinstance(page, RemindersPage):  # it loads by itself
        page.activate(None)
    qtbot.waitUntil(page_ctx.tasks.idle)
    qtbot.waitUntil(lambda: not isinstance(page, RemindersPage) or page.loaded)
    seen = 0
    for root in states(page, page_ctx, qtbot):
        qtbot.waitUntil(page_ctx.tasks.idle)
        assert a11y.problems(root) == [], type(root).__name__
        seen += 1
    assert seen >= 2


def test_the_walk_finds_what_reads_badly(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QPushButton

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    bare = QFrame()
    bare.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    bare.setAccessibleName("How's your mood?")
    awkward = QPushButton("Change…")
    awkward.setAccessibleName("Change the a while without a day off reminder")
    blank = QPushButton()
    fine = QPushButton("Save")
    for widget in (bare, awkward, blank, fine):
        layout.addWidget(widget)
    found = a11y.problems(root)
    assert len(found) == 3
    assert "announced as Border" in found[0]
    assert "reads awkwardly" in found[1]
    assert "no accessible name" in found[2]
