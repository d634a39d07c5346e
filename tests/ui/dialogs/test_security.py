"""Security dialogs used by Settings: new passphrase, new recovery code, keyring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.context import Tend
from app.errors import WrongSecret
from app.security.kdf import TEST_PARAMS
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store
from ui.context import UiContext
from ui.dialogs import security
from ui.dialogs.security import ChangePassphraseDialog, NewRecoveryCodeDialog

pytestmark = pytest.mark.gui

NEW = "tidal orchard compass 88"


@pytest.fixture
def page(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_change_passphrase(page, ui_ctx, qtbot):
    security.change_passphrase(page, ui_ctx)
    dialog = page.findChild(ChangePassphraseDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.entry.first.setText("tooshort")
    dialog.entry.second.setText("tooshort")
    assert not dialog.save_button.isEnabled()
    assert dialog.message.text()
    dialog.entry.first.setText(NEW)
    dialog.entry.second.setText(NEW)
    assert not dialog.save_button.isEnabled()  # the current passphrase comes first
    assert "current passphrase" in dialog.message.text()
    dialog.current.field.setText(PASSPHRASE)
    with qtbot.waitSignal(ui_ctx.notice_requested) as notice:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert notice.args[0] == "info" and "passphrase has been changed" in notice.args[1]
    qtbot.waitUntil(lambda: page.findChild(ChangePassphraseDialog) is None)
    vault = ui_ctx.tend.vault
    assert vault.unlock_with_passphrase(NEW).raw == ui_ctx.tend.key.raw
    with pytest.raises(WrongSecret):
        vault.unlock_with_passphrase(PASSPHRASE)


def test_changing_the_passphrase_needs_the_current_one(page, ui_ctx, qtbot):
    keyfile = ui_ctx.tend.paths.keyfile
    before = keyfile.read_bytes()
    security.change_passphrase(page, ui_ctx)
    dialog = page.findChild(ChangePassphraseDialog)
    assert dialog.focusWidget() is dialog.current.field
    dialog.current.field.setText("not the one in use")
    dialog.entry.first.setText(NEW)
    dialog.entry.second.setText(NEW)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ui_ctx.tasks.idle)
    assert dialog.isVisible()
    assert dialog.message.text() == security.WRONG_CURRENT
    assert dialog.current.isEnabled() and dialog.entry.isEnabled()
    assert dialog.current.field.selectedText() == "not the one in use"  # ready to retype
    assert keyfile.read_bytes() == before
    assert ui_ctx.tend.vault.unlock_with_passphrase(PASSPHRASE).raw == ui_ctx.tend.key.raw


@pytest.fixture
def with_code(tend, tasks) -> tuple[UiContext, str]:
    """An unlocked Tend over a fresh vault, and its recovery code."""
    created = tend.vault.create(PASSPHRASE)
    tend.unlock(created.key)
    return UiContext(tend, tasks), created.recovery_code


def make_new_code(page, ctx, qtbot) -> NewRecoveryCodeDialog:
    """Open the dialog and make a new code (shown, not yet saved)."""
    security.show_new_recovery_code(page, ctx)
    dialog = page.findChild(NewRecoveryCodeDialog)
    assert dialog.steps.currentIndex() == NewRecoveryCodeDialog.CONFIRM
    assert not dialog.make_button.isEnabled()  # the current passphrase comes first
    dialog.current.field.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == NewRecoveryCodeDialog.SHOWING)
    return dialog


def test_new_recovery_code_is_saved_once_written_down(with_code, page, qtbot):
    ctx, old_code = with_code
    tend = ctx.tend
    dialog = make_new_code(page, ctx, qtbot)
    confirm = dialog.steps.widget(NewRecoveryCodeDialog.CONFIRM)
    assert "old code keeps working" in " ".join(w.text() for w in confirm.findChildren(QLabel))
    new_code = dialog.code_panel.code()
    assert new_code and new_code != old_code
    assert tend.vault.unlock_with_recovery(old_code).raw == tend.key.raw  # not saved yet
    assert not dialog.done_button.isEnabled()
    dialog.code_panel.written.setChecked(True)
    with qtbot.waitSignal(ctx.notice_requested) as notice:
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert "new recovery code is saved" in notice.args[1]
    qtbot.waitUntil(lambda: page.findChild(NewRecoveryCodeDialog) is None)
    assert tend.vault.unlock_with_recovery(new_code).raw == tend.key.raw
    with pytest.raises(WrongSecret):
        tend.vault.unlock_with_recovery(old_code)


def test_escaping_the_new_code_changes_nothing(with_code, page, qtbot):
    ctx, old_code = with_code
    tend = ctx.tend
    before = tend.paths.keyfile.read_bytes()
    dialog = make_new_code(page, ctx, qtbot)
    new_code = dialog.code_panel.code()
    dialog.code_panel.written.setChecked(True)
    qtbot.keyClick(dialog.code_panel.code_label, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.findChild(NewRecoveryCodeDialog) is None)
    qtbot.waitUntil(ctx.tasks.idle)
    assert tend.paths.keyfile.read_bytes() == before
    assert tend.vault.unlock_with_recovery(old_code).raw == tend.key.raw
    with pytest.raises(WrongSecret):
        tend.vault.unlock_with_recovery(new_code)


def test_a_new_code_needs_the_current_passphrase(with_code, page, qtbot):
    ctx, _old_code = with_code
    before = ctx.tend.paths.keyfile.read_bytes()
    security.show_new_recovery_code(page, ctx)
    dialog = page.findChild(NewRecoveryCodeDialog)
    dialog.current.field.setText("not the one in use")
    qtbot.keyClick(dialog.current.field, Qt.Key.Key_Return)
    qtbot.waitUntil(ctx.tasks.idle)
    assert dialog.steps.currentIndex() == NewRecoveryCodeDialog.CONFIRM
    assert dialog.error.text() == security.WRONG_CURRENT
    assert dialog.code_panel.code() == ""  # no code was made
    assert ctx.tend.paths.keyfile.read_bytes() == before


def test_closing_the_dialog_takes_a_copied_code_off_the_clipboard(with_code, page, qtbot):
    ctx, _old_code = with_code
    dialog = make_new_code(page, ctx, qtbot)
    qtbot.mouseClick(dialog.code_panel.copy_button, Qt.MouseButton.LeftButton)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == dialog.code_panel.code()
    qtbot.keyClick(dialog.code_panel.code_label, Qt.Key.Key_Escape)
    assert clipboard.text() == ""  # at once, not only once Qt deletes the dialog


def test_remember_refused_with_the_reason_when_no_secure_keyring(page, ui_ctx, qtbot):
    with qtbot.waitSignal(ui_ctx.notice_requested) as notice:
        security.set_remembered(page, ui_ctx, True)
    assert notice.args == ["error", ui_ctx.tend.vault.secrets.status().reason]
    assert not ui_ctx.tend.vault.remembered()


def test_remember_and_forget_with_a_trusted_keyring(
    paths, clock, memory_keyring, tasks, page, qtbot
):
    tend = Tend.build(paths, clock=clock, secrets=trusted_memory_store(), kdf=TEST_PARAMS)
    try:
        tend.unlock(tend.vault.create(PASSPHRASE).key)
        ctx = UiContext(tend, tasks)
        with qtbot.waitSignal(ctx.notice_requested) as notice:
            security.set_remembered(page, ctx, True)
        assert notice.args[0] == "info"
        assert tend.vault.remembered() and memory_keyring.items
        with qtbot.waitSignal(ctx.notice_requested):
            security.set_remembered(page, ctx, False)
        assert not tend.vault.remembered() and not memory_keyring.items
    finally:
        qtbot.waitUntil(tasks.idle)
        tend.lock()
