"""The unlocked view: nav on the left, a header, a notice banner and the pages.

Built right after unlock and deleted on lock, so no private text outlives the
session in any widget. Ctrl+1..9 switch pages; ``ctx.navigate_requested``
("key" or "key:arg") switches and calls ``page.activate(arg)``.

A notice made by a page (``ctx.notify(text, source=widget)``) is shown on that page
only: the banner hears which page is open, and which page a notice came from.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.banner import Banner
from ui.pages import load_page_classes
from ui.style import icon, mark

if TYPE_CHECKING:
    from ui.context import UiContext

log = logging.getLogger(__name__)


class Workspace(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.ctx = ctx
        self.pages: dict[str, QWidget] = {}
        self._pending_arg: str | None = None

        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget(self)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.help_button = QPushButton(self.tr("Get help now"), self)
        self.help_button.setAccessibleName(self.tr("Get help now"))
        self.help_button.setToolTip(self.tr("Phone numbers of people who can help (F1)"))
        self.help_button.clicked.connect(ctx.help_requested)
        mark(self.help_button, "help")
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.lock_button.setAccessibleName(self.tr("Lock Tend"))
        self.lock_button.setToolTip(self.tr("Lock Tend now (Ctrl+L)"))
        self.lock_button.setIcon(icon("lock"))
        self.lock_button.clicked.connect(ctx.lock_requested)
        self.banner = Banner(self)
        # Reminders run only while unlocked: one catch-up notice now, then the scheduler.
        from ui.pauses.button import pause_button
        from ui.reminders_bridge import install as install_reminders

        self.reminders = install_reminders(self, ctx)
        self.pause_button = pause_button(self, ctx)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.pause_button)
        header.addWidget(self.help_button)
        header.addWidget(self.lock_button)
        main = QVBoxLayout()
        main.addLayout(header)
        main.addWidget(self.banner)
        main.addWidget(self.reminders.notices)
        main.addWidget(self.stack, 1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.nav)
        body = QWidget(self)
        body.setObjectName("body")
        body.setLayout(main)
        outer.addWidget(body, 1)

        self._build_pages()
        # Tab goes as the eye does: the sections on the left, then the header left to
        # right (Take a pause, Get help now, Lock), then the page.
        QWidget.setTabOrder(self.nav, self.pause_button)
        QWidget.setTabOrder(self.pause_button, self.help_button)
        QWidget.setTabOrder(self.help_button, self.lock_button)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        ctx.notice_placed.connect(self._on_notice_placed)
        ctx.undo_offered.connect(self.banner.offer_undo)
        ctx.navigate_requested.connect(self.navigate)
        for number in range(1, min(9, len(self.pages)) + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda row=number - 1: self.nav.setCurrentRow(row))
        if self.pages:
            self.nav.setCurrentRow(0)

    def _build_pages(self) -> None:
        for cls in load_page_classes():
            try:
                factory: Any = cls  # the page interface: (ctx, parent)
                page = factory(self.ctx, self.stack)
            except Exception as exc:  # a broken page must not take the others down
                self.ctx.report_error(exc)
                continue
            key = str(getattr(cls, "key", cls.__name__))
            title = str(getattr(cls, "title", key.title()))
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(icon(key), title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.nav.addItem(item)
            badge_changed = getattr(page, "badge_changed", None)
            if badge_changed is not None:  # e.g. Measures: how many have come round again
                badge_changed.connect(lambda text, i=item, t=title: _show_badge(i, t, text))
                _show_badge(item, title, str(page.badge_text()))
        if not self.pages:
            empty = QLabel(self.tr("Nothing to show yet."), self.stack)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(empty)

    # -- navigation -------------------------------------------------------------------
    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def focus_current_page(self) -> None:
        """Give the open page the keyboard focus where its work starts (its
        ``focus_first``, e.g. the check-in's first question), else the page itself."""
        page = self.stack.currentWidget()
        if page is None:
            return
        first = getattr(page, "focus_first", None)
        if callable(first):
            first()
        else:
            page.setFocus()

    def navigate(self, target: str) -> None:
        """``target`` is "key" or "key:arg"; unknown keys are ignored (and logged)."""
        key, _, arg = target.partition(":")
        if key not in self.pages:
            log.warning("navigate to unknown page %s", key)
            return
        row = list(self.pages).index(key)
        if self.nav.currentRow() == row:
            self._activate(key, arg or None)
        else:
            self._pending_arg = arg or None
            self.nav.setCurrentRow(row)

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = list(self.pages)[row]
        arg, self._pending_arg = self._pending_arg, None
        self.stack.setCurrentWidget(self.pages[key])
        self.banner.show_page(key)  # another page's notice goes; this page's shows
        self._activate(key, arg)

    def _activate(self, key: str, arg: str | None) -> None:
        page: Any = self.pages[key]
        self.title.setText(str(getattr(type(page), "title", key.title())))
        activate = getattr(page, "activate", None)
        if activate is not None:
            activate(arg)

    # -- notices ---------------------------------------------------------------------
    def page_of(self, widget: object) -> str | None:
        """The key of the page ``widget`` is (or is inside, dialogs included); else None."""
        current = widget if isinstance(widget, QWidget) and isValid(widget) else None
        while current is not None:
            for key, page in self.pages.items():
                if current is page:
                    return key
            current = current.parentWidget()
        return None

    def _on_notice_placed(self, level: str, text: str, source: object) -> None:
        self.banner.show_notice(level, text, self.page_of(source))

    # -- locking ---------------------------------------------------------------------
    def save_unsaved_work(self) -> None:
        """Queue saves of unsaved writing in the pages and their open dialogs.

        Call before locking or closing: the saves go on the writer lane, so they land
        before the store closes. Each page or dialog with unsaved work offers
        ``save_for_lock()``; calling this twice saves once.
        """
        for widget in [*self.pages.values(), *self._page_dialogs()]:
            save_for_lock = getattr(widget, "save_for_lock", None)
            if save_for_lock is None:
                continue
            try:
                save_for_lock()
            except Exception as exc:  # one page's bug must not stop Tend locking
                self.ctx.report_error(exc)

    def close_page_dialogs(self) -> int:
        """Save unsaved work (``save_unsaved_work``), then close the pages' open dialogs."""
        self.save_unsaved_work()
        dialogs = self._page_dialogs()
        for dialog in dialogs:
            # Hidden at once: a dialog busy with slow work (say, a PDF being made) may wait
            # before it closes, and nothing of it may stay over the lock screen meanwhile.
            dialog.hide()
            dialog.reject()
        return len(dialogs)

    def _page_dialogs(self) -> list[QDialog]:
        return [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QDialog) and widget.isVisible() and self._owns(widget)
        ]

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False


def _show_badge(item: QListWidgetItem, title: str, text: str) -> None:
    """A quiet count beside a nav title ("Measures · 1"); no colour, nothing to dismiss."""
    item.setText(f"{title} · {text}" if text else title)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {text} ready" if text else title)
