"""A ready-made "Take a pause" button for the header or a page: a small menu of the two."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from app.pauses import BREATHING, GROUNDING
from ui.pauses import open_pause

if TYPE_CHECKING:
    from ui.context import UiContext

CHOICES = ((BREATHING, "Breathe slowly"), (GROUNDING, "Five senses (grounding)"))


def pause_button(parent: QWidget, ctx: UiContext | None) -> QPushButton:
    """A "Take a pause" button with a menu: breathing or grounding, over ``parent``'s window."""
    # No mnemonic: the header is always on screen, and pages already use most letters.
    widget = QPushButton(parent.tr("Take a pause"), parent)
    widget.setObjectName("pauseButton")
    widget.setAccessibleName(parent.tr("Take a pause"))
    widget.setToolTip(parent.tr("A minute of slow breathing, or grounding with your senses"))
    menu = QMenu(widget)
    menu.setAccessibleName(parent.tr("Kinds of pause"))
    for kind, words in CHOICES:
        action = menu.addAction(parent.tr(words))
        action.setData(kind)
        action.triggered.connect(lambda _checked=False, k=kind: open_pause(parent, ctx, k))
    widget.setMenu(menu)
    return widget
