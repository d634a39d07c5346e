"""The reading pane beside the journal list: one entry, read-only, with its actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain import EntryKind, JournalItem
from ui.pages import checkin_wording as words
from ui.pages.checkin_widgets import muted
from ui.pages.journal_model import kind_label, tags_text
from ui.style import mark


class EntryView(QWidget):
    edit_requested = Signal(object)  # JournalItem
    delete_requested = Signal(object)  # JournalItem

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._item: JournalItem | None = None
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
            return
        self.heading.setText(
            f"{words.day_label(item.day, self._today())} · {kind_label(item.kind)}"
        )
        if item.checkin is not None:
            for question, answer in words.answers(item.checkin):
                self.answers.addRow(question, QLabel(answer))
        self.body.setPlainText(item.text)
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
