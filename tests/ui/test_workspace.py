"""The workspace: unsaved writing survives locking and closing Tend."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.domain import EntryKind, JournalFilter
from tests.helpers.fakes import PASSPHRASE
from ui.mainwindow import MainWindow
from ui.pages.journal_editor import NoteEditor

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 22)  # the `clock` fixture's day
REAL_PAGES = (
    ("checkin", "ui.pages.checkin", "CheckinPage"),
    ("journal", "ui.pages.journal", "JournalPage"),
)


@pytest.fixture
def window(ui_ctx, qtbot, monkeypatch) -> MainWindow:
    """The unlocked main window with the check-in and journal pages only."""
    monkeypatch.setattr("ui.pages.PAGE_SPECS", REAL_PAGES)
    win = MainWindow(ui_ctx.tend.paths, ui_ctx.tend.settings, ui_ctx.tasks)
    qtbot.addWidget(win)
    bugs: list[BaseException] = []
    ui_ctx.tasks.error_unhandled.connect(bugs.append)
    win.attach(ui_ctx, unlocked=True)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(ui_ctx.tasks.idle)
    yield win
    assert bugs == []


def type_unsaved_work(window: MainWindow, qtbot) -> NoteEditor:
    """Answers on the check-in page and a new note in its editor, none of it saved."""
    ws = window.workspace
    checkin = ws.pages["checkin"]
    checkin.rows["mood"].set_value(2)
    checkin.note.setPlainText("Unsaved check-in words.")
    window.ctx.navigate_requested.emit("journal:new")
    editor = ws.pages["journal"].editor
    qtbot.waitUntil(editor.isVisible)
    editor.body.setPlainText("A long unsaved note.")
    return editor


def stored(tend) -> tuple[list[str], object]:
    store = tend.require_store()
    notes = store.journal.entries(JournalFilter(kinds=frozenset({EntryKind.NOTE})))
    return [item.text for item in notes], store.checkins.get(TODAY)


def test_locking_saves_unsaved_writing_first(window, ui_ctx, qtbot):
    editor = type_unsaved_work(window, qtbot)
    window.lock()
    assert not editor.isVisible()
    qtbot.waitUntil(lambda: window.workspace is None and not window.is_locking())
    assert not ui_ctx.tend.unlocked

    window.lock_screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=10_000)
    qtbot.waitUntil(ui_ctx.tasks.idle)
    notes, checkin = stored(ui_ctx.tend)
    assert notes == ["A long unsaved note."]
    assert checkin is not None
    assert (checkin.mood, checkin.note) == (2, "Unsaved check-in words.")
    page = window.workspace.pages["checkin"]
    assert page.rows["mood"].value() == 2  # shown again, as saved


def test_closing_can_save_unsaved_writing_first(window, ui_ctx, qtbot):
    type_unsaved_work(window, qtbot)
    window.workspace.save_unsaved_work()  # what the main window does when it closes
    window.workspace.save_unsaved_work()  # twice is harmless: saved once
    qtbot.waitUntil(ui_ctx.tasks.idle)
    notes, checkin = stored(ui_ctx.tend)
    assert notes == ["A long unsaved note."]
    assert checkin is not None and checkin.mood == 2


def test_an_empty_new_note_is_not_saved_on_lock(window, ui_ctx, qtbot):
    window.ctx.navigate_requested.emit("journal:new")
    editor = window.workspace.pages["journal"].editor
    qtbot.waitUntil(editor.isVisible)
    editor.body.setPlainText("   ")
    window.workspace.close_page_dialogs()
    qtbot.waitUntil(ui_ctx.tasks.idle)
    assert stored(ui_ctx.tend) == ([], None)


def test_one_broken_page_does_not_stop_the_others_saving(window, ui_ctx, qtbot, monkeypatch):
    reported: list[BaseException] = []
    monkeypatch.setattr(ui_ctx, "report_error", reported.append)
    editor = type_unsaved_work(window, qtbot)

    def broken() -> None:
        raise RuntimeError("a bug in one page")

    monkeypatch.setattr(window.workspace.pages["checkin"], "save_for_lock", broken)
    window.workspace.save_unsaved_work()
    qtbot.waitUntil(ui_ctx.tasks.idle)
    assert [str(e) for e in reported] == ["a bug in one page"]
    assert stored(ui_ctx.tend)[0] == ["A long unsaved note."]
    assert not editor.dirty


def test_measures_nav_shows_a_quiet_count_when_one_comes_round(main_window, qtbot):
    workspace = main_window.workspace
    page = workspace.pages["measures"]
    row = list(workspace.pages).index("measures")
    item = workspace.nav.item(row)
    page.badge_changed.emit("2")
    assert item.text() == "Measures · 2"
    page.badge_changed.emit("")
    assert item.text() == "Measures"
