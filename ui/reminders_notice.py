"""The in-app reminder notice: a quiet card above the page, never a window that grabs focus.

A card says what the reminder is in kind, generic words, plus (inside the
unlocked window only) any private ``detail`` such as the practice drawn from
the person's plan. Its buttons: Done, Snooze (a small menu), Skip and Open.
It is shown, never focused or raised: typing carries on where it was, and Tab
reaches the buttons. One card per rule: a rule firing again replaces its card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QMenu, QVBoxLayout, QWidget

from app.reminder_delivery import SNOOZE_CHOICES
from ui.style import button, label, themed

if TYPE_CHECKING:
    from app.reminders.model import Reminder

MAX_CARDS = 3  # more at once would be a flood: the oldest makes way


class ReminderCard(QFrame):
    # (action, reminder, choice): action is "done" | "skip" | "snooze" | "open";
    # choice is a SnoozeChoice for "snooze", else None.
    responded = Signal(str, object, object)

    def __init__(self, reminder: Reminder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminder = reminder
        self.setObjectName("reminderNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Reminder: %1").replace("%1", reminder.title))
        self.setAccessibleDescription(reminder.body)
        self.title = label(reminder.title)
        self.title.setObjectName("reminderTitle")
        self.body = label(reminder.body)
        # Private words (e.g. a practice from the plan): only ever inside the unlocked window.
        self.detail = label(reminder.detail or "", "reminderDetail")
        self.detail.setVisible(bool(reminder.detail))

        self.done_button = button(self.tr("Done"), self.tr("Done: mark this reminder done"))
        self.snooze_button = button(self.tr("Snooze"), self.tr("Snooze: remind me later"))
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_menu.setAccessibleName(self.tr("Remind me again in"))
        for choice, text, spoken in SNOOZE_CHOICES:
            action = self.snooze_menu.addAction(self.tr(text))
            action.setToolTip(self.tr(spoken))
            action.setData(choice)
            action.triggered.connect(lambda _checked=False, c=choice: self._respond("snooze", c))
        self.snooze_button.setMenu(self.snooze_menu)
        self.skip_button = button(self.tr("Skip"), self.tr("Skip this one"))
        self.open_button = button(self.tr("Open"), self.tr("Open the page this is about"))
        self.done_button.clicked.connect(lambda: self._respond("done"))
        self.skip_button.clicked.connect(lambda: self._respond("skip"))
        self.open_button.clicked.connect(lambda: self._respond("open"))
        for widget in (self.done_button, self.snooze_button, self.skip_button, self.open_button):
            widget.setAutoDefault(False)  # Enter in a page's form must not press these

        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.body)
        words.addWidget(self.detail)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.skip_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 10, 8)
        row.addLayout(words, 1)
        row.addLayout(buttons)
        # Only once it has a parent: a parentless widget made visible is a window of its own.
        self.open_button.setVisible(bool(reminder.target))

    def _respond(self, action: str, choice: object = None) -> None:
        self.responded.emit(action, self.reminder, choice)


class ReminderNotices(QWidget):
    """Where the cards live: a column under the header's notice banner; hidden when empty."""

    responded = Signal(str, object, object)  # forwarded from the cards

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderNotices")
        self.setAccessibleName(self.tr("Reminders"))
        themed(self, STYLE)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.cards: dict[str, ReminderCard] = {}
        self.hide()

    def add(self, reminder: Reminder) -> ReminderCard:
        """Show ``reminder`` (replacing its rule's card, if one is showing). Never focuses."""
        self.remove(reminder.rule_id)
        while len(self.cards) >= MAX_CARDS:
            self.remove(next(iter(self.cards)))
        card = ReminderCard(reminder, self)
        card.responded.connect(self.responded)
        self.cards[reminder.rule_id] = card
        self.column.addWidget(card)
        self.show()  # shown, not focused and not raised
        return card

    def remove(self, rule_id: str) -> None:
        card = self.cards.pop(rule_id, None)
        if card is None:
            return
        focused = QApplication.focusWidget()
        had_focus = focused is not None and card.isAncestorOf(focused)
        self.column.removeWidget(card)
        card.hide()
        card.deleteLater()
        if not self.cards:
            self.hide()
        if had_focus:
            # Keyboard users keep their place: the next card, or back to the page.
            nxt = next(iter(self.cards.values()), None)
            if nxt is not None:
                nxt.done_button.setFocus()
            else:
                parent = self.parentWidget()
                if parent is not None:
                    parent.focusNextChild()

    def clear(self) -> None:
        for rule_id in list(self.cards):
            self.remove(rule_id)


# Local to the notices (the shared stylesheet stays as it is): calm, like the banner.
STYLE = """
#reminderNotice {
    background: $notice;
    border: 1px solid $notice_border;
    border-left: 4px solid $accent;
    border-radius: 6px;
}
QLabel#reminderTitle { font-weight: 600; font-size: 12pt; }
QLabel[role="reminderDetail"] { font-style: italic; color: $accent_text; }
"""
