"""A quiet area above the page for notices and "Undo".

Two strips, each with its own Dismiss: the latest notice, and the latest Undo.
An Undo stays until the person dismisses or uses it, another Undo replaces it,
or Tend locks (the workspace, banner and all, is deleted): that is what the
journal promises when it asks before deleting. A notice never pushes it away.

A notice may belong to a page (``show_notice(level, text, page="signals")``): it
shows while that page is open and goes when the person leaves it. One that
arrives while its page isn't open (a slow save finishing after they moved on)
waits and shows when they next open that page. A notice without a page is
app-wide and stays whichever page is open. The workspace says which page is
open with ``show_page``.

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
        self._page: str | None = None  # the page on screen
        self._notice_page: str | None = None  # the page the notice shown belongs to
        self._waiting: dict[str, tuple[str, str]] = {}  # page → (level, text), for later

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

    @property
    def notice_page(self) -> str | None:
        """The page the notice on screen belongs to (None: app-wide, or none shown)."""
        return self._notice_page if self.notice_shown() else None

    def notice_shown(self) -> bool:
        return not self._notice.isHidden()

    def show_notice(self, level: str, text: str, page: str | None = None) -> None:
        """``level`` is "info" or "error"; it stays until dismissed or replaced by another.

        ``page``: the page it belongs to (shown there only); None for an app-wide notice.
        A problem is never held back for later or taken away by leaving a page: errors
        show at once, wherever the person is, until dismissed.
        """
        if level == "error":
            page = None
        if page is not None and page != self._page:
            self._waiting[page] = (level, text)  # the latest for that page
            return
        self._notice_page = page
        self._notice.show_text(text, level)
        self.show()

    def show_page(self, page: str | None) -> None:
        """The person opened ``page``: its notice (if one waits) shows, another page's goes."""
        self._page = page
        if self.notice_shown() and self._notice_page not in (None, page):
            self.dismiss()
        waiting = self._waiting.pop(page, None) if page is not None else None
        if waiting is not None:
            self.show_notice(*waiting, page=page)

    def offer_undo(self, text: str, undo: Callable[[], None]) -> None:
        """Replaces any earlier offer (that one can no longer be undone)."""
        self._undo = undo
        self._undo_strip.show_text(text)
        self.show()

    def dismiss(self) -> None:
        """Hide the notice (an Undo on offer stays)."""
        self._notice.hide()
        self._notice_page = None
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
