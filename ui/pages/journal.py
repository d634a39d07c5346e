"""The journal: check-ins and notes, newest first, to search, read, edit and delete.

Deleting asks once, then offers Undo. What was deleted is kept only in this
page's memory (``UndoShelf``), so it's gone for good when Tend locks or closes
and the page is destroyed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain import Changes, Checkin, EntryKind, JournalFilter, JournalItem, Note
from ui.context import UiContext
from ui.pages.checkin_widgets import may_take_focus, muted
from ui.pages.journal_detail import EntryView
from ui.pages.journal_editor import NoteEditor
from ui.pages.journal_filters import FilterBar
from ui.pages.journal_model import ITEM_ROLE, JournalDelegate, JournalModel

log = logging.getLogger(__name__)

Restore = Callable[[], Changes]


def confirm_delete(parent: QWidget, kind: EntryKind) -> bool:
    """Ask once. Cancel is the default, so a stray Enter deletes nothing."""
    what = parent.tr("check-in") if kind is EntryKind.CHECKIN else parent.tr("note")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.tr("Delete {what}").format(what=what))
    box.setText(
        parent.tr("Delete this {what}? You can undo this until you lock or close Tend.").format(
            what=what
        )
    )
    delete = box.addButton(parent.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


class UndoShelf:
    """Deleted entries that can still be put back, held in memory only.

    The undo callables handed out hold a token, not the entry: clearing the shelf
    (when the page is destroyed) really lets the deleted text go.
    """

    def __init__(self) -> None:
        self._restores: dict[int, Restore] = {}
        self._next = 0

    def put(self, restore: Restore) -> int:
        self._next += 1
        self._restores[self._next] = restore
        return self._next

    def take(self, token: int) -> Restore | None:
        return self._restores.pop(token, None)

    def clear(self, *_args: object) -> None:
        self._restores.clear()

    def __len__(self) -> int:
        return len(self._restores)


class JournalPage(QWidget):
    key = "journal"
    title = "Journal"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shelf = UndoShelf()
        self.destroyed.connect(self.shelf.clear)
        self._known_tags: list[str] = []
        self._loaded_once = False
        self._reselect: tuple[EntryKind, str] | None = None
        self.editor: NoteEditor | None = None
        self._build()
        self._wire()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.filters = FilterBar(self._today)
        self.new_button = QPushButton(self.tr("&New note"))
        self.new_button.setAccessibleName(self.tr("New note"))
        self.new_button.setAccessibleDescription(self.tr("Ctrl+N"))
        self.filters.search_row.addWidget(self.new_button)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of entries"))
        self.filters.options_row.addWidget(self.count)
        layout.addWidget(self.filters)

        self.model = JournalModel(self.ctx, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(JournalDelegate(self.list))
        self.list.setUniformItemSizes(True)  # fast with thousands of rows
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAccessibleName(self.tr("Journal entries"))
        self.list.setMinimumWidth(260)
        self.empty = QLabel()
        muted(self.empty)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)

        self.detail = EntryView(self._today)
        self.detail.setMinimumWidth(260)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        chain: list[QWidget] = [self.filters.search, self.new_button, self.filters.range]
        chain += [self.filters.start, self.filters.end, self.filters.tag, self.filters.kind]
        chain += [self.list, self.detail.body, self.detail.edit_button, self.detail.delete_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _wire(self) -> None:
        self.filters.filter_changed.connect(self._on_filter_changed)
        self.filters.search.returnPressed.connect(self.filters.flush)
        self.model.loaded.connect(self._on_loaded)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(self._on_activated)
        self.detail.edit_requested.connect(self.edit_item)
        self.detail.delete_requested.connect(self.delete_item)
        self.new_button.clicked.connect(lambda: self.new_note())
        self._shortcut("Ctrl+N", self.new_note, self)
        self._shortcut(QKeySequence.StandardKey.Find, self.focus_search, self)
        self._shortcut(QKeySequence.StandardKey.Delete, self.delete_current, self.list)
        self.ctx.changed.connect(self._on_ctx_changed)

    @staticmethod
    def _shortcut(
        keys: str | QKeySequence.StandardKey, slot: Callable[[], object], owner: QWidget
    ) -> None:
        """A shortcut that works while focus is in ``owner`` (so pages never clash)."""
        shortcut = QShortcut(QKeySequence(keys), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # -- page interface -----------------------------------------------------------------
    def activate(self, arg: str | None) -> None:
        self.filters.refresh_today()
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()
            self._load_tags()
        if arg == "new":
            self.new_note()
        elif may_take_focus(self):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        self.model.load(self.filters.current_filter())

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def _today(self) -> dt.date:
        return self.ctx.tend.clock.now().date()

    # -- list -----------------------------------------------------------------------------
    def _on_filter_changed(self, flt: JournalFilter) -> None:
        self.model.load(flt)

    def _on_loaded(self, total: int) -> None:
        if total == 1:
            self.count.setText(self.tr("1 entry"))
        else:
            self.count.setText(self.tr("{n} entries").format(n=f"{total:,}"))
        if total:
            self.stack.setCurrentWidget(self.list)
        else:
            self.empty.setText(
                self.tr(
                    "Nothing here yet. Notes you write and check-ins you save will appear here."
                )
                if self.model.current_filter == JournalFilter()
                else self.tr("Nothing matches that. Try fewer words, or a wider date range.")
            )
            self.stack.setCurrentWidget(self.empty)
        self.detail.set_search_words(self.model.words)
        shown = self.detail.item
        target = self._reselect or (None if shown is None else (shown.kind, shown.id))
        self._reselect = None
        row = None if target is None else self.model.row_of(*target)
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))
        else:
            self.detail.show_item(None)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.data(ITEM_ROLE) if current.isValid() else None
        self.detail.show_item(item if isinstance(item, JournalItem) else None)

    def _on_activated(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, JournalItem):
            return
        if item.kind is EntryKind.NOTE:
            self.edit_item(item)
        else:
            self.detail.show_item(item)
            self.detail.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_item(self) -> JournalItem | None:
        item = self.list.currentIndex().data(ITEM_ROLE)
        return item if isinstance(item, JournalItem) else None

    # -- notes ----------------------------------------------------------------------------
    def new_note(self) -> NoteEditor:
        return self._open_editor(None)

    def edit_item(self, item: JournalItem) -> None:
        if item.kind is EntryKind.CHECKIN:
            self.ctx.navigate_requested.emit(f"checkin:{item.day.isoformat()}")
            return
        note = Note(day=item.day, body=item.text, tags=item.tags, id=item.id)
        self._open_editor(note)

    def _open_editor(self, note: Note | None) -> NoteEditor:
        if self.editor is not None and isValid(self.editor) and self.editor.isVisible():
            self.editor.raise_()
            return self.editor
        editor = NoteEditor(self.ctx, note, self._known_tags, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._on_note_saved)
        self.editor = editor
        editor.open()
        return editor

    def _on_note_saved(self, note: Note) -> None:
        self._reselect = (EntryKind.NOTE, note.id)
        log.info("note saved")

    # -- deleting -------------------------------------------------------------------------
    def delete_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.delete_item(item)

    def delete_item(self, item: JournalItem) -> None:
        if not confirm_delete(self, item.kind):
            return
        ident = item.id
        if item.kind is EntryKind.NOTE:
            self.ctx.write(
                lambda: self.ctx.tend.require_store().journal.delete_note(ident),
                lambda snapshot: self._on_deleted(EntryKind.NOTE, snapshot),
            )
        else:
            self.ctx.write(
                lambda: self.ctx.tend.require_store().checkins.delete(ident),
                lambda snapshot: self._on_deleted(EntryKind.CHECKIN, snapshot),
            )

    def _on_deleted(self, kind: EntryKind, snapshot: Note | Checkin | None) -> None:
        if snapshot is None or not isValid(self):
            return  # already gone, or the page with its shelf is gone
        ctx = self.ctx
        restore: Restore
        declined = None
        if isinstance(snapshot, Note):
            message = self.tr("Note deleted.")
            restore = lambda: ctx.tend.require_store().journal.restore_note(snapshot)  # noqa: E731
        else:
            message = self.tr("Check-in deleted.")
            restore = lambda: ctx.tend.require_store().checkins.restore(snapshot)  # noqa: E731
            declined = self.tr("That day has a newer check-in now, so the deleted one stays gone.")
        log.info("%s deleted, undo offered", kind.value)
        undo = make_undo(ctx, self.shelf, self.shelf.put(restore), declined)
        self.ctx.undo_offered.emit(message, undo)

    # -- refreshing -----------------------------------------------------------------------
    def _on_ctx_changed(self, changes: Changes) -> None:
        if not self._loaded_once:
            return
        if changes.notes or changes.checkins or changes.everything:
            self.model.load(self.model.current_filter)
        if changes.tags or changes.everything:
            self._load_tags()

    def _load_tags(self) -> None:
        self.ctx.read(lambda: self.ctx.tend.require_store().journal.tags(), self._on_tags)

    def _on_tags(self, tags: list[str]) -> None:
        if isValid(self):
            self._known_tags = tags
            self.filters.set_tags(tags)


def make_undo(
    ctx: UiContext, shelf: UndoShelf, token: int, if_not_restored: str | None = None
) -> Callable[[], None]:
    """The callable behind an Undo button: restores once, and only while the page lives.

    ``if_not_restored`` is said when the store declines (e.g. the day has a newer check-in).
    """

    def undo() -> None:
        restore = shelf.take(token)
        if restore is None:
            return  # undone already, or Tend was locked since

        def done(changes: Changes) -> None:
            if changes == Changes() and if_not_restored:
                ctx.notify(if_not_restored)

        ctx.write(restore, done)

    return undo
