"""The main window: nav, header, banner, status line, navigation, lock, crash dialog."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import JournalFilter, NoteDraft
from app.errors import ValidationError
from tests.helpers.child import run_offscreen
from ui.crash import CRASH_TITLE
from ui.mainwindow import PASSPHRASE_LINE, MainWindow
from ui.pages import load_page_classes

pytestmark = pytest.mark.gui

SECRET = "Marker-7731 what happened at the Smith home today"


class NotesPage(QWidget):
    """A stand-in page that shows note text, like the journal does."""

    key = "notes"
    title = "Notes"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activations: list[str | None] = []
        self.body = QLabel(self)
        QVBoxLayout(self).addWidget(self.body)
        ctx.read(lambda: ctx.tend.require_store().journal.entries(JournalFilter()), self._show)

    def _show(self, items) -> None:
        self.body.setText("\n".join(item.text for item in items))

    def activate(self, arg: str | None) -> None:
        self.activations.append(arg)

    def open_dialog(self) -> QDialog:
        dialog = QDialog(self)
        QVBoxLayout(dialog).addWidget(QLineEdit(SECRET, dialog))
        dialog.open()
        return dialog


class OtherPage(QWidget):
    key = "other"
    title = "Other things"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)

    def activate(self, arg: str | None) -> None:
        pass


FAKE_SPECS = (
    ("notes", __name__, "NotesPage"),
    ("missing", "ui.pages.not_written_yet", "Nope"),
    ("other", __name__, "OtherPage"),
)


@pytest.fixture
def window(ui_ctx, qtbot, monkeypatch):
    monkeypatch.setattr("ui.pages.PAGE_SPECS", FAKE_SPECS)
    store = ui_ctx.tend.require_store()
    store.journal.add_note(NoteDraft(day=dt.date(2026, 11, 21), body=SECRET))
    win = MainWindow(ui_ctx.tend.paths, ui_ctx.tend.settings, ui_ctx.tasks)
    qtbot.addWidget(win)
    win.attach(ui_ctx, unlocked=True)
    win.resize(1024, 640)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(ui_ctx.tasks.idle)
    return win


def _all_visible_text() -> str:
    parts: list[str] = []
    for widget in QApplication.allWidgets():
        parts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            parts.append(widget.toPlainText())
        item_text = getattr(widget, "item", None)
        if callable(item_text) and hasattr(widget, "count"):
            parts += [widget.item(i).text() for i in range(widget.count())]
    return "\n".join(parts)


def test_registry_skips_pages_not_written_yet():
    assert [c.key for c in load_page_classes(FAKE_SPECS)] == ["notes", "other"]


def test_registry_does_not_hide_a_broken_page(tmp_path, monkeypatch):
    (tmp_path / "brokenpage_a1.py").write_text("import not_a_real_module_a1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError):
        load_page_classes((("broken", "brokenpage_a1", "X"),))


def test_nav_header_and_shortcuts(window, qtbot):
    ws = window.workspace
    assert [ws.nav.item(i).text() for i in range(ws.nav.count())] == ["Notes", "Other things"]
    assert ws.title.text() == "Notes"
    assert window.windowTitle() == "Tend"
    qtbot.keyClick(ws.nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert ws.current_key() == "other" and ws.title.text() == "Other things"
    qtbot.keyClick(ws.nav, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert ws.current_key() == "notes"
    assert window.windowTitle() == "Tend"
    assert ws.lock_button.isVisible() and ws.help_button.isVisible()


def test_navigate_requested_switches_and_passes_the_argument(window, ui_ctx):
    ws = window.workspace
    notes = ws.pages["notes"]
    ui_ctx.navigate_requested.emit("other")
    assert ws.current_key() == "other"
    ui_ctx.navigate_requested.emit("notes:2026-11-20")
    assert ws.current_key() == "notes"
    assert notes.activations[-1] == "2026-11-20"
    ui_ctx.navigate_requested.emit("notes")
    assert notes.activations[-1] is None
    ui_ctx.navigate_requested.emit("nowhere:1")  # ignored, no crash
    assert ws.current_key() == "notes"


def test_status_line_says_which_protection_is_active(window, qtbot):
    qtbot.waitUntil(lambda: window.protection.text() == PASSPHRASE_LINE)
    assert window.protection.isVisible()


def test_banner_notices_do_not_steal_focus_and_can_be_dismissed(window, ui_ctx, qtbot):
    ws = window.workspace
    ws.nav.setFocus()
    ui_ctx.report_error(ValidationError("That date is in the future."))
    assert ws.banner.isVisible() and ws.banner.level == "error"
    assert ws.banner.message.text() == "That date is in the future."
    assert QApplication.focusWidget() is ws.nav
    assert window.crash.dialog is None  # a UserFacingError is not a crash
    ui_ctx.notify("Saved.")
    assert ws.banner.level == "info" and ws.banner.message.text() == "Saved."
    qtbot.mouseClick(ws.banner.close_button, Qt.MouseButton.LeftButton)
    assert not ws.banner.isVisible()


def test_undo_runs_the_callable(window, ui_ctx, qtbot):
    ran: list[int] = []
    ui_ctx.undo_offered.emit("Note deleted.", lambda: ran.append(1))
    banner = window.workspace.banner
    assert banner.undo_button.isVisible()
    qtbot.mouseClick(banner.undo_button, Qt.MouseButton.LeftButton)
    assert ran == [1]
    assert not banner.isVisible()


def test_undo_offer_stays_until_tend_locks(window, ui_ctx, qtbot):
    banner = window.workspace.banner
    ran: list[int] = []
    ui_ctx.undo_offered.emit("Check-in deleted.", lambda: ran.append(1))
    ui_ctx.notify("Saved.")  # a later notice doesn't push the Undo away
    assert banner.undo_button.isVisible() and banner.message.text() == "Saved."
    assert not [t for t in banner.findChildren(QTimer) if t.isActive()]  # nothing hides it
    window.lock()
    qtbot.waitUntil(lambda: window.workspace is None and not window.is_locking())
    assert ran == []


def test_ctrl_l_locks_and_no_private_text_survives(window, ui_ctx, qtbot):
    notes = window.workspace.pages["notes"]
    assert SECRET in notes.body.text()
    dialog = notes.open_dialog()
    assert dialog.isVisible()
    assert SECRET in _all_visible_text()

    # Pressed inside the page's modal dialog: locking still works from there.
    qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.state == "locked"  # hidden at once
    assert not dialog.isVisible()  # the page's dialog was closed
    qtbot.waitUntil(lambda: not window.is_locking())
    assert window.workspace is None
    assert not ui_ctx.tend.unlocked
    qtbot.waitUntil(lambda: not window.findChildren(NotesPage))
    assert SECRET not in _all_visible_text()
    assert window.windowTitle() == "Tend"
    assert window.protection.text() == ""


def test_lock_waits_for_queued_writes(window, ui_ctx, qtbot):
    store = ui_ctx.tend.require_store()
    saved: list[str] = []
    for i in range(3):
        ui_ctx.write(
            lambda i=i: store.journal.add_note(NoteDraft(day=dt.date(2026, 11, 22), body=f"n{i}")),
            lambda note: saved.append(note.id),
        )
    ui_ctx.lock_requested.emit()
    qtbot.waitUntil(lambda: not window.is_locking())
    assert len(saved) == 3  # acknowledged before the store closed


def test_unexpected_error_shows_a_calm_dialog_without_a_traceback(window, ui_ctx, qtbot, caplog):
    caplog.set_level(logging.ERROR, logger="tend.crash")
    try:
        raise RuntimeError("internal detail xyz")
    except RuntimeError as exc:
        ui_ctx.report_error(exc)
    qtbot.waitUntil(lambda: window.crash.dialog is not None and window.crash.dialog.isVisible())
    dialog = window.crash.dialog
    text = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert CRASH_TITLE in text
    assert str(window.paths.log_file) in text
    for leak in ("Traceback", "RuntimeError", "internal detail xyz", 'File "'):
        assert leak not in text
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)

    ui_ctx.tasks.error_unhandled.emit(ValueError("second"))  # only logged while one is open
    qtbot.wait(50)
    assert window.crash.dialog is dialog


def test_excepthook_shows_the_same_calm_dialog(window, qtbot, caplog):
    caplog.set_level(logging.ERROR, logger="tend.crash")
    try:
        raise KeyError("private words")
    except KeyError as exc:
        window.crash._excepthook(KeyError, exc, exc.__traceback__)
    qtbot.waitUntil(lambda: window.crash.dialog is not None and window.crash.dialog.isVisible())
    text = "\n".join(label.text() for label in window.crash.dialog.findChildren(QLabel))
    assert CRASH_TITLE in text and "private words" not in text and "KeyError" not in text


SMOKE = """
import sys
from ui import launch
code = launch.run_gui(sys.argv[1], smoke=True)
heavy = sorted(
    m for m in launch.modules_at_first_paint
    if m.split(".")[0] in ("sqlalchemy", "sqlcipher3", "argon2", "zxcvbn", "matplotlib", "numpy")
    or m in ("app.context", "app.security.vault", "ui.context")
)
print("heavy at first paint:", ",".join(heavy))
print("context built:", "app.context" in sys.modules)
sys.exit(code)
"""


@pytest.mark.parametrize(
    ("set_up", "state"), [(False, "onboarding"), (True, "locked")], ids=["first-run", "locked"]
)
def test_smoke_runs_the_whole_start_up_then_reports_and_exits(tmp_path, set_up, state):
    data = tmp_path / "data"
    if set_up:
        data.mkdir()
        (data / "keys.json").write_text("{}")  # only its existence picks the lock screen
    out = run_offscreen(SMOKE, data)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("first-paint: ")
    painted = float(lines[0].split(": ")[1])
    assert lines[1].startswith("ready: ")
    assert 0 < painted <= float(lines[1].split(": ")[1]) < 30
    assert lines[2] == f"state: {state}"
    assert lines[3] == "heavy at first paint: "  # nothing heavy before the first paint
    assert lines[4] == "context built: True"  # ... and all of start-up ran after it
    log = (data / "logs" / "tend.log").read_text()
    assert "gui started" in log and "ERROR" not in log


def test_after_first_paint_installs_everything_before_building_the_context(
    qtbot, tmp_path, monkeypatch
):
    """The order that once crashed every real start: services, hooks, then start()."""
    import sys
    import threading

    from app.paths import AppPaths
    from app.settings import Settings
    from ui.launch import after_first_paint
    from ui.mainwindow import MainWindow
    from ui.taskman import TaskManager

    paths = AppPaths.from_override(str(tmp_path / "d")).ensure()
    tasks = TaskManager()
    window = MainWindow(paths, Settings(paths.settings_file), tasks)
    qtbot.addWidget(window)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    with qtbot.waitSignal(window.ready, timeout=20_000) as ready:
        after_first_paint(window, paths)
    assert ready.args == [True]
    assert sys.excepthook == window.crash._excepthook
    assert window.ctx is not None and window.keys is not None
    window.crash.uninstall_hooks()
    assert sys.excepthook is sys.__excepthook__
    tasks.shutdown()


def _unnamed_controls(root: QWidget) -> list[str]:
    from PySide6.QtWidgets import QCheckBox, QListWidget

    kinds = (QAbstractButton, QLineEdit, QCheckBox, QListWidget)
    return [
        f"{type(w).__name__}:{getattr(w, 'text', lambda: '')()}"
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds) and not w.accessibleName()
    ]


def test_every_control_has_an_accessible_name(window):
    assert _unnamed_controls(window.workspace) == []
    assert _unnamed_controls(window.lock_screen) == []
    assert _unnamed_controls(window.show_onboarding()) == []
    window.show_help()
    assert _unnamed_controls(window.help_dialog) == []


def test_a_log_file_tend_cannot_write_does_not_stop_the_start(tmp_path):
    """A log path Tend can't open (here a folder; in life, say, a root-owned file) is
    carried past: the window becomes ready, and nothing reaches stderr as a traceback."""
    data = tmp_path / "data"
    (data / "logs" / "tend.log").mkdir(parents=True)
    out = run_offscreen(SMOKE, data)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    assert "state: onboarding" in out.stdout.splitlines()


def test_a_failure_after_the_paint_is_said_calmly_and_ends_the_wait(qtbot, tmp_path, monkeypatch):
    import sys
    import threading

    from app.paths import AppPaths
    from app.settings import Settings
    from ui.launch import after_first_paint
    from ui.mainwindow import MainWindow
    from ui.taskman import TaskManager

    paths = AppPaths.from_override(str(tmp_path / "d")).ensure()
    tasks = TaskManager()
    window = MainWindow(paths, Settings(paths.settings_file), tasks)
    qtbot.addWidget(window)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)

    def broken() -> None:
        raise RuntimeError("a service that would not start")

    monkeypatch.setattr(window, "start", broken)
    with qtbot.waitSignal(window.ready, timeout=5000) as ready:
        after_first_paint(window, paths)
    assert ready.args == [False]
    assert window.state == "locked"
    assert "couldn't start properly" in window.lock_screen.message.text()
    window.crash.uninstall_hooks()
    tasks.shutdown()


def test_smoke_with_nobody_reading_still_exits(tmp_path):
    """`tend --smoke | true`: the report can't be written, and Tend still quits."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    tend = Path(sys.executable).with_name("tend")
    proc = subprocess.Popen(
        [str(tend), "--smoke", "--data-dir", str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
