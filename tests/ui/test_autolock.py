"""Auto-lock after idle time (injected short), reset by input, off at 0."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.mainwindow import MainWindow, ShellOptions

pytestmark = pytest.mark.gui


@pytest.fixture
def open_window(ui_ctx, qtbot):
    def make(**options):
        window = MainWindow(
            ui_ctx.tend.paths, ui_ctx.tend.settings, ui_ctx.tasks, options=ShellOptions(**options)
        )
        qtbot.addWidget(window)
        window.attach(ui_ctx, unlocked=True)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def test_locks_after_the_idle_time(open_window, qtbot):
    window = open_window(idle_timeout_ms=300)
    assert window.state == "unlocked"
    qtbot.waitUntil(lambda: window.state == "locked" and not window.is_locking(), timeout=3_000)
    assert not window.ctx.tend.unlocked
    assert window.workspace is None


def test_input_resets_the_idle_timer(open_window, qtbot):
    window = open_window(idle_timeout_ms=700)
    for _ in range(6):  # 6 x 250 ms of activity: well past 700 ms in total
        qtbot.wait(250)
        qtbot.keyClick(window.workspace.nav, Qt.Key.Key_Down)
        assert window.state == "unlocked"
    qtbot.mouseMove(window.workspace.lock_button)
    assert window.idle.remaining_ms() > 400
    qtbot.waitUntil(lambda: window.state == "locked", timeout=3_000)


def test_idle_time_comes_from_settings_and_zero_turns_it_off(open_window, ui_ctx, qtbot):
    window = open_window()
    remaining = window.idle.remaining_ms()
    assert 9 * 60_000 < remaining <= 10.5 * 60_000  # the default, 10 minutes (coarse timer)

    ui_ctx.tend.settings.set("auto_lock_minutes", 0)
    qtbot.keyClick(window.workspace.nav, Qt.Key.Key_Down)
    assert window.idle.remaining_ms() == -1  # not counting at all

    ui_ctx.tend.settings.set("auto_lock_minutes", 2)
    qtbot.keyClick(window.workspace.nav, Qt.Key.Key_Down)
    assert 60_000 < window.idle.remaining_ms() <= 126_000


def test_idle_watch_stops_while_locked(open_window, qtbot):
    window = open_window(idle_timeout_ms=200)
    qtbot.waitUntil(lambda: window.state == "locked", timeout=3_000)
    assert not window.idle.active
    assert window.idle.remaining_ms() == -1
