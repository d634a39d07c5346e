"""Showing one page on its own in a widget test (one copy for every page's tests)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLayout, QVBoxLayout, QWidget


def host_page(
    qtbot, page: QWidget, size: tuple[int, int] = (1000, 700), *, activate: bool = True
) -> QWidget:
    """Show ``page`` inside a plain window whose layout doesn't pass size hints up (the
    offscreen platform warns when a shown window's minimum size changes, and warnings
    fail tests); with ``activate``, wait until that window has the keyboard."""
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(page)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    if activate:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window
