"""The stylesheet and icons, read as package data."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication


def stylesheet() -> str:
    return resources.files("resources").joinpath("styles/tend.qss").read_text("utf-8")


def apply(app: QApplication) -> None:
    app.setStyleSheet(stylesheet())


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons (loaded on first use: not needed for the first paint)."""
    path = resources.files("resources").joinpath(f"icons/{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def mark(widget: object, role: str) -> None:
    """Give a widget a style role the stylesheet can select on (``[role="..."]``)."""
    widget.setProperty("role", role)  # type: ignore[attr-defined]
