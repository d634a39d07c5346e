"""A quiet strip above the page for notices and "Undo".

It never takes keyboard focus by itself: a notice appears where the eye can
find it, and Tab still reaches its buttons.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.style import mark

UNDO_TIMEOUT_MS = 10_000


class Banner(QWidget):
    undo_ran = Signal()

    def __init__(self, parent: QWidget | None = None, undo_timeout_ms: int = UNDO_TIMEOUT_MS):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAccessibleName(self.tr("Notice"))
        self._undo: Callable[[], None] | None = None
        self._undo_timeout_ms = undo_timeout_ms
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.dismiss)

        self.message = QLabel(self)
        self.message.setObjectName("bannerMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(self.tr("Dismiss notice"))
        self.close_button.clicked.connect(self.dismiss)
        mark(self.close_button, "quiet")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self.hide()

    @property
    def level(self) -> str:
        return str(self.property("level") or "")

    def show_notice(self, level: str, text: str) -> None:
        """``level`` is "info" or "error"; both stay until dismissed or replaced."""
        self._undo = None
        self._hide_timer.stop()
        self._show(level, text, undo=False)

    def offer_undo(self, text: str, undo: Callable[[], None]) -> None:
        self._undo = undo
        self._show("info", text, undo=True)
        self._hide_timer.start(self._undo_timeout_ms)

    def dismiss(self) -> None:
        self._undo = None
        self._hide_timer.stop()
        self.hide()

    def _show(self, level: str, text: str, *, undo: bool) -> None:
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.undo_button.setVisible(undo)
        self.show()  # shown, not focused: typing carries on where it was

    def _on_undo_clicked(self) -> None:
        undo = self._undo
        self.dismiss()
        if undo is not None:
            undo()
            self.undo_ran.emit()
