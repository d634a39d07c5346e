"""Security dialogs used by Settings: new passphrase, new recovery code, keyring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

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
    with qtbot.waitSignal(ui_ctx.notice_requested) as notice:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert notice.args[0] == "info" and "passphrase has been changed" in notice.args[1]
    qtbot.waitUntil(lambda: page.findChild(ChangePassphraseDialog) is None)
    vault = ui_ctx.tend.vault
    assert vault.unlock_with_passphrase(NEW).raw == ui_ctx.tend.key.raw
    with pytest.raises(WrongSecret):
        vault.unlock_with_passphrase(PASSPHRASE)


def test_new_recovery_code_shown_once_and_old_one_stops_working(tend, tasks, page, qtbot):
    created = tend.vault.create(PASSPHRASE)
    old_code = created.recovery_code
    tend.unlock(created.key)
    ctx = UiContext(tend, tasks)
    security.show_new_recovery_code(page, ctx)
    dialog = page.findChild(NewRecoveryCodeDialog)
    assert dialog.steps.currentIndex() == NewRecoveryCodeDialog.CONFIRM
    confirm = dialog.steps.widget(NewRecoveryCodeDialog.CONFIRM)
    assert "old code will stop working" in " ".join(w.text() for w in confirm.findChildren(QLabel))
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == NewRecoveryCodeDialog.SHOWING)
    new_code = dialog.code_panel.code()
    assert new_code and new_code != old_code
    assert not dialog.done_button.isEnabled()
    dialog.code_panel.written.setChecked(True)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(NewRecoveryCodeDialog) is None)
    assert tend.vault.unlock_with_recovery(new_code).raw == tend.key.raw
    with pytest.raises(WrongSecret):
        tend.vault.unlock_with_recovery(old_code)


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
