"""Free times of my supervisors, grouped by day, to pick one from."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.supervision.model import Slot
from app.team.store import Person
from ui.style import button, label, mark
from ui.supervision.wording import day_heading, slot_line

SLOT_ROLE = Qt.ItemDataRole.UserRole
NO_SLOTS = "There are no free times just now. New times appear here as soon as they're offered."
NO_SUPERVISOR = (
    "You don't have a supervisor in Tend yet, so there are no times to book. "
    "Your administrator (or, on this computer, “Change my team details”) can add one."
)


class SlotPicker(QWidget):
    """A day-grouped list of free slots; ``chosen(slot)`` when one is picked to book."""

    chosen = Signal(object)  # Slot
    supervisor_changed = Signal(str)

    def __init__(self, action: str, action_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.supervisor = QComboBox(self)
        self.supervisor.setAccessibleName(self.tr("Supervisor"))
        self.supervisor.currentIndexChanged.connect(self._on_supervisor_changed)
        self.supervisor_caption = QLabel(self.tr("Supe&rvisor"), self)
        self.supervisor_caption.setBuddy(self.supervisor)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Free times"))
        self.list.setMinimumHeight(120)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.list.itemActivated.connect(lambda _item: self._on_book_clicked())
        self.empty = label("", "muted", self)
        self.empty.hide()
        self.book_button = button(action, action_name)
        mark(self.book_button, "primary")
        self.book_button.clicked.connect(self._on_book_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.supervisor_caption)
        row.addWidget(self.supervisor, 1)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.book_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)
        self.show_supervisors([])

    # -- supervisors ---------------------------------------------------------------------
    def show_supervisors(self, people: list[Person]) -> None:
        """A picker only when there's a choice to make."""
        keep = self.supervisor_id()
        self.supervisor.blockSignals(True)
        self.supervisor.clear()
        for person in people:
            self.supervisor.addItem(person.display_name, person.id)
        index = self.supervisor.findData(keep) if keep else -1
        self.supervisor.setCurrentIndex(max(index, 0) if people else -1)
        self.supervisor.blockSignals(False)
        many = len(people) > 1
        self.supervisor.setVisible(many)
        self.supervisor_caption.setVisible(many)
        if not people:
            self.list.clear()
            self._show_empty(self.tr(NO_SUPERVISOR))

    def supervisor_id(self) -> str | None:
        value = self.supervisor.currentData()
        return str(value) if value else None

    def _on_supervisor_changed(self, _index: int) -> None:
        if (found := self.supervisor_id()) is not None:
            self.supervisor_changed.emit(found)

    # -- slots ---------------------------------------------------------------------------
    def show_slots(
        self, slots: list[Slot], zone: dt.tzinfo, today: dt.date, *, supervisor: str
    ) -> None:
        """``slots`` by day, each naming ``supervisor`` (whose free times they are)."""
        keep = self.current_slot()
        self.list.clear()
        day = ""
        select: QListWidgetItem | None = None
        for slot in slots:
            heading = day_heading(slot.start, zone, today)
            if heading != day:
                day = heading
                head = QListWidgetItem(heading, self.list)
                head.setFlags(Qt.ItemFlag.NoItemFlags)  # a label: keyboard skips it
                font = head.font()
                font.setBold(True)
                head.setFont(font)
            text = slot_line(slot, zone, supervisor)
            item = QListWidgetItem("    " + text, self.list)
            item.setData(SLOT_ROLE, slot)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{heading}, {text}")
            if select is None and keep is not None and _same(slot, keep):
                select = item
        first = next(
            (self.list.item(i) for i in range(self.list.count()) if self._slot_at(i)), None
        )
        if (current := select or first) is not None:
            self.list.setCurrentItem(current)
        self._show_empty(self.tr(NO_SLOTS) if not slots else "")
        self._update()

    def show_loading(self) -> None:
        self.list.clear()
        self._show_empty(self.tr("Finding free times…"))

    def current_slot(self) -> Slot | None:
        item = self.list.currentItem()
        slot = item.data(SLOT_ROLE) if item is not None else None
        return slot if isinstance(slot, Slot) else None

    def slots(self) -> list[Slot]:
        return [s for i in range(self.list.count()) if (s := self._slot_at(i)) is not None]

    def select(self, slot: Slot) -> bool:
        for i in range(self.list.count()):
            found = self._slot_at(i)
            if found is not None and _same(found, slot):
                self.list.setCurrentRow(i)
                return True
        return False

    def _slot_at(self, row: int) -> Slot | None:
        item = self.list.item(row)
        slot = item.data(SLOT_ROLE) if item is not None else None
        return slot if isinstance(slot, Slot) else None

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.list.setVisible(not text)
        self._update()

    def _update(self) -> None:
        self.book_button.setEnabled(self.current_slot() is not None)

    def _on_book_clicked(self) -> None:
        slot = self.current_slot()
        if slot is not None:
            self.chosen.emit(slot)


def _same(a: Slot, b: Slot) -> bool:
    return a.start == b.start and a.session_id == b.session_id
