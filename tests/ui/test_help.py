""" "Get help now" on every screen: one click or F1, the region's lines, kind words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from tests.helpers.fakes import PASSPHRASE
from ui.helpdialog import HelpDialog

pytestmark = pytest.mark.gui


def _dialog_text(dialog: HelpDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def _assert_shows_lines(window, qtbot) -> HelpDialog:
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    dialog = window.help_dialog
    text = _dialog_text(dialog)
    assert "13 11 14" in text
    assert dialog.findChild(QLabel, "emergencyLine").text() == (
        "If you're in danger right now, call 000."
    )
    return dialog


def test_from_onboarding(make_window, tend, qtbot):
    window = make_window(tend)
    assert window.onboarding.help_button.isVisible()
    qtbot.mouseClick(window.onboarding.help_button, Qt.MouseButton.LeftButton)
    _assert_shows_lines(window, qtbot)


def test_from_the_lock_screen(make_window, tend, qtbot):
    tend.vault.create(PASSPHRASE).key.wipe()
    window = make_window(tend)
    assert window.state == "locked"
    assert window.lock_screen.help_button.isVisible()
    qtbot.mouseClick(window.lock_screen.help_button, Qt.MouseButton.LeftButton)
    _assert_shows_lines(window, qtbot)


def test_from_the_main_window_button_f1_and_pages(main_window, qtbot):
    button = main_window.workspace.help_button
    assert button.isVisible() and button.text() == "Get help now"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = _assert_shows_lines(main_window, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # keyboard closes it
    qtbot.waitUntil(lambda: main_window.help_dialog is None)

    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.keyClick(main_window.workspace.nav, Qt.Key.Key_F1)
    _assert_shows_lines(main_window, qtbot).close()
    qtbot.waitUntil(lambda: main_window.help_dialog is None)

    main_window.ctx.help_requested.emit()  # what a page does
    _assert_shows_lines(main_window, qtbot)


def test_copy_buttons_and_accessible_names(main_window, qtbot):
    main_window.show_help()
    dialog = main_window.help_dialog
    numbers = [
        label for label in dialog.findChildren(QLabel) if label.property("role") == "lineNumber"
    ]
    assert numbers and all(label.accessibleName() for label in numbers)
    lifeline = next(label for label in numbers if label.text() == "13 11 14")
    assert "Lifeline" in lifeline.accessibleName()
    for button in dialog.findChildren(QAbstractButton):
        assert button.accessibleName(), button.text()
    assert dialog.copy_buttons[0].hasFocus() or dialog.focusWidget() is dialog.copy_buttons[0]
    lifeline_copy = next(b for b in dialog.copy_buttons if "Lifeline" in b.accessibleName())
    qtbot.mouseClick(lifeline_copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "13 11 14"


def test_shows_the_organisations_program_when_set(main_window, qtbot):
    settings = main_window.ctx.tend.settings
    settings.set("eap_name", "Acme Wellbeing")
    settings.set("eap_phone", "1800 000 111")
    main_window.show_help()
    text = _dialog_text(main_window.help_dialog)
    assert "Acme Wellbeing" in text and "1800 000 111" in text


def test_no_traceback_words_and_warm_first_words(main_window):
    main_window.show_help()
    text = _dialog_text(main_window.help_dialog)
    assert "don't have to carry this on your own" in text
    assert "Error" not in text
