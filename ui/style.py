"""The stylesheet and icons, read as package data."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

import resources


def stylesheet() -> str:
    return resources.read_text("styles/tend.qss")


def apply(app: QApplication) -> None:
    app.setStyleSheet(stylesheet())


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons (loaded on first use: not needed for the first paint)."""
    path = resources.path(f"icons/{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def mark(widget: object, role: str) -> None:
    """Give a widget a style role the stylesheet can select on (``[role="..."]``)."""
    widget.setProperty("role", role)  # type: ignore[attr-defined]


def label(text: str, role: str = "", parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label, optionally with a style role."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    if role:
        mark(widget, role)
    return widget


def button(text: str, name: str, role: str = "") -> QPushButton:
    """A push button with an accessible name (``text`` may carry an &mnemonic)."""
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    if role:
        mark(widget, role)
    return widget
