"""The supervision reminder's editor: how long before each booked session to remind.

Its times come from the bookings (``store.reminders.sync_supervision``), so there is
no time-of-day editor here: only lead times to tick (a day, an hour, 15 minutes
before). At least one stays ticked; to have none, the person switches the reminder
off on the page. The page saves the result (``ctx.write``); the dialog only edits.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.reminders.model import DEFAULT_LEADS, Rule, check_rule
from ui.pages.reminders_wording import LEAD_CHOICES, kind_about, lead_words
from ui.style import button, label

NONE_TICKED = (
    "Pick at least one time to be reminded. To have no supervision reminders, "
    "switch this one off instead."
)


class SupervisionEditor(QDialog):
    def __init__(self, rule: Rule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionEditor")
        self.original = rule
        self.result_rule: Rule | None = None
        title = self.tr("Before supervision")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        current = set(rule.params.get("leads", DEFAULT_LEADS))
        # The usual choices, plus any other time already kept (so saving never loses it).
        choices = sorted(set(LEAD_CHOICES) | current, reverse=True)
        self.lead_boxes: dict[int, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr(kind_about(rule.kind)), "muted"))
        layout.addWidget(label(self.tr("Remind me:")))
        for minutes in choices:
            words = self.tr(lead_words(minutes))
            box = QCheckBox(words, self)
            box.setAccessibleName(self.tr("Remind me %1").replace("%1", words))
            box.setChecked(minutes in current)
            self.lead_boxes[minutes] = box
            layout.addWidget(box)
        layout.addWidget(
            label(
                self.tr(
                    "Reminders come for sessions you've booked on the Supervision page. "
                    "Your agenda note stays inside Tend."
                ),
                "muted",
            )
        )
        layout.addStretch(1)
        self.problem = label("", "error")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        layout.addWidget(self.problem)
        self.save_button = button(self.tr("&Save"), self.tr("Save these reminder times"), "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button = button(self.tr("Cancel"), self.tr("Cancel, keep it as it was"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(max(420, self.sizeHint().width()))

    def leads(self) -> list[int]:
        return [m for m, box in self.lead_boxes.items() if box.isChecked()]

    def rule(self) -> Rule:
        """The rule with the ticked lead times, checked (ValidationError: calm words)."""
        leads = self.leads()
        if not leads:
            raise ValidationError(NONE_TICKED)
        params = {**self.original.params, "leads": leads}
        return check_rule(dataclasses.replace(self.original, params=params))

    def on_save_clicked(self) -> None:
        try:
            self.result_rule = self.rule()
        except ValidationError as exc:
            self.problem.setText(self.tr(exc.message))
            self.problem.setAccessibleName(exc.message)
            self.problem.show()
            return
        self.accept()
