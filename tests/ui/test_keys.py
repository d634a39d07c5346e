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


def test_tab_leaves_a_date_box_instead_of_moving_between_its_parts(main_window, qtbot):
    from PySide6.QtWidgets import QDateEdit, QLineEdit

    panel = QWidget(main_window.workspace)
    layout = QVBoxLayout(panel)
    before, day, after = QLineEdit(), QDateEdit(), QLineEdit()
    day.setDisplayFormat("ddd d MMM yyyy")
    for widget in (before, day, after):
        layout.addWidget(widget)
    panel.show()
    day.setFocus()
    qtbot.waitUntil(day.hasFocus)

    QTest.keyClick(day, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    day.setFocus()
    qtbot.waitUntil(day.hasFocus)
    QTest.keyClick(day, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(before.hasFocus)


def _tab_chain(start: QWidget, within: QWidget, count: int) -> list[QWidget]:
    """The next ``count`` widgets Tab would reach from ``start``, inside ``within``."""
    chain, widget = [], start
    while len(chain) < count:
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (
            within.isAncestorOf(widget)
            and widget.isVisibleTo(within)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            chain.append(widget)
    return chain


def test_the_header_is_tabbed_through_in_the_order_it_is_read(main_window):
    workspace = main_window.workspace
    assert _tab_chain(workspace.nav, workspace, 3) == [
        workspace.pause_button,
        workspace.help_button,
        workspace.lock_button,
    ]


def test_the_recovery_code_step_is_tabbed_through_in_the_order_it_is_read(main_window):
    from app.security.recovery import new_code

    onboarding = main_window.show_onboarding()
    onboarding.show_recovery_code(new_code())
    panel = onboarding.code_panel
    panel.written.setChecked(True)
    order = _tab_chain(panel.code_label, onboarding, 5)
    assert order == [
        panel.copy_button,
        panel.save_button,
        panel.print_button,
        panel.written,
        onboarding.finish_button,
    ]


def test_a_held_enter_presses_a_button_once(main_window, qtbot):
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication as App

    panel = QWidget(main_window.workspace)
    button = QPushButton("Once", panel)
    panel.show()
    seen = _clicks(button)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    from PySide6.QtCore import QEvent

    for repeat in (False, True, True):
        event = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "", repeat
        )
        App.sendEvent(button, event)
    qtbot.wait(300)
    assert seen == [True]


def test_ctrl_tab_in_a_date_box_is_not_taken_for_tab(main_window, qtbot):
    from PySide6.QtWidgets import QDateEdit, QLineEdit

    panel = QWidget(main_window.workspace)
    layout = QVBoxLayout(panel)
    before, day = QLineEdit(), QDateEdit()
    layout.addWidget(before)
    layout.addWidget(day)
    panel.show()
    day.setFocus()
    qtbot.waitUntil(day.hasFocus)
    QTest.keyClick(day, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert not before.hasFocus()  # Ctrl+Tab didn't move the focus backwards
