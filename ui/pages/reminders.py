"""Reminders: which gentle nudges Tend gives and when, and a pause for leave.

Everything is read and saved through ``store.reminders`` on the task runner
(``ctx.read``/``ctx.write``); ``ctx.changed`` with ``reminders`` reloads the
page (and, through the reminders bridge, re-plans the scheduler).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.domain import Changes
from app.reminder_delivery import pause_end
from app.reminders.model import ReminderKind, Rule
from ui.context import UiContext
from ui.pages.reminders_editor import RuleEditor
from ui.pages.reminders_pause import PauseSection
from ui.pages.reminders_rules import RuleList
from ui.pages.reminders_supervision import SupervisionEditor
from ui.pages.reminders_wording import EMPTY, INTRO
from ui.style import button, centred_scroll, label, themed

log = logging.getLogger(__name__)

STYLE = """
#reminderRule { background: $surface; border: 1px solid $border_soft; border-radius: 6px; }
"""


class RemindersPage(QWidget):
    key = "reminders"
    title = "Reminders"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rules: list[Rule] = []
        self.editor: RuleEditor | SupervisionEditor | None = None
        self.loaded = False
        self._generation = 0
        themed(self, STYLE)
        self._build()
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        outer.addWidget(centred_scroll(content, 860, sideways=False), 1)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 12, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr(INTRO), "muted"))
        self.pause = PauseSection(self)
        self.pause.pause_requested.connect(self.on_pause_requested)
        self.pause.resume_requested.connect(self.on_resume_requested)
        layout.addWidget(self.pause)
        layout.addWidget(label(self.tr("Your reminders"), "heading"))
        self.empty = label(self.tr(EMPTY), "muted")
        self.empty.hide()
        layout.addWidget(self.empty)
        self.rule_list = RuleList(self)
        self.rule_list.toggled.connect(self.on_rule_toggled)
        self.rule_list.edit_requested.connect(self.open_editor)
        layout.addWidget(self.rule_list)
        row = QHBoxLayout()
        self.add_button = button(self.tr("&Add a reminder…"), self.tr("Add a reminder"))
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(
            label(
                self.tr(
                    "Reminders come while Tend is open or sitting in the background, and "
                    "never while it's locked. Their words on your desktop are always "
                    "general; anything from your own plan shows only inside Tend."
                ),
                "muted",
            )
        )
        layout.addStretch(1)

    # -- loading ------------------------------------------------------------------------
    def activate(self, arg: str | None) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        store = self.ctx.tend.require_store()

        def load() -> tuple[list[Rule], dt.datetime | None]:
            return store.reminders.rules(), store.reminders.paused_until()

        self.ctx.read(load, lambda found: self._on_loaded(generation, found))

    def _on_loaded(self, generation: int, found: tuple[list[Rule], dt.datetime | None]) -> None:
        if generation != self._generation or not isValid(self):
            return
        self.rules, paused_until = found
        self.pause.show_state(paused_until, self.ctx.tend.clock.now())
        self.rule_list.show_rules(self.rules)
        self.empty.setVisible(not self.rules)
        self.loaded = True

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.reminders or changes.everything:
            self.refresh()

    # -- pause --------------------------------------------------------------------------
    def on_pause_requested(self, back_on: dt.date) -> None:
        store = self.ctx.tend.require_store()
        until = pause_end(back_on, self.ctx.tend.clock.now())
        self.ctx.write(lambda: store.reminders.pause_until(until))

    def on_resume_requested(self) -> None:
        store = self.ctx.tend.require_store()
        self.ctx.write(
            lambda: store.reminders.pause_until(None), lambda _c: self.pause.show_welcome()
        )

    # -- rules --------------------------------------------------------------------------
    def on_rule_toggled(self, rule: Rule, on: bool) -> None:
        store = self.ctx.tend.require_store()
        changed = dataclasses.replace(rule, enabled=on)
        self.ctx.write(lambda: store.reminders.save_rule(changed))

    def open_editor(self, rule: Rule | None) -> RuleEditor | SupervisionEditor:
        """Add (``rule`` None) or change a rule, in a dialog over the page (not blocking).
        The supervision reminder has its own: lead times, not times of day."""
        if self.editor is not None and isValid(self.editor) and self.editor.isVisible():
            self.editor.raise_()
            return self.editor
        editor: RuleEditor | SupervisionEditor
        if rule is not None and rule.kind is ReminderKind.SUPERVISION:
            editor = SupervisionEditor(rule, self)
        else:
            editor = RuleEditor(rule, self)
            editor.remove_requested.connect(self.remove_rule)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._save_from(editor))
        self.editor = editor
        editor.open()
        return editor

    def _save_from(self, editor: RuleEditor | SupervisionEditor) -> None:
        rule = editor.result_rule
        if rule is None:
            return
        store = self.ctx.tend.require_store()
        self.ctx.write(lambda: store.reminders.save_rule(rule))

    def remove_rule(self, rule_id: str) -> None:
        original = next((r for r in self.rules if r.id == rule_id), None)
        store = self.ctx.tend.require_store()

        def offer_undo(_changes: object) -> None:
            if original is None:
                return
            self.ctx.undo_offered.emit(
                self.tr("Reminder removed."),
                lambda: self.ctx.write(lambda: store.reminders.save_rule(original)),
            )

        self.ctx.write(lambda: store.reminders.delete_rule(rule_id), offer_undo)
