"""The plan itself: one box per area, each with what restores and what drains the person.

Every list works from the keyboard: type in the line under it and press Enter
to add; in the list, F2 edits in place, Delete removes (with Undo), Alt+Up and
Alt+Down move an item. Buttons do the same for the mouse. The widgets only ask
(signals); the page does the writing.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.selfcare.model import AREA_LABELS, AREA_ORDER, MAX_ITEM_CHARS, Area, Kind, PlanItem
from ui.style import button, label

ID_ROLE = Qt.ItemDataRole.UserRole
TEXT_ROLE = Qt.ItemDataRole.UserRole + 1  # the stored words, to tell a real edit apart
ROW_PADDING = 4  # as the page's style sheet pads each row

HEADINGS = {Kind.RESTORES: "What restores me", Kind.DRAINS: "What drains me"}
PLACEHOLDERS = {
    Kind.RESTORES: "Add something that restores you",
    Kind.DRAINS: "Add something that drains you",
}


class FittedList(QListWidget):
    """A list as tall as its items, each wrapped to the list's width: the page scrolls,
    not the list. Row heights are worked out here because a list view's own hints
    don't follow word wrap until it has been laid out at its final width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fitted_width = -1

    def refit(self) -> None:
        self._fitted_width = self.viewport().width()
        width = max(self._fitted_width - 2 * ROW_PADDING, 60)
        metrics = self.fontMetrics()
        total = 0
        for i in range(self.count()):
            item = self.item(i)
            box = metrics.boundingRect(
                QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            height = box.height() + 2 * ROW_PADDING
            item.setSizeHint(QSize(width, height))
            total += height
        self.setFixedHeight(max(total, 24) + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._fitted_width:
            self.refit()  # wrapped lines change with the width


class _LimitedEditor(QStyledItemDelegate):
    """In-place editing with the same length limit as the service."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_ITEM_CHARS)
            editor.setAccessibleName(parent.tr("Edit this item"))
        return editor


class PlanList(QWidget):
    """One list: an area's restoring or draining items."""

    add_requested = Signal(str, str, str)  # area, kind, text
    edit_requested = Signal(str, str)  # item id, new text
    remove_requested = Signal(str)  # item id
    move_requested = Signal(str, int)  # item id, -1 up / +1 down

    def __init__(self, area: Area, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area, self.kind = area, kind
        where = f"{self.tr(HEADINGS[kind])} ({self.tr(AREA_LABELS[area])})"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.heading = label(self.tr(HEADINGS[kind]), "subheading")
        layout.addWidget(self.heading)

        self.list = FittedList(self)
        self.list.setAccessibleName(where)
        self.list.setAccessibleDescription(
            self.tr("F2 edits, Delete removes, Alt+Up and Alt+Down move the selected item")
        )
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.list.setItemDelegate(_LimitedEditor(self.list))
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.list)
        self.empty = label(self.tr("Nothing here yet."), "muted")
        layout.addWidget(self.empty)

        self.actions = QWidget(self)
        row = QHBoxLayout(self.actions)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.edit_button = button(self.tr("Edit"), self.tr("Edit the selected item"), "quiet")
        self.edit_button.setToolTip(self.tr("Change the words (F2)"))
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = button(self.tr("Remove"), self.tr("Remove the selected item"), "quiet")
        self.remove_button.setToolTip(self.tr("Take it out of your plan (Delete)"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = button(self.tr("Up"), self.tr("Move the selected item up"), "quiet")
        self.up_button.setToolTip(self.tr("Move up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = button(self.tr("Down"), self.tr("Move the selected item down"), "quiet")
        self.down_button.setToolTip(self.tr("Move down (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        for widget in (self.edit_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addWidget(self.actions)

        adding = QHBoxLayout()
        adding.setSpacing(6)
        self.entry = QLineEdit(self)
        self.entry.setMaxLength(MAX_ITEM_CHARS)
        self.entry.setPlaceholderText(self.tr(PLACEHOLDERS[kind]))
        self.entry.setAccessibleName(self.tr("Add to {where}").format(where=where))
        self.entry.returnPressed.connect(self.add_from_entry)
        self.add_button = button(self.tr("Add"), self.tr("Add to {where}").format(where=where))
        self.add_button.clicked.connect(self.add_from_entry)
        adding.addWidget(self.entry, 1)
        adding.addWidget(self.add_button)
        layout.addLayout(adding)

        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.remove_current),
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(+1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.show_items([])

    # -- showing -------------------------------------------------------------------------
    def show_items(self, items: list[PlanItem], select: str | None = None) -> None:
        """Fill the list; keep (or move to ``select``) the selected item."""
        keep = select or self.current_id()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for item in items:
                row = QListWidgetItem(item.text)
                row.setData(ID_ROLE, item.id)
                row.setData(TEXT_ROLE, item.text)
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(row)
                if item.id == keep:
                    self.list.setCurrentItem(row)
        finally:
            self.list.blockSignals(False)
        self.list.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.actions.setVisible(bool(items))
        self.list.refit()
        self._update_buttons()

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        selected = row >= 0
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.up_button.setEnabled(selected and row > 0)
        self.down_button.setEnabled(selected and row < count - 1)

    # -- asking ----------------------------------------------------------------------------
    def add_from_entry(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.add_requested.emit(self.area.value, self.kind.value, text)

    def item_added(self) -> None:
        """The page saved what was typed: clear the line for the next one."""
        self.entry.clear()

    def edit_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus()
            self.list.editItem(item)

    def remove_current(self) -> None:
        ident = self.current_id()
        if ident is not None:
            self.remove_requested.emit(ident)

    def move_current(self, step: int) -> None:
        ident = self.current_id()
        if ident is not None:
            self.move_requested.emit(ident, step)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if item.text() != item.data(TEXT_ROLE):
            self.edit_requested.emit(str(item.data(ID_ROLE)), item.text())


class AreaBox(QGroupBox):
    """One area of the plan: what restores and what drains, side by side."""

    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setTitle(self.tr(AREA_LABELS[area]))
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 10)
        row.setSpacing(18)
        self.lists = {kind: PlanList(area, kind, self) for kind in Kind}
        for kind in Kind:
            row.addWidget(self.lists[kind], 1, Qt.AlignmentFlag.AlignTop)


class PlanView(QWidget):
    """All four areas, in order. Re-emits every list's requests."""

    add_requested = Signal(str, str, str)
    edit_requested = Signal(str, str)
    remove_requested = Signal(str)
    move_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.intro = label(
            self.tr(
                "Your own plan for looking after yourself: the things that restore you and "
                "the things that drain you. It stays private, inside Tend."
            ),
            "muted",
        )
        layout.addWidget(self.intro)
        self.boxes = {area: AreaBox(area, self) for area in AREA_ORDER}
        for box in self.boxes.values():
            layout.addWidget(box)
            for plan_list in box.lists.values():
                plan_list.add_requested.connect(self.add_requested)
                plan_list.edit_requested.connect(self.edit_requested)
                plan_list.remove_requested.connect(self.remove_requested)
                plan_list.move_requested.connect(self.move_requested)
        layout.addStretch(1)

    def plan_list(self, area: Area, kind: Kind) -> PlanList:
        return self.boxes[area].lists[kind]

    def show_items(self, items: list[PlanItem], select: str | None = None) -> None:
        for area in AREA_ORDER:
            for kind in Kind:
                mine = [i for i in items if i.area is area and i.kind is kind]
                self.plan_list(area, kind).show_items(mine, select)
