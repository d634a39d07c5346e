"""Guided pauses: paced breathing and 5-4-3-2-1 grounding, each with "I'm done".

``open_pause(parent, ctx, kind)`` is the one entry point for the header's
"Take a pause", the Self-care page and a reminder's Open. The modules behind it
load on first use, never before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.pauses import BREATHING, GROUNDING, KINDS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import UiContext
    from ui.pauses.dialog import PauseDialog

__all__ = ["BREATHING", "GROUNDING", "KINDS", "open_pause"]


def open_pause(
    parent: QWidget | None, ctx: UiContext | None, kind: str = BREATHING, *, tick_ms: int = 1000
) -> PauseDialog:
    """Show a pause over ``parent``'s window (not blocking); it deletes itself when closed.

    ``kind`` is "breathing" or "grounding". Returns the dialog (tests drive it).
    """
    from PySide6.QtCore import Qt

    from ui.pauses.dialog import PauseDialog

    dialog = PauseDialog(ctx, kind, tick_ms=tick_ms, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
