"""One signal as a calm card, and the small question asked when setting it aside.

A card shows the signal's own words (title, body, what it is based on), the
crisis lines up front when the signal asks for them, a button for each
suggestion Tend can open, the rest as plain words, and "Set aside…".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.signals.service import MAX_REASON_CHARS
from app.signals.signal import HELP
from app.signals.signal import Signal as TendSignal
from ui.style import button, label, themed

CARD_STYLE = """
QFrame#signalCard {
    background: $surface;
    border: 1px solid $border_soft;
    border-left: 5px solid $accent;
    border-radius: 6px;
}
QFrame#signalCard[crisis="true"] { border-left-color: $help; }
QFrame#signalCard QLabel { background: transparent; border: none; }
"""


class SignalCard(QFrame):
    navigate_requested = Signal(str)  # a page key
    help_requested = Signal()
    dismiss_requested = Signal(str)  # the signal's key

    def __init__(self, signal: TendSignal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signal = signal
        self.setObjectName("signalCard")
        themed(self, CARD_STYLE)
        self.setProperty("crisis", "true" if signal.show_crisis else "false")
        self.setAccessibleName(signal.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        self.title = label(signal.title, "heading")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        if signal.show_crisis:
            layout.addLayout(self._crisis_row())
        self.body = label(signal.body)
        layout.addWidget(self.body)
        self.based_on = label(self.tr("Based on: {facts}").format(facts=signal.based_on), "muted")
        layout.addWidget(self.based_on)
        layout.addLayout(self._suggestions(layout))

    def _crisis_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        words = label(
            self.tr("If things feel like too much right now, people are ready to listen, any time.")
        )
        words.setObjectName("crisisWords")
        self.help_button = button(self.tr("Get help now"), self.tr("Get help now"), "help")
        self.help_button.clicked.connect(self.help_requested)
        row.addWidget(words, 1)
        row.addWidget(self.help_button)
        return row

    def _suggestions(self, layout: QVBoxLayout) -> QVBoxLayout:
        """The links that might help, and below them "Set aside…" on its own line (one row
        of four links and a button is too wide for a 1024 px window)."""
        self.suggestion_buttons = []
        row = QHBoxLayout()
        row.setSpacing(6)
        plain = []
        for suggestion in self.signal.suggestions:
            if suggestion.target is None or (suggestion.target == HELP and self.signal.show_crisis):
                if suggestion.target is None:
                    plain.append(suggestion.label)
                continue  # the crisis row above already offers the lines
            widget = button(suggestion.label, suggestion.label, "link")
            target = suggestion.target
            if target == HELP:
                widget.clicked.connect(self.help_requested)
            else:
                widget.clicked.connect(lambda _=False, t=target: self.navigate_requested.emit(t))
            widget.setProperty("target", target)
            self.suggestion_buttons.append(widget)
            row.addWidget(widget)
        row.addStretch(1)
        if plain:
            self.also = label(
                self.tr("Other things that can help: {things}.").format(
                    things="; ".join(p[0].lower() + p[1:] for p in plain)
                ),
                "muted",
            )
            layout.addWidget(self.also)
        self.dismiss_button = button(
            self.tr("Set aside…"),
            self.tr("Set aside: {title}").format(title=self.signal.title),
            "quiet",
        )
        self.dismiss_button.setToolTip(self.tr("Hide it while it stays the same"))
        self.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(self.signal.key))
        aside = QHBoxLayout()
        aside.addStretch(1)
        aside.addWidget(self.dismiss_button)
        both = QVBoxLayout()
        both.setSpacing(2)
        both.addLayout(row)
        both.addLayout(aside)
        return both


class DismissDialog(QDialog):
    """Set a signal aside, optionally saying why (kept private, in the encrypted store)."""

    def __init__(self, signal: TendSignal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set this signal aside"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(signal.title, "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "Tend will hide it while it stays the same. If it clears and comes back "
                    "later, Tend will show it again."
                )
            )
        )
        why = QLabel(self.tr("&Why? (optional, kept private)"))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Why you're setting it aside (optional)"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        why.setBuddy(self.reason)
        layout.addWidget(why)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Set aside"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName(self.tr("Set aside"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.setMinimumWidth(460)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.reason.toPlainText().strip()[:MAX_REASON_CHARS]


def ask_dismiss_reason(parent: QWidget, signal: TendSignal) -> str | None:
    """The reason ("" for none) or None if the person changed their mind."""
    dialog = DismissDialog(signal, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    reason = dialog.text()
    dialog.deleteLater()
    return reason if accepted else None
