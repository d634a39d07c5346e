"""A ready-made "Take a pause" button for the header or a page: a small menu of the two."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from app.pauses import BREATHING, GROUNDING
from ui.pauses import open_pause

if TYPE_CHECKING:
    from ui.context import UiContext

CHOICES = ((BREATHING, "Breathe slowly"), (GROUNDING, "Five senses (grounding)"))


class PauseButton(QPushButton):
    """ "Take a pause": opens a small menu of the kinds, the first one ready to choose.

    The menu pops up on click rather than through ``setMenu``: a menu that a
    QPushButton opens from a Space press ignores the first Enter (seen with Qt 6 on
    X11), and one Enter should be enough to start a pause.
    """

    def __init__(self, parent: QWidget, ctx: UiContext | None) -> None:
        # No mnemonic: the header is always on screen, and pages already use most letters.
        super().__init__(parent.tr("Take a pause"), parent)
        self.setObjectName("pauseButton")
        self.setAccessibleName(parent.tr("Take a pause"))
        self.setAccessibleDescription(parent.tr("Opens a menu: breathing, or grounding"))
        self.setToolTip(parent.tr("A minute of slow breathing, or grounding with your senses"))
        self.choices = QMenu(self)
        self.choices.setAccessibleName(parent.tr("Kinds of pause"))
        for kind, words in CHOICES:
            action = self.choices.addAction(parent.tr(words))
            action.setData(kind)
            action.triggered.connect(lambda _checked=False, k=kind: open_pause(parent, ctx, k))
        self.clicked.connect(self.show_choices)

    def show_choices(self) -> None:
        self.choices.popup(self.mapToGlobal(self.rect().bottomLeft()))
        self.choices.setActiveAction(self.choices.actions()[0])


def pause_button(parent: QWidget, ctx: UiContext | None) -> PauseButton:
    """A "Take a pause" button with a menu: breathing or grounding, over ``parent``'s window."""
    return PauseButton(parent, ctx)
