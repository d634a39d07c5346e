"""Who you are on a team file kept on this computer: name, roles, start date, supervisors.

Only for a local (SQLite) team store; on PostgreSQL the administrator sets all this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.team.roles import ROLE_LABEL, Role
from app.team.store import MAX_NAME, Person
from ui.style import button, label, mark

NO_SUPERVISORS = (
    "No one on this computer is set up as a supervisor yet. A supervisor who uses this "
    "computer can set themselves up here too; then you can choose them."
)


@dataclass(frozen=True)
class SetupChoice:
    name: str
    roles: frozenset[Role]
    started_on: dt.date | None
    supervisor_ids: tuple[str, ...]


class SetupPanel(QWidget):
    save_requested = Signal(object)  # SetupChoice
    cancel_requested = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(self.tr("Your name as colleagues see it"))
        self.name.textChanged.connect(self._update)
        name_caption = QLabel(self.tr("Your &name as colleagues see it"), self)
        name_caption.setBuddy(self.name)
        self.roles: dict[Role, QCheckBox] = {}
        for role, text in ROLE_LABEL.items():
            box = QCheckBox(self.tr(text), self)
            box.setAccessibleName(self.tr("Role: {role}").format(role=self.tr(text)))
            box.toggled.connect(self._update)
            self.roles[role] = box
        self.roles[Role.CASEWORKER].setText(self.tr("&Caseworker"))
        self.roles[Role.SUPERVISOR].setText(self.tr("&Supervisor"))
        self.know_start = QCheckBox(self.tr("I'll give the &date I started in this work"), self)
        self.know_start.setAccessibleName(self.tr("Give the date I started in this work"))
        self.started = QDateEdit(self)
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("d MMMM yyyy")
        self.started.setMaximumDate(QDate(today.year, today.month, today.day))
        self.started.setDate(QDate(today.year, today.month, today.day))
        self.started.setAccessibleName(self.tr("The date I started in this work"))
        self.started.setEnabled(False)
        self.know_start.toggled.connect(self.started.setEnabled)
        self.supervisors = QListWidget(self)
        self.supervisors.setAccessibleName(self.tr("Who supervises you"))
        self.supervisors.setMaximumHeight(120)
        self.no_supervisors = label(self.tr(NO_SUPERVISORS), "muted", self)
        self.problem = label("", "error", self)
        self.problem.hide()
        self.save_button = button(self.tr("Sa&ve"), self.tr("Save my team details"))
        mark(self.save_button, "primary")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button = button(self.tr("Cancel"), self.tr("Cancel changes"), "quiet")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._build(name_caption)
        self._update()

    def _build(self, name_caption: QLabel) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(label(self.tr("You in your team"), "heading", self))
        layout.addWidget(
            label(
                self.tr(
                    "Your team's bookings are kept in a file on this computer. Tell Tend who "
                    "you are in it. Only this page's bookings go there: nothing from your "
                    "check-ins or journal ever does."
                ),
                "muted",
                self,
            )
        )
        layout.addWidget(name_caption)
        self.name.setMaximumWidth(420)
        layout.addWidget(self.name)
        layout.addWidget(label(self.tr("What you do (choose any that fit)"), "subheading", self))
        for box in self.roles.values():
            layout.addWidget(box)
        layout.addWidget(self.know_start)
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(self.started)
        row.addWidget(label(self.tr("It sets how often supervision is due."), "muted", self), 1)
        layout.addLayout(row)
        self.supervisor_caption = label(self.tr("Who supervises you"), "subheading", self)
        layout.addWidget(self.supervisor_caption)
        layout.addWidget(self.supervisors)
        layout.addWidget(self.no_supervisors)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setFocusProxy(self.name)

    # -- filling in --------------------------------------------------------------------
    def show_people(
        self, people: list[Person], me: Person | None, chosen: list[str], *, changing: bool
    ) -> None:
        """Fill in from ``me`` (None: a first set-up) and list the supervisors to choose."""
        self.problem.hide()
        self.cancel_button.setVisible(changing)
        self.name.setText(me.display_name if me else "")
        for role, box in self.roles.items():
            box.setChecked(me is not None and role in me.roles)
        started = me.started_on if me else None
        self.know_start.setChecked(started is not None)
        if started is not None:
            self.started.setDate(QDate(started.year, started.month, started.day))
        self.supervisors.clear()
        for person in people:
            if Role.SUPERVISOR not in person.roles or (me is not None and person.id == me.id):
                continue
            item = QListWidgetItem(person.display_name, self.supervisors)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if person.id in chosen else Qt.CheckState.Unchecked
            )
            item.setData(Qt.ItemDataRole.UserRole, person.id)
        if self.supervisors.count():
            self.supervisors.setCurrentRow(0)
        self._update()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setAccessibleName(message)
        self.problem.show()
        self.save_button.setEnabled(True)

    def choice(self) -> SetupChoice:
        roles = frozenset(r for r, box in self.roles.items() if box.isChecked())
        started = self.started.date().toPython() if self.know_start.isChecked() else None
        ids = tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in map(self.supervisors.item, range(self.supervisors.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )
        assert started is None or isinstance(started, dt.date)
        return SetupChoice(self.name.text().strip(), roles, started, ids)

    def _update(self) -> None:
        caseworker = self.roles[Role.CASEWORKER].isChecked()
        has_any = self.supervisors.count() > 0
        self.supervisor_caption.setVisible(caseworker)
        self.supervisors.setVisible(caseworker and has_any)
        self.no_supervisors.setVisible(caseworker and not has_any)
        ready = bool(self.name.text().strip()) and any(b.isChecked() for b in self.roles.values())
        self.save_button.setEnabled(ready)

    def _on_save_clicked(self) -> None:
        self.save_button.setEnabled(False)
        self.problem.hide()
        self.save_requested.emit(self.choice())
