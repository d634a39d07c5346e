"""Choosing a passphrase: typed twice, with live strength feedback in plain words.

``app.security.strength`` (zxcvbn) is imported on first use, not at startup.
``changed`` fires on every edit; ``acceptable()`` and ``reason()`` say whether
the passphrase may be used and, if not, why. That advice is already shown here,
under the meter, so a caller showing ``reason()`` on screen again says it twice:
onboarding puts it on its button's accessible description instead.

The meter is a thin bar with a "Strength" label beside it, not a box: empty, it
must not look like a third field to type in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui.style import mark

STRENGTH_NAMES = ("Very weak", "Weak", "Okay", "Strong", "Very strong")
METER_HEIGHT = 6  # px: a line, well short of a text box


class PassphraseEntry(QWidget):
    changed = Signal()
    submitted = Signal()  # Enter in the second field while acceptable

    def __init__(self, parent: QWidget | None = None, label: str = "Passphrase") -> None:
        super().__init__(parent)
        self._acceptable = False
        self._reason = self.tr("Choose a passphrase only you know.")

        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr(label))
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("The same passphrase again"))
        self.show_box = QCheckBox(self.tr("&Show what I type"), self)
        self.show_box.setAccessibleName(self.tr("Show what I type"))
        self.show_box.toggled.connect(self._on_show_toggled)

        self.meter = QProgressBar(self)
        self.meter.setObjectName("strengthMeter")
        self.meter.setRange(0, len(STRENGTH_NAMES))  # empty until typed; "Very weak" shows a sliver
        self.meter.setValue(0)
        self.meter.setTextVisible(False)  # the words are in the advice below, said once
        self.meter.setFixedHeight(METER_HEIGHT)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.meter.setAccessibleDescription(self.tr("Nothing typed yet"))
        self.meter_label = QLabel(self.tr("Strength"), self)
        self.meter_label.setObjectName("strengthLabel")
        mark(self.meter_label, "muted")
        self.feedback = QLabel(self._reason, self)
        self.feedback.setObjectName("strengthFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(self.tr("Passphrase advice"))

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        first_label = QLabel(self.tr("&%s") % self.tr(label), self)
        first_label.setBuddy(self.first)
        second_label = QLabel(self.tr("&Again"), self)
        second_label.setBuddy(self.second)
        form.addRow(first_label, self.first)
        form.addRow(second_label, self.second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.show_box)
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter_label)
        meter_row.addWidget(self.meter, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(meter_row)
        layout.addWidget(self.feedback)

        self.first.textChanged.connect(self._reassess)
        self.second.textChanged.connect(self._reassess)
        self.second.returnPressed.connect(self._on_return)
        self.first.returnPressed.connect(self.second.setFocus)
        self.setFocusProxy(self.first)

    # -- state ------------------------------------------------------------------
    def passphrase(self) -> str:
        return self.first.text()

    def acceptable(self) -> bool:
        return self._acceptable

    def reason(self) -> str:
        """Why the passphrase can't be used yet ("" when it can)."""
        return "" if self._acceptable else self._reason

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    # -- slots ------------------------------------------------------------------
    def _on_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _on_return(self) -> None:
        if self._acceptable:
            self.submitted.emit()

    def _reassess(self) -> None:
        from app.security.strength import assess

        verdict = assess(self.first.text())
        self.meter.setValue(verdict.score + 1 if self.first.text() else 0)
        self.meter.setAccessibleDescription(
            self.tr(STRENGTH_NAMES[verdict.score])
            if self.first.text()
            else self.tr("Nothing typed yet")
        )
        self.meter.setProperty("acceptable", verdict.acceptable)
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        if not verdict.acceptable:
            self._acceptable, self._reason = False, verdict.message
        elif self.second.text() != self.first.text():
            self._acceptable = False
            self._reason = (
                self.tr("Now type it once more in the second box.")
                if not self.second.text()
                else self.tr("The two passphrases don't match yet.")
            )
        else:
            self._acceptable, self._reason = True, ""
        message = verdict.message
        if verdict.acceptable:
            message += " " + (self._reason or self.tr("Both boxes match."))
        self.feedback.setText(message)
        mark(self.feedback, "ok" if self._acceptable else "advice")
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
        self.changed.emit()
