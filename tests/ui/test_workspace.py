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


# -- notices belong to the page that made them ----------------------------------------------
def test_a_page_notice_shows_on_its_page_only(window, ui_ctx, qtbot):
    ws = window.workspace
    banner = ws.banner
    checkin, journal = ws.pages["checkin"], ws.pages["journal"]
    assert ws.current_key() == "checkin"

    ui_ctx.notify("Words from the journal.", source=journal)  # finished while elsewhere
    assert not banner.isVisible()
    ui_ctx.notify("Words from the check-in.", source=checkin.note)  # any widget in the page
    assert banner.isVisible() and banner.message.text() == "Words from the check-in."

    ui_ctx.navigate_requested.emit("journal")
    assert banner.isVisible() and banner.message.text() == "Words from the journal."
    ui_ctx.navigate_requested.emit("checkin")
    assert not banner.isVisible()  # the journal's notice stayed with the journal


def test_an_app_wide_notice_stays_across_pages(window, ui_ctx):
    ws = window.workspace
    ui_ctx.notify("Your passphrase has been changed.")  # no page: it's about all of Tend
    ui_ctx.navigate_requested.emit("journal")
    assert ws.banner.isVisible() and ws.banner.message.text().startswith("Your passphrase")
    assert ws.page_of(None) is None and ws.page_of(window) is None


def test_summary_saved_belongs_to_the_signals_page(
    main_window, ui_ctx, qtbot, monkeypatch, tmp_path
):
    from ui.pages import signals_summary

    ws = main_window.workspace
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(signals_summary, "ask_save_path", lambda parent, suggested: target)
    ui_ctx.navigate_requested.emit("signals")
    page = ws.pages["signals"]
    qtbot.mouseClick(page.summary_button, Qt.MouseButton.LeftButton)
    dialog = page.summary_dialog
    for box in dialog.chart_boxes.values():
        box.setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert ws.banner.isVisible() and ws.banner.message.text().startswith("Summary saved")
    assert ws.banner.notice_page == "signals"

    ui_ctx.navigate_requested.emit("journal")
    assert not ws.banner.isVisible()
