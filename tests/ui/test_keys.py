"""Keys that behave the same everywhere: Enter presses the focused button, Ctrl+Enter
presses a dialog's primary action (ui.idle.GlobalKeys)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from ui.idle import primary_action

pytestmark = pytest.mark.gui


def _clicks(button: QPushButton) -> list[bool]:
    seen: list[bool] = []
    button.clicked.connect(lambda *_: seen.append(True))
    return seen


def test_enter_presses_the_focused_button_outside_dialogs(main_window, qtbot):
    panel = QWidget(main_window.workspace)
    layout = QVBoxLayout(panel)
    first, second = QPushButton("First"), QPushButton("Second")
    layout.addWidget(first)
    layout.addWidget(second)
    panel.show()
    seen_first, seen_second = _clicks(first), _clicks(second)
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)

    QTest.keyClick(second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(seen_second) == 1)
    QTest.keyClick(second, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    qtbot.waitUntil(lambda: len(seen_second) == 2)
    assert seen_first == []
    second.setEnabled(False)
    QTest.keyClick(second, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert len(seen_second) == 2  # a disabled button stays unpressed


def test_ctrl_enter_presses_the_primary_action_of_a_dialog(main_window, qtbot):
    from ui.supervision.dialogs import BookDialog

    dialog = BookDialog("Tue 1 Dec 10:00 with Sam", parent=main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert primary_action(dialog) is dialog.ok_button
    dialog.agenda.setFocus()
    qtbot.waitUntil(dialog.agenda.hasFocus)

    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        QTest.keyClick(dialog.agenda, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.agenda.toPlainText() == ""  # the key didn't also type a new line


def test_ctrl_enter_in_a_dialog_without_a_primary_action_does_nothing(main_window, qtbot):
    from PySide6.QtWidgets import QDialog, QLineEdit

    dialog = QDialog(main_window)
    field = QLineEdit(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)
    assert dialog.isVisible()
    assert primary_action(dialog) is None
    dialog.close()
    assert QApplication.activeModalWidget() is None
