"""The stylesheet and icons, read as package data."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

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


def centred_scroll(
    content: QWidget,
    max_width: int,
    *,
    margins: tuple[int, int, int, int] = (0, 0, 0, 0),
    sideways: bool = True,
) -> QScrollArea:
    """``content``, at most ``max_width`` wide and centred, in a frameless scroll area that
    lets the page's own background show. ``sideways=False`` never scrolls sideways."""
    from PySide6.QtCore import Qt  # not at import: ui.style is on the first-paint path

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    if not sideways:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content.setMaximumWidth(max_width)
    holder = QWidget()
    centred = QHBoxLayout(holder)
    centred.setContentsMargins(*margins)
    centred.addWidget(content)
    scroll.setWidget(holder)
    # After setWidget, which turns it on: the page's own background shows through.
    holder.setAutoFillBackground(False)
    scroll.viewport().setAutoFillBackground(False)
    return scroll
