"""The recovery-code panel: a copied code doesn't stay on the clipboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.recovery import CLIPBOARD_CLEAR_MS, RecoveryCodePanel

pytestmark = pytest.mark.gui

CODE = "ABCD-EFGH-JKMN-PQRS-TWXY-2345"


@pytest.fixture
def clipboard(qapp) -> Iterator[object]:
    board = QApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def shown_panel(qtbot, clear_after_ms: int) -> tuple[QWidget, RecoveryCodePanel]:
    window = QWidget()
    qtbot.addWidget(window)
    panel = RecoveryCodePanel(window, clear_after_ms=clear_after_ms)
    panel.set_code(CODE)
    window.resize(640, 200)
    panel.resize(640, 200)
    window.show()
    qtbot.waitExposed(window)
    return window, panel


def test_a_copied_code_is_cleared_after_a_while(clipboard, qtbot):
    assert CLIPBOARD_CLEAR_MS == 60_000  # what people get
    _window, panel = shown_panel(qtbot, clear_after_ms=100)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == CODE
    assert panel.clipboard_timer.isActive()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2_000)


def test_something_copied_since_is_left_alone(clipboard, qtbot):
    _window, panel = shown_panel(qtbot, clear_after_ms=100)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    clipboard.setText("a phone number")
    qtbot.waitUntil(lambda: not panel.clipboard_timer.isActive(), timeout=2_000)
    assert clipboard.text() == "a phone number"


def test_the_code_leaves_the_clipboard_with_the_panel(clipboard, qtbot):
    window, panel = shown_panel(qtbot, clear_after_ms=CLIPBOARD_CLEAR_MS)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == CODE
    window.close()
    panel.deleteLater()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2_000)
