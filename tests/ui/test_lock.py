"""The lock screen: unlocking, wrong passphrases (kind words, growing delay), recovery."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.errors import WrongSecret
from tests.helpers.fakes import PASSPHRASE
from ui.lockscreen import DEFAULT_DELAYS, LockScreen, delay_after

pytestmark = pytest.mark.gui

NEW_PASSPHRASE = "copper meadow violin 17"


@pytest.fixture
def set_up(tend):
    """A Tend with a vault (locked); returns the recovery code."""
    created = tend.vault.create(PASSPHRASE)
    created.key.wipe()
    return created.recovery_code


def _type_and_unlock(qtbot, screen: LockScreen, passphrase: str) -> None:
    screen.passphrase.setText(passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)


def test_delay_schedule_grows_and_is_capped():
    assert [delay_after(n, DEFAULT_DELAYS) for n in range(0, 9)] == [0, 0, 2, 4, 8, 16, 30, 30, 30]


def test_starts_locked_and_unlocks_with_the_passphrase(make_window, tend, set_up, qtbot):
    window = make_window(tend)
    assert window.state == "locked"
    screen = window.lock_screen
    _type_and_unlock(qtbot, screen, PASSPHRASE)
    # While the worker runs: the field and button are disabled and it says so.
    assert not screen.passphrase.isEnabled()
    assert not screen.unlock_button.isEnabled()
    assert screen.message.text() == "Unlocking…"
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=10_000)
    assert tend.unlocked
    assert window.windowTitle() == "Tend"


def test_lock_then_unlock_again(main_window, qtbot):
    tend = main_window.ctx.tend
    qtbot.mouseClick(main_window.workspace.lock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main_window.state == "locked" and not main_window.is_locking())
    assert not tend.unlocked
    assert main_window.workspace is None
    assert main_window.windowTitle() == "Tend"
    assert main_window.lock_screen.message.text() == ""  # no "Locking…" left behind
    assert main_window.lock_screen.passphrase.isEnabled()
    _type_and_unlock(qtbot, main_window.lock_screen, PASSPHRASE)
    qtbot.waitUntil(lambda: main_window.state == "unlocked", timeout=10_000)
    assert tend.unlocked


def test_wrong_passphrase_is_kind_waits_longer_and_touches_nothing(
    make_window, tend, set_up, qtbot
):
    keyfile = tend.paths.keyfile
    before = (keyfile.read_bytes(), keyfile.stat().st_mtime_ns)
    window = make_window(tend, retry_delays=(0, 1.5))
    screen = window.lock_screen

    _type_and_unlock(qtbot, screen, "not my passphrase")
    qtbot.waitUntil(lambda: screen.misses == 1)
    assert "didn't open Tend" in screen.message.text()
    assert "try again in" not in screen.message.text()  # no wait after the first miss
    assert screen.unlock_button.isEnabled()

    _type_and_unlock(qtbot, screen, "still not it")
    qtbot.waitUntil(lambda: screen.misses == 2)
    assert not screen.unlock_button.isEnabled()
    assert "You can try again in 2 seconds." in screen.message.text()
    screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)  # Enter is refused while waiting
    assert screen.message.text() != "Unlocking…"
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=4_000)
    assert "try again in" not in screen.message.text()

    assert not tend.unlocked
    assert (keyfile.read_bytes(), keyfile.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tend.paths.data.iterdir() if p.is_file()) == ["keys.json"]

    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=10_000)
    assert screen.misses == 0  # a fresh start next time


def test_recovery_code_then_new_passphrase(make_window, tend, set_up, qtbot):
    code = set_up
    window = make_window(tend)
    screen = window.lock_screen
    qtbot.mouseClick(screen.forgot_button, Qt.MouseButton.LeftButton)
    assert screen.views.currentIndex() == LockScreen.RECOVERY

    screen.code.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    qtbot.mouseClick(screen.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.misses == 1)
    assert "didn't match" in screen.recovery_message.text()

    screen.code.setText(code.lower().replace("-", " "))  # people type it loosely
    qtbot.mouseClick(screen.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.views.currentIndex() == LockScreen.NEW_PASSPHRASE)
    assert window.state == "recovering"
    assert window.workspace is None  # nothing private until a new passphrase is set

    screen.new_entry.first.setText("short")
    screen.new_entry.second.setText("short")
    assert not screen.save_button.isEnabled()
    assert "at least 10 characters" in screen.new_message.text()
    screen.new_entry.first.setText(NEW_PASSPHRASE)
    screen.new_entry.second.setText(NEW_PASSPHRASE)
    assert screen.save_button.isEnabled()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=10_000)
    assert "new passphrase is set" in window.workspace.banner.message.text()

    assert tend.vault.unlock_with_passphrase(NEW_PASSPHRASE).raw == tend.key.raw
    with pytest.raises(WrongSecret):
        tend.vault.unlock_with_passphrase(PASSPHRASE)
    assert tend.vault.unlock_with_recovery(code).raw == tend.key.raw  # still works


def test_old_passphrase_refused_on_the_lock_screen_after_recovery(make_window, tend, set_up, qtbot):
    window = make_window(tend)
    screen = window.lock_screen
    screen.show_view(LockScreen.RECOVERY)
    screen.code.setText(set_up)
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state == "recovering")
    screen.new_entry.first.setText(NEW_PASSPHRASE)
    screen.new_entry.second.setText(NEW_PASSPHRASE)
    qtbot.keyClick(screen.new_entry.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=10_000)

    window.lock()
    qtbot.waitUntil(lambda: window.state == "locked" and not window.is_locking())
    _type_and_unlock(qtbot, screen, PASSPHRASE)
    qtbot.waitUntil(lambda: screen.misses == 1)
    assert window.state == "locked"
    _type_and_unlock(qtbot, screen, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=10_000)
