"""The reading pane beside the journal list: one entry, read-only, with its actions.

While searching, the words found are highlighted in the text, and the first one
is scrolled into view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import EntryKind, JournalItem
from app.services.matches import match_spans
from ui.pages import checkin_wording as words
from ui.pages.checkin_widgets import muted
from ui.pages.journal_model import MATCH_BACKGROUND, MATCH_TEXT, kind_label, tags_text
from ui.style import mark


class EntryView(QWidget):
    edit_requested = Signal(object)  # JournalItem
    delete_requested = Signal(object)  # JournalItem

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._item: JournalItem | None = None
        self._words: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)

        self.heading = QLabel()
        mark(self.heading, "heading")
        layout.addWidget(self.heading)

        self.answers_box = QWidget()
        self.answers = QFormLayout(self.answers_box)
        self.answers.setContentsMargins(0, 4, 0, 4)
        self.answers.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addWidget(self.answers_box)

        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(self.tr("Entry text"))
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout.addWidget(self.body, 1)
        layout.addStretch(0)  # takes the space only when there's no text to show

        self.tags = QLabel()
        self.tags.setWordWrap(True)
        muted(self.tags)
        layout.addWidget(self.tags)

        buttons = QHBoxLayout()
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete this entry"))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)

        self.placeholder = QLabel(self.tr("Choose an entry to read it here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        muted(self.placeholder)
        layout.addWidget(self.placeholder, 1)
        self.show_item(None)

    @property
    def item(self) -> JournalItem | None:
        return self._item

    def set_search_words(self, found_by: Sequence[str]) -> None:
        """Highlight these words (the journal's search) in the entry shown, now and next."""
        self._words = list(found_by)
        self._highlight()

    def _highlight(self) -> None:
        text = self.body.toPlainText()
        hit = QTextCharFormat()
        hit.setBackground(MATCH_BACKGROUND)
        hit.setForeground(MATCH_TEXT)
        selections = []
        for start, end in match_spans(text, self._words) if self._words else []:
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(_utf16(text, start))
            cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = hit
            selections.append(selection)
        self.body.setExtraSelections(selections)
        if selections:  # the first hit in view, without selecting it
            cursor = self.body.textCursor()
            cursor.setPosition(selections[0].cursor.selectionStart())
            self.body.setTextCursor(cursor)
            self.body.ensureCursorVisible()

    def highlights(self) -> list[str]:
        """The highlighted words, as shown (for tests and checks)."""
        return [s.cursor.selectedText() for s in self.body.extraSelections()]

    def show_item(self, item: JournalItem | None) -> None:
        self._item = item
        for widget in (self.heading, self.body, self.tags, self.edit_button, self.delete_button):
            widget.setVisible(item is not None)
        self.answers_box.setVisible(item is not None and item.checkin is not None)
        self.placeholder.setVisible(item is None)
        while self.answers.rowCount():
            self.answers.removeRow(0)
        if item is None:
            self.body.clear()
            self.body.setExtraSelections([])
            return
        self.heading.setText(
            f"{words.day_label(item.day, self._today())} · {kind_label(item.kind)}"
        )
        if item.checkin is not None:
            for question, answer in words.answers(item.checkin):
                self.answers.addRow(question, QLabel(answer))
        self.body.setPlainText(item.text)
        self._highlight()
        self.body.setVisible(bool(item.text.strip()) or item.kind is EntryKind.NOTE)
        self.tags.setText(tags_text(item.tags))
        self.tags.setVisible(bool(item.tags))
        if item.kind is EntryKind.CHECKIN:
            self.edit_button.setText(self.tr("&Edit this check-in"))
            self.delete_button.setAccessibleName(self.tr("Delete this check-in"))
        else:
            self.edit_button.setText(self.tr("&Edit note"))
            self.delete_button.setAccessibleName(self.tr("Delete this note"))
        self.edit_button.setAccessibleName(self.edit_button.text().replace("&", ""))

    def _request(self, signal: Signal) -> None:
        if self._item is not None:
            signal.emit(self._item)  # type: ignore[attr-defined]


def _utf16(text: str, index: int) -> int:
    """A position in ``text`` as Qt counts it (UTF-16 units: an emoji counts twice)."""
    return len(text[:index].encode("utf-16-le")) // 2
