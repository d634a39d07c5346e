"""The list of reminder rules: one row each, with an on/off switch and "Change…"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.reminders.model import Rule
from ui.pages.reminders_wording import kind_about, kind_name, rule_words
from ui.style import button, label


class RuleRow(QFrame):
    toggled = Signal(object, bool)  # (Rule, on)
    edit_requested = Signal(object)  # Rule

    def __init__(self, rule: Rule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setObjectName("reminderRule")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        name = self.tr(kind_name(rule.kind))
        when = self.tr(rule_words(rule))
        self.switch = QCheckBox(name, self)
        self.switch.setChecked(rule.enabled)
        # The kind's name is a phrase of its own ("A while without a day off"), so it
        # follows a colon rather than being wedged into a sentence.
        self.switch.setAccessibleName(self.tr("Reminder: %1").replace("%1", name))
        self.switch.setAccessibleDescription(when)
        self.switch.setToolTip(self.tr(kind_about(rule.kind)))
        self.switch.toggled.connect(lambda on: self.toggled.emit(self.rule, on))
        self.when = label(when, "muted")
        self.when.setObjectName("ruleWhen")
        self.edit_button = button(
            self.tr("Change…"), self.tr("Change the reminder: %1").replace("%1", name)
        )
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.rule))

        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.switch)
        words.addWidget(self.when)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addLayout(words, 1)
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._show_enabled(rule.enabled)

    def _show_enabled(self, on: bool) -> None:
        # Off rules stay readable; "off" is said in words, not only by a paler colour.
        when = self.tr(rule_words(self.rule))
        self.when.setText(when if on else self.tr("Off. %1").replace("%1", when))


class RuleList(QWidget):
    toggled = Signal(object, bool)
    edit_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RuleRow] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)

    def show_rules(self, rules: list[Rule]) -> None:
        """Rebuild the rows; the keyboard focus stays on the same rule's control."""
        focused = self._focused()
        for row in self.rows:
            self.column.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        for rule in rules:
            row = RuleRow(rule, self)
            row.toggled.connect(self.toggled)
            row.edit_requested.connect(self.edit_requested)
            self.column.addWidget(row)
            self.rows.append(row)
        if focused is not None:
            rule_id, which = focused
            for row in self.rows:
                if row.rule.id == rule_id:
                    (row.switch if which == "switch" else row.edit_button).setFocus()

    def _focused(self) -> tuple[str, str] | None:
        for row in self.rows:
            if row.switch.hasFocus():
                return row.rule.id, "switch"
            if row.edit_button.hasFocus():
                return row.rule.id, "edit"
        return None
