"""A quiet area above the page for notices and "Undo".

Two strips, each with its own Dismiss: the latest notice, and the latest Undo.
An Undo stays until the person dismisses or uses it, another Undo replaces it,
or Tend locks (the workspace, banner and all, is deleted): that is what the
journal promises when it asks before deleting. A notice never pushes it away.

It never takes keyboard focus by itself: a notice appears where the eye can
find it, and Tab still reaches its buttons.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.style import mark


class _Strip(QWidget):
    """One line of the banner: words, room for an action, and Dismiss."""

    def __init__(self, name: str, dismiss_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")  # the stylesheet's look for a notice
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAccessibleName(name)
        self.message = QLabel(self)
        self.message.setObjectName("bannerMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(dismiss_name)
        mark(self.close_button, "quiet")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 8, 8, 8)
        self.row.addWidget(self.message, 1)
        self.row.addWidget(self.close_button)
        self.hide()

    def show_text(self, text: str, level: str = "info") -> None:
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.show()  # shown, not focused: typing carries on where it was


class Banner(QWidget):
    undo_ran = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notices")
        self._undo: Callable[[], None] | None = None

        self._notice = _Strip(self.tr("Notice"), self.tr("Dismiss notice"), self)
        self._notice.close_button.clicked.connect(self.dismiss)
        self.message = self._notice.message
        self.close_button = self._notice.close_button

        self._undo_strip = _Strip(self.tr("Undo"), self.tr("Dismiss, without undoing"), self)
        self.undo_message = self._undo_strip.message
        self.undo_button = QPushButton(self.tr("&Undo"), self._undo_strip)
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self._undo_strip.row.insertWidget(1, self.undo_button)
        self.undo_close_button = self._undo_strip.close_button
        self.undo_close_button.clicked.connect(self.dismiss_undo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._undo_strip)
        layout.addWidget(self._notice)
        self.hide()

    @property
    def level(self) -> str:
        """The level of the notice shown ("info" or "error"; "" before the first)."""
        return str(self._notice.property("level") or "")

    def show_notice(self, level: str, text: str) -> None:
        """``level`` is "info" or "error"; it stays until dismissed or replaced by another."""
        self._notice.show_text(text, level)
        self.show()

    def offer_undo(self, text: str, undo: Callable[[], None]) -> None:
        """Replaces any earlier offer (that one can no longer be undone)."""
        self._undo = undo
        self._undo_strip.show_text(text)
        self.show()

    def dismiss(self) -> None:
        """Hide the notice (an Undo on offer stays)."""
        self._notice.hide()
        self._hide_if_empty()

    def dismiss_undo(self) -> None:
        self._undo = None
        self._undo_strip.hide()
        self._hide_if_empty()

    def _hide_if_empty(self) -> None:
        if self._notice.isHidden() and self._undo_strip.isHidden():
            self.hide()

    def _on_undo_clicked(self) -> None:
        undo = self._undo
        self.dismiss_undo()
        if undo is not None:
            undo()
            self.undo_ran.emit()
