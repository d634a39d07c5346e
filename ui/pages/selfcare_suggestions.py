"""Tend's starter ideas: look through them an area at a time; keep, reword or drop each one.

Choosing an idea puts its words in "Your words", where they can be changed
before keeping. Enter in the list keeps, Delete drops. Dropped ideas can all
come back with one button. The widget only asks (signals); the page writes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.selfcare.model import AREA_LABELS, AREA_ORDER, MAX_ITEM_CHARS, Area, Kind, Suggestion
from ui.pages.selfcare_plan import FittedList
from ui.style import button, label

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_WORDS = {Kind.RESTORES: "Restores", Kind.DRAINS: "Drains"}


class SuggestionsPanel(QWidget):
    keep_requested = Signal(str, str)  # suggestion id, the words to keep
    drop_requested = Signal(str)  # suggestion id
    bring_back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[Suggestion] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(
            label(
                self.tr(
                    "Some ideas to start from. Keep the ones that fit you (change the words "
                    "first if you like) and drop the ones that don't. Nothing here is a "
                    "to-do list."
                ),
                "muted",
            )
        )
        top = QHBoxLayout()
        area_label = QLabel(self.tr("Ideas &for"))
        self.area = QComboBox(self)
        self.area.setAccessibleName(self.tr("Show ideas for this area"))
        for area in AREA_ORDER:
            self.area.addItem(self.tr(AREA_LABELS[area]), area.value)
        area_label.setBuddy(self.area)
        self.area.currentIndexChanged.connect(lambda _i: self._fill())
        top.addWidget(area_label)
        top.addWidget(self.area)
        top.addStretch(1)
        layout.addLayout(top)

        self.list = FittedList(self)
        self.list.setAccessibleName(self.tr("Ideas"))
        self.list.setAccessibleDescription(self.tr("Enter keeps the idea, Delete drops it"))
        self.list.currentItemChanged.connect(self._on_current_changed)
        layout.addWidget(self.list)
        self.done = label(self.tr("You've looked at every idea for this area."), "muted")
        layout.addWidget(self.done)

        words_label = QLabel(self.tr("&Your words"))
        self.words = QLineEdit(self)
        self.words.setMaxLength(MAX_ITEM_CHARS)
        self.words.setAccessibleName(self.tr("Your words for this idea"))
        self.words.setToolTip(self.tr("Change the words before keeping it, if you like"))
        self.words.returnPressed.connect(self.keep_current)
        words_label.setBuddy(self.words)
        layout.addWidget(words_label)
        layout.addWidget(self.words)

        row = QHBoxLayout()
        self.keep_button = button(
            self.tr("&Keep in my plan"), self.tr("Keep this idea in my plan"), "primary"
        )
        self.keep_button.clicked.connect(self.keep_current)
        self.drop_button = button(self.tr("&Drop"), self.tr("Drop this idea"))
        self.drop_button.setToolTip(self.tr("Hide this idea (Delete)"))
        self.drop_button.clicked.connect(self.drop_current)
        self.bring_back_button = button("", self.tr("Show dropped ideas again"), "link")
        self.bring_back_button.clicked.connect(self.bring_back_requested)
        row.addWidget(self.keep_button)
        row.addWidget(self.drop_button)
        row.addStretch(1)
        row.addWidget(self.bring_back_button)
        layout.addLayout(row)
        layout.addStretch(1)

        for keys, slot in (
            ("Return", self.keep_current),
            ("Enter", self.keep_current),
            (QKeySequence.StandardKey.Delete, self.drop_current),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.show_suggestions([], 0)

    # -- showing -------------------------------------------------------------------------
    def show_suggestions(self, suggestions: list[Suggestion], dropped: int) -> None:
        self._all = suggestions
        self.bring_back_button.setText(self.tr("Show dropped ideas again ({n})").format(n=dropped))
        self.bring_back_button.setVisible(dropped > 0)
        self._fill()

    def current_area(self) -> Area:
        return Area(self.area.currentData())

    def select_area(self, area: Area) -> None:
        self.area.setCurrentIndex(self.area.findData(area.value))

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def _fill(self) -> None:
        row = max(self.list.currentRow(), 0)
        shown = [g for g in self._all if g.area is self.current_area()]
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for idea in shown:
                words = self.tr("{kind}: {text}").format(
                    kind=self.tr(KIND_WORDS[idea.kind]), text=idea.text
                )
                item = QListWidgetItem(words)
                item.setData(ID_ROLE, idea.id)
                self.list.addItem(item)
            if shown:
                self.list.setCurrentRow(min(row, len(shown) - 1))
        finally:
            self.list.blockSignals(False)
        self.list.setVisible(bool(shown))
        self.list.refit()
        self.done.setVisible(not shown)
        self._on_current_changed(self.list.currentItem())

    def _current(self) -> Suggestion | None:
        item = self.list.currentItem()
        ident = None if item is None else item.data(ID_ROLE)
        return next((g for g in self._all if g.id == ident), None)

    def _on_current_changed(self, *_args: object) -> None:
        idea = self._current()
        self.words.setText("" if idea is None else idea.text)
        for widget in (self.words, self.keep_button, self.drop_button):
            widget.setEnabled(idea is not None)

    # -- asking ----------------------------------------------------------------------------
    def keep_current(self) -> None:
        idea = self._current()
        words = self.words.text().strip()
        if idea is not None and words:
            self.keep_requested.emit(idea.id, words)

    def drop_current(self) -> None:
        idea = self._current()
        if idea is not None:
            self.drop_requested.emit(idea.id)
