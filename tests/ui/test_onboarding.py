"""First run: welcome → passphrase (weak refused) → recovery code → main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.context import Tend
from app.security.kdf import TEST_PARAMS
from app.security.recovery import normalise
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store
from ui.mainwindow import KEYRING_LINE, PASSPHRASE_LINE
from ui.onboarding import Onboarding

pytestmark = pytest.mark.gui


def _labels_text(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def _choose(qtbot, onboarding: Onboarding, passphrase: str) -> None:
    onboarding.entry.first.clear()
    onboarding.entry.second.clear()
    qtbot.keyClicks(onboarding.entry.first, passphrase)
    qtbot.keyClicks(onboarding.entry.second, passphrase)


def _finish_onboarding(qtbot, window, *, remember: bool = False) -> str:
    onboarding = window.onboarding
    qtbot.mouseClick(onboarding.start_button, Qt.MouseButton.LeftButton)
    _choose(qtbot, onboarding, PASSPHRASE)
    if remember:
        onboarding.remember.setChecked(True)
    qtbot.mouseClick(onboarding.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: onboarding.steps.currentIndex() == Onboarding.RECOVERY, timeout=10_000)
    code = onboarding.code_panel.code()
    onboarding.code_panel.written.setChecked(True)
    qtbot.mouseClick(onboarding.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state == "unlocked")
    return code


def test_welcome_says_what_is_kept_where_and_who_reads_it(make_window, tend):
    window = make_window(tend)
    assert window.state == "onboarding"
    assert window.windowTitle() == "Tend"
    text = _labels_text(window.onboarding.steps.widget(Onboarding.WELCOME))
    assert str(tend.paths.data) in text
    assert "Only you can read them" in text


def test_weak_passphrase_is_refused_with_the_reason(make_window, tend, qtbot):
    window = make_window(tend)
    onboarding = window.onboarding
    qtbot.mouseClick(onboarding.start_button, Qt.MouseButton.LeftButton)
    assert onboarding.steps.currentIndex() == Onboarding.PASSPHRASE
    assert not onboarding.continue_button.isEnabled()

    _choose(qtbot, onboarding, "password1")
    assert not onboarding.continue_button.isEnabled()
    assert "at least 10 characters" in onboarding.blocker.text()

    _choose(qtbot, onboarding, "passwordpassword")
    assert not onboarding.continue_button.isEnabled()
    assert onboarding.blocker.text()  # the reason is shown next to the button

    qtbot.keyClicks(onboarding.entry.first, "")
    onboarding.entry.first.setText(PASSPHRASE)
    onboarding.entry.second.setText(PASSPHRASE + "x")
    assert not onboarding.continue_button.isEnabled()
    assert "don't match" in onboarding.blocker.text()

    onboarding.entry.second.setText(PASSPHRASE)
    assert onboarding.continue_button.isEnabled()
    assert onboarding.blocker.text() == ""
    assert not tend.vault.exists()  # nothing is written before Continue


def test_keyring_option_disabled_with_reason_on_this_machine(make_window, tend):
    window = make_window(tend)
    status = tend.vault.secrets.status()
    assert not status.available
    assert not window.onboarding.remember.isEnabled()
    assert window.onboarding.remember_reason.text() == status.reason


def test_onboarding_end_to_end_reaches_the_main_window(make_window, tend, qtbot):
    window = make_window(tend)
    code = _finish_onboarding(qtbot, window)

    assert normalise(code) == code
    assert window.workspace is not None and window.workspace.isVisible()
    assert window.onboarding is None
    assert tend.unlocked and tend.vault.exists()
    assert not tend.vault.remembered()
    # The code shown is the one that opens Tend, and so does the passphrase.
    assert tend.vault.unlock_with_recovery(code).raw == tend.key.raw
    assert tend.vault.unlock_with_passphrase(PASSPHRASE).raw == tend.key.raw
    qtbot.waitUntil(lambda: window.protection.text() == PASSPHRASE_LINE)


def test_recovery_step_needs_the_written_down_tick(make_window, tend, qtbot):
    window = make_window(tend)
    onboarding = window.onboarding
    qtbot.mouseClick(onboarding.start_button, Qt.MouseButton.LeftButton)
    _choose(qtbot, onboarding, PASSPHRASE)
    qtbot.keyClick(onboarding.entry.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: onboarding.steps.currentIndex() == Onboarding.RECOVERY, timeout=10_000)
    assert not onboarding.finish_button.isEnabled()
    qtbot.mouseClick(onboarding.code_panel.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == onboarding.code_panel.code()
    assert onboarding.code_panel.code_label.textInteractionFlags() & (
        Qt.TextInteractionFlag.TextSelectableByMouse
    )
    onboarding.code_panel.written.setChecked(True)
    assert onboarding.finish_button.isEnabled()


def test_remember_on_this_device_skips_the_lock_screen_next_time(
    make_window, paths, clock, memory_keyring, qtbot
):
    first = Tend.build(paths, clock=clock, secrets=trusted_memory_store(), kdf=TEST_PARAMS)
    try:
        window = make_window(first)
        assert window.onboarding.remember.isEnabled()
        _finish_onboarding(qtbot, window, remember=True)
        assert first.vault.remembered()
        assert memory_keyring.items  # the key went to the (trusted) keyring
        qtbot.waitUntil(lambda: window.protection.text() == KEYRING_LINE)
        window.lock()
        qtbot.waitUntil(lambda: not first.unlocked and not window.is_locking())
        window.close()
    finally:
        first.lock()

    second = Tend.build(paths, clock=clock, secrets=trusted_memory_store(), kdf=TEST_PARAMS)
    try:
        again = make_window(second)
        qtbot.waitUntil(lambda: again.state == "unlocked", timeout=10_000)
        assert second.unlocked
        qtbot.waitUntil(lambda: again.protection.text() == KEYRING_LINE)
        again.lock()
        qtbot.waitUntil(lambda: not again.is_locking())
    finally:
        qtbot.waitUntil(again.tasks.idle)
        second.lock()

    # The keyring lost the key (e.g. reset by the system): back to the passphrase, calmly.
    memory_keyring.items.clear()
    third = Tend.build(paths, clock=clock, secrets=trusted_memory_store(), kdf=TEST_PARAMS)
    try:
        last = make_window(third)
        qtbot.waitUntil(lambda: last.lock_screen.passphrase.isEnabled())
        qtbot.waitUntil(last.tasks.idle)
        assert last.state == "locked" and not third.unlocked
        assert last.lock_screen.message.text() == ""
    finally:
        third.lock()
