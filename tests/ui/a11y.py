"""What a screen reader hears from a page: every control it can Tab to, by its accessible name.

``problems(root)`` walks the widgets under ``root`` that take keyboard focus and
lists each one a person using a screen reader would meet badly: no name at all,
a name with doubled articles ("Change the a while…"), or announced only by its
frame ("border") or as a blank "client" area.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

DOUBLED_ARTICLES = re.compile(r"\b(the|a|an)\s+(the|a|an)\b", re.IGNORECASE)
VAGUE_ROLES = {QAccessible.Role.Border, QAccessible.Role.Client, QAccessible.Role.NoRole}


def focusable(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab can reach: shown, enabled, not a stand-in."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None or not widget.isEnabled():
            continue
        if widget is not root and not widget.isVisibleTo(root):
            continue
        found.append(widget)
    return found


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}".strip()


def problems(root: QWidget) -> list[str]:
    """One line per badly announced control; ``[]`` when every one reads well."""
    controls = focusable(root)
    assert controls, "nothing focusable: the walk would prove nothing"
    out = []
    for widget in controls:
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            out.append(f"{describe(widget)}: no accessible name")
        elif DOUBLED_ARTICLES.search(name):
            out.append(f"{describe(widget)}: {name!r} reads awkwardly")
        if face is not None and face.role() in VAGUE_ROLES:
            out.append(f"{describe(widget)} ({name!r}): announced as {face.role().name}")
    return out
