"""Choosing a passphrase: typed twice, with live strength feedback in plain words.

``app.security.strength`` (zxcvbn) is imported on first use, not at startup.
``changed`` fires on every edit; ``acceptable()`` and ``reason()`` say whether
the passphrase may be used and, if not, why (shown next to the disabled button).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui.style import mark

STRENGTH_NAMES = ("Very weak", "Weak", "Okay", "Strong", "Very strong")


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
        self.meter.setRange(0, 4)
        self.meter.setValue(0)
        self.meter.setTextVisible(True)
        self.meter.setFormat("")
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
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
        layout.addWidget(self.meter)
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
        self.meter.setValue(verdict.score if self.first.text() else 0)
        self.meter.setFormat(STRENGTH_NAMES[verdict.score] if self.first.text() else "")
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
