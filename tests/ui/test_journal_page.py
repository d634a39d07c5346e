"""The journal page: listing, filtering, searching, editing, deleting with undo."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import delete as destroy_now
from shiboken6 import isValid

from app.domain import CheckinDraft, DayKind, EntryKind, JournalFilter, JournalItem, NoteDraft
from tests.helpers.widgets import host_page
from ui.context import UiContext
from ui.pages import journal as journal_module
from ui.pages import journal_editor
from ui.pages.journal import JournalPage, confirm_delete
from ui.pages.journal_model import MATCH_BACKGROUND, JournalModel, preview

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 22)  # the `clock` fixture's day


class Seeded:
    """Ids of the entries `seed` wrote, newest first."""

    def __init__(self, ctx: UiContext) -> None:
        store = ctx.tend.require_store()
        note, _ = store.journal.add_note(
            NoteDraft(
                TODAY - dt.timedelta(days=1),
                "Booked supervision.\nFeeling steadier.",
                ("supervision",),
            )
        )
        self.supervision = note.id
        rest, _ = store.checkins.save(
            CheckinDraft(
                dt.date(2026, 11, 20), mood=4, energy=3, day_kind=DayKind.DAY_OFF, tags=("rest",)
            )
        )
        self.rest = rest.id
        court_day, _ = store.checkins.save(
            CheckinDraft(
                dt.date(2026, 11, 18), mood=2, note="Court again. Long wait.", tags=("court",)
            )
        )
        self.court_day = court_day.id
        harbour, _ = store.journal.add_note(
            NoteDraft(dt.date(2026, 11, 10), "Harbour walk at lunch helped.", ("self care",))
        )
        self.harbour = harbour.id
        report, _ = store.journal.add_note(
            NoteDraft(dt.date(2026, 9, 1), "Court report finished late.", ("court",))
        )
        self.report = report.id
        self.all = [self.supervision, self.rest, self.court_day, self.harbour, self.report]


def host(qtbot, page: QWidget) -> QWidget:
    return host_page(qtbot, page, (1000, 700))


def open_page(ctx: UiContext, qtbot) -> tuple[JournalPage, QWidget]:
    page = JournalPage(ctx)
    window = host(qtbot, page)
    page.activate(None)
    qtbot.waitUntil(ctx.tasks.idle)
    return page, window


@pytest.fixture
def seeded(page_ctx: UiContext) -> Seeded:
    return Seeded(page_ctx)


@pytest.fixture
def journal(page_ctx: UiContext, seeded: Seeded, qtbot) -> Iterator[JournalPage]:
    page, _window = open_page(page_ctx, qtbot)
    yield page  # `_window` stays referenced (alive) until the test ends


def ids(page: JournalPage) -> list[str]:
    return [page.model.item(row).id for row in range(page.model.rowCount())]  # type: ignore[union-attr]


def settle(page: JournalPage, qtbot) -> None:
    """Wait out the search debounce and every read it started."""
    qtbot.waitUntil(lambda: not page.filters._debounce.isActive())
    qtbot.waitUntil(page.ctx.tasks.idle)


def select(page: JournalPage, ident: str) -> JournalItem:
    row = ids(page).index(ident)
    page.list.setFocus()
    page.list.setCurrentIndex(page.model.index(row))
    item = page.current_item()
    assert item is not None
    return item


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


# -- listing ----------------------------------------------------------------------------
def test_entries_are_listed_newest_first(journal: JournalPage, seeded: Seeded) -> None:
    assert ids(journal) == seeded.all
    assert journal.count.text() == "5 entries"
    assert journal.stack.currentWidget() is journal.list


def test_a_check_in_without_a_note_gets_a_gentle_summary(journal, seeded) -> None:
    item = journal.model.item(ids(journal).index(seeded.rest))
    assert item is not None
    assert preview(item) == "Mood 4 · Energy 3 · Day off"
    index = journal.model.index(1)
    assert journal.model.data(index, Qt.ItemDataRole.ToolTipRole) is None  # no private tooltips


def test_an_empty_journal_says_so_kindly(page_ctx, qtbot) -> None:
    page, _window = open_page(page_ctx, qtbot)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text().startswith("Nothing here yet.")
    assert page.count.text() == "0 entries"


# -- searching and filtering ----------------------------------------------------------------
def test_search_waits_for_a_pause_in_typing(journal, seeded, qtbot) -> None:
    journal.focus_search()
    qtbot.keyClicks(focused(), "harbour")
    assert ids(journal) == seeded.all  # nothing asked yet: still typing
    settle(journal, qtbot)
    assert ids(journal) == [seeded.harbour]
    assert journal.count.text() == "1 entry"


def test_search_finds_words_in_notes_and_check_ins(journal, seeded, qtbot) -> None:
    journal.filters.search.setText("court")
    settle(journal, qtbot)
    assert ids(journal) == [seeded.court_day, seeded.report]


def test_a_search_with_no_matches_says_so(journal, qtbot) -> None:
    journal.filters.search.setText("zebra")
    settle(journal, qtbot)
    assert journal.stack.currentWidget() is journal.empty
    assert journal.empty.text().startswith("Nothing matches")


LONG_NOTE = (
    "A slow start with emails and tea, then a team meeting about rosters and two phone "
    "calls that went nowhere much.\nAfter lunch I walked by the harbour, which helped."
)


def highlighted_pixels(widget: QWidget) -> int:
    """How much of ``widget`` is painted in the search-hit colour (every other pixel)."""
    image = widget.grab().toImage()
    wanted = MATCH_BACKGROUND.rgb()
    return sum(
        image.pixel(x, y) == wanted
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def shown_text(page: JournalPage, ident: str) -> str:
    return str(page.model.data(page.model.index(ids(page).index(ident))))


def test_a_search_shows_and_highlights_the_matched_words(page_ctx, seeded, qtbot) -> None:
    note, _ = page_ctx.tend.require_store().journal.add_note(NoteDraft(TODAY, LONG_NOTE))
    page, _window = open_page(page_ctx, qtbot)
    assert shown_text(page, note.id).endswith("A slow start with emails and tea, then a team "
                                              "meeting about rosters and two phone calls that "
                                              "went nowhere much.")  # fmt: skip
    assert highlighted_pixels(page.list.viewport()) == 0

    page.filters.search.setText("HARB")
    settle(page, qtbot)
    assert ids(page) == [note.id, seeded.harbour]
    text = shown_text(page, note.id)
    assert "walked by the harbour, which helped." in text  # the snippet shows the match
    assert "A slow start" not in text and ": …" in text
    assert shown_text(page, seeded.harbour).endswith(": Harbour walk at lunch helped.")
    assert highlighted_pixels(page.list.viewport()) > 20
    select(page, note.id)
    assert page.detail.body.toPlainText() == LONG_NOTE  # the whole note, as written
    assert page.detail.highlights() == ["harbour"]

    page.filters.search.setText("")
    settle(page, qtbot)
    assert ids(page)[0] == note.id
    assert page.detail.highlights() == []
    assert highlighted_pixels(page.list.viewport()) == 0
    assert "A slow start" in shown_text(page, note.id)


def test_journal_text_never_reaches_the_log(page_ctx, seeded, qtbot, caplog) -> None:
    caplog.set_level("DEBUG")
    page, _window = open_page(page_ctx, qtbot)
    page.filters.search.setText("supervision steadier")
    settle(page, qtbot)
    assert page.detail.highlights() == [] and ids(page) == [seeded.supervision]
    select(page, seeded.supervision)
    assert page.detail.highlights() == ["supervision", "steadier"]
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    editor = page.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.body.setPlainText("Booked supervision. Feeling steadier, and a pelican.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(page, qtbot)
    note = page_ctx.tend.require_store().journal.get_note(seeded.supervision)
    assert note is not None and note.body.endswith("a pelican.")
    logged = caplog.text.lower()
    assert "note saved" in logged  # the log is listening ...
    for private in ("booked", "steadier", "supervision", "pelican", "harbour", "court again"):
        assert private not in logged  # ... and hears none of the words


def test_dates_show_the_year_only_when_it_isnt_this_year(page_ctx, clock, qtbot) -> None:
    journal_service = page_ctx.tend.require_store().journal
    old, _ = journal_service.add_note(NoteDraft(dt.date(2025, 12, 30), "Last year."))
    new, _ = journal_service.add_note(NoteDraft(dt.date(2026, 1, 2), "This year."))
    page, _window = open_page(page_ctx, qtbot)
    assert shown_text(page, new.id) == "Fri 2 Jan, Note: This year."
    assert shown_text(page, old.id) == "Tue 30 Dec 2025, Note: Last year."
    select(page, old.id)
    assert page.detail.heading.text() == "Tue 30 Dec 2025 · Note"
    select(page, new.id)
    assert page.detail.heading.text() == "Fri 2 Jan · Note"

    clock.set(dt.datetime(2027, 1, 4, 9, tzinfo=clock.now().tzinfo))  # the injected clock
    assert shown_text(page, new.id) == "Fri 2 Jan 2026, Note: This year."
    page.detail.show_item(page.current_item())
    assert page.detail.heading.text() == "Fri 2 Jan 2026 · Note"


def test_tag_filter(journal, seeded, qtbot) -> None:
    combo = journal.filters.tag
    assert [combo.itemData(i) for i in range(combo.count())] == [
        None,
        "court",
        "rest",
        "self care",
        "supervision",
    ]
    combo.setCurrentIndex(combo.findData("court"))
    settle(journal, qtbot)
    assert ids(journal) == [seeded.court_day, seeded.report]


def test_date_filter(journal, seeded, qtbot) -> None:
    ranges = journal.filters.range
    ranges.setCurrentIndex(ranges.findData("7"))
    settle(journal, qtbot)
    assert ids(journal) == [seeded.supervision, seeded.rest, seeded.court_day]

    ranges.setCurrentIndex(ranges.findData("custom"))
    assert journal.filters.start.isVisible()
    journal.filters.start.setDate(dt.date(2026, 9, 1))
    journal.filters.end.setDate(dt.date(2026, 11, 12))
    settle(journal, qtbot)
    assert ids(journal) == [seeded.harbour, seeded.report]


def test_kind_filter(journal, seeded, qtbot) -> None:
    kinds = journal.filters.kind
    kinds.setCurrentIndex(kinds.findData(EntryKind.CHECKIN))
    settle(journal, qtbot)
    assert ids(journal) == [seeded.rest, seeded.court_day]
    kinds.setCurrentIndex(kinds.findData(EntryKind.NOTE))
    settle(journal, qtbot)
    assert ids(journal) == [seeded.supervision, seeded.harbour, seeded.report]


def test_stale_search_replies_are_dropped(journal, seeded, qtbot, monkeypatch) -> None:
    service = journal.ctx.tend.require_store().journal
    real_entries = service.entries
    release = threading.Event()

    def held_entries(flt: JournalFilter, limit: int = 200, offset: int = 0) -> list[JournalItem]:
        if flt.query == "court":  # this answer arrives late, after a newer search
            release.wait(timeout=10)
        return real_entries(flt, limit, offset)

    monkeypatch.setattr(service, "entries", held_entries)
    try:
        journal.filters.search.setText("court")
        qtbot.waitUntil(lambda: not journal.filters._debounce.isActive())
        journal.filters.search.setText("harbour")
        qtbot.waitUntil(lambda: ids(journal) == [seeded.harbour])
    finally:
        release.set()
    qtbot.waitUntil(journal.ctx.tasks.idle)
    assert ids(journal) == [seeded.harbour]  # the late "court" answer changed nothing
    assert journal.count.text() == "1 entry"


# -- reading and writing notes ----------------------------------------------------------
def test_a_new_note_with_the_keyboard(journal, page_ctx, qtbot) -> None:
    journal.list.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = journal.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert focused() is editor.body
    qtbot.keyClicks(focused(), "Debrief went well.")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is editor.tags
    qtbot.keyClicks(focused(), "Team")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page_ctx.tasks.idle)

    notes = page_ctx.tend.require_store().journal.entries(JournalFilter(query="debrief"))
    assert [(n.day, n.text, n.tags) for n in notes] == [(TODAY, "Debrief went well.", ("team",))]
    assert journal.count.text() == "6 entries"
    assert journal.current_item() is not None
    assert journal.current_item().id == notes[0].id  # the new note is shown
    assert not isValid(editor)  # closed and deleted


def test_the_journal_can_open_on_a_new_note(page_ctx, qtbot) -> None:
    page = JournalPage(page_ctx)
    _window = host(qtbot, page)
    page.activate("new")
    assert page.editor is not None
    assert page.editor.windowTitle() == "New note"
    qtbot.waitUntil(page_ctx.tasks.idle)


def test_open_and_edit_a_note(journal, seeded, page_ctx, qtbot) -> None:
    select(journal, seeded.harbour)
    assert journal.detail.body.toPlainText() == "Harbour walk at lunch helped."
    qtbot.keyClick(journal.list, Qt.Key.Key_Return)
    editor = journal.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert editor.body.toPlainText() == "Harbour walk at lunch helped."
    assert editor.tags.text() == "self care"
    editor.body.setPlainText("Harbour walk at lunch helped a lot.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page_ctx.tasks.idle)

    note = page_ctx.tend.require_store().journal.get_note(seeded.harbour)
    assert note is not None
    assert note.body == "Harbour walk at lunch helped a lot."
    assert journal.count.text() == "5 entries"
    assert journal.detail.body.toPlainText() == "Harbour walk at lunch helped a lot."


def test_an_empty_note_is_explained_in_the_editor(journal, page_ctx, qtbot) -> None:
    editor = journal.new_note()
    editor.save()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert editor.isVisible()
    assert editor.message.text() == "There's nothing in this note yet."
    assert editor.save_button.isEnabled()


def test_closing_the_editor_asks_before_losing_words(journal, qtbot, monkeypatch) -> None:
    answers = [False, True]
    asked: list[QWidget] = []

    def fake_confirm(parent: QWidget) -> bool:
        asked.append(parent)
        return answers.pop(0)

    monkeypatch.setattr(journal_editor, "confirm_discard", fake_confirm)
    editor = journal.new_note()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClicks(editor.body, "Half a thought")
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)
    assert editor.isVisible()  # "Keep writing"
    assert editor.body.toPlainText() == "Half a thought"
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)
    assert not isValid(editor) or not editor.isVisible()
    assert len(asked) == 2


def test_locking_closes_the_editor_without_asking(journal, qtbot, monkeypatch) -> None:
    asked: list[QWidget] = []
    monkeypatch.setattr(journal_editor, "confirm_discard", lambda parent: asked.append(parent))
    editor = journal.new_note()
    qtbot.keyClicks(editor.body, "Half a thought")
    editor.reject()  # what the workspace does to open dialogs when Tend locks
    assert asked == []
    assert not isValid(editor) or not editor.isVisible()


def test_opening_a_check_in_shows_its_answers(journal, seeded, qtbot) -> None:
    select(journal, seeded.rest)
    qtbot.keyClick(journal.list, Qt.Key.Key_Return)
    rows = journal.detail.answers
    shown = {
        rows.itemAt(i, rows.ItemRole.LabelRole).widget().text(): rows.itemAt(
            i, rows.ItemRole.FieldRole
        )
        .widget()
        .text()
        for i in range(rows.rowCount())
    }
    assert shown["Mood"] == "4 · Good"
    assert shown["Sleep"] == "Not answered"
    assert shown["Day"] == "Day off"
    assert focused() is journal.detail.edit_button

    asked: list[str] = []
    journal.ctx.navigate_requested.connect(asked.append)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert asked == ["checkin:2026-11-20"]


# -- deleting ---------------------------------------------------------------------------------
class Confirmations:
    """Stands in for the delete question: records it, answers as told."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[EntryKind] = []

    def __call__(self, parent: QWidget, kind: EntryKind) -> bool:
        self.asked.append(kind)
        return self.answer


def offered_undos(ctx: UiContext) -> list[tuple[str, Callable[[], None]]]:
    offers: list[tuple[str, Callable[[], None]]] = []
    ctx.undo_offered.connect(lambda message, fn: offers.append((message, fn)))
    return offers


def test_delete_asks_once_and_can_be_undone(journal, seeded, page_ctx, qtbot, monkeypatch) -> None:
    confirm = Confirmations(answer=True)
    monkeypatch.setattr(journal_module, "confirm_delete", confirm)
    offers = offered_undos(page_ctx)
    journal_service = page_ctx.tend.require_store().journal
    before = journal_service.get_note(seeded.harbour)

    select(journal, seeded.harbour)
    qtbot.keyClick(journal.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert confirm.asked == [EntryKind.NOTE]
    assert journal_service.get_note(seeded.harbour) is None
    assert seeded.harbour not in ids(journal)
    assert [message for message, _fn in offers] == ["Note deleted."]
    assert "self care" not in journal_service.tags()

    offers[0][1]()  # the Undo button
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert journal_service.get_note(seeded.harbour) == before
    assert ids(journal) == seeded.all
    assert "self care" in journal_service.tags()
    offers[0][1]()  # a second press does nothing more
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert len(journal.shelf) == 0


def test_cancelling_delete_changes_nothing(journal, seeded, page_ctx, qtbot, monkeypatch) -> None:
    confirm = Confirmations(answer=False)
    monkeypatch.setattr(journal_module, "confirm_delete", confirm)
    offers = offered_undos(page_ctx)
    select(journal, seeded.supervision)
    journal.detail.delete_button.click()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert confirm.asked == [EntryKind.NOTE]
    assert page_ctx.tend.require_store().journal.get_note(seeded.supervision) is not None
    assert ids(journal) == seeded.all
    assert offers == []


def test_a_deleted_check_in_can_be_undone(journal, seeded, page_ctx, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(journal_module, "confirm_delete", Confirmations(answer=True))
    offers = offered_undos(page_ctx)
    checkins = page_ctx.tend.require_store().checkins
    select(journal, seeded.court_day)
    journal.delete_current()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert checkins.get_by_id(seeded.court_day) is None
    assert offers[0][0] == "Check-in deleted."
    offers[0][1]()
    qtbot.waitUntil(page_ctx.tasks.idle)
    restored = checkins.get_by_id(seeded.court_day)
    assert restored is not None
    assert restored.note == "Court again. Long wait."


def test_undo_keeps_a_newer_check_in_for_that_day(
    journal, seeded, page_ctx, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(journal_module, "confirm_delete", Confirmations(answer=True))
    offers = offered_undos(page_ctx)
    notices: list[str] = []
    page_ctx.notice_requested.connect(lambda _level, message: notices.append(message))
    checkins = page_ctx.tend.require_store().checkins
    select(journal, seeded.rest)
    journal.delete_current()
    qtbot.waitUntil(page_ctx.tasks.idle)
    checkins.save(CheckinDraft(dt.date(2026, 11, 20), mood=1))
    offers[0][1]()
    qtbot.waitUntil(page_ctx.tasks.idle)
    kept = checkins.get(dt.date(2026, 11, 20))
    assert kept is not None
    assert kept.mood == 1
    assert notices == ["That day has a newer check-in now, so the deleted one stays gone."]


def test_undo_is_gone_once_the_page_is_destroyed(
    journal, seeded, page_ctx, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(journal_module, "confirm_delete", Confirmations(answer=True))
    offers = offered_undos(page_ctx)
    select(journal, seeded.harbour)
    journal.delete_current()
    qtbot.waitUntil(page_ctx.tasks.idle)
    shelf = journal.shelf
    assert len(shelf) == 1
    destroy_now(journal)  # what locking Tend does to every page
    assert len(shelf) == 0
    offers[0][1]()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page_ctx.tend.require_store().journal.get_note(seeded.harbour) is None


def test_the_delete_question_defaults_to_cancel(journal, qtbot) -> None:
    seen: list[str] = []

    def answer_with_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer_with_enter)
    assert confirm_delete(journal, EntryKind.NOTE) is False
    assert seen[0] == "Delete this note? You can undo this until you lock or close Tend."
    assert seen[1] == "Cancel"


# -- paging ---------------------------------------------------------------------------------
def test_a_long_journal_loads_a_page_at_a_time(page_ctx, qtbot) -> None:
    journal_service = page_ctx.tend.require_store().journal
    for i in range(1000):
        journal_service.add_note(NoteDraft(TODAY - dt.timedelta(days=i % 400), f"Note {i}"))
    page, _window = open_page(page_ctx, qtbot)
    assert page.model.rowCount() == 200
    assert page.model.total == 1000
    assert page.count.text() == "1,000 entries"
    assert page.model.canFetchMore()
    page.model.fetchMore()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.model.rowCount() == 400
    page.list.scrollToBottom()  # the view asks for more as it reaches the end
    qtbot.waitUntil(lambda: page.model.rowCount() == 600)
    days = [page.model.item(r).day for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert days == sorted(days, reverse=True)


def test_model_drops_pages_from_an_older_query(page_ctx, seeded, qtbot, monkeypatch) -> None:
    service = page_ctx.tend.require_store().journal
    real_entries = service.entries
    release = threading.Event()

    def held_entries(flt: JournalFilter, limit: int = 200, offset: int = 0) -> list[JournalItem]:
        if offset > 0:  # the second page of the old query arrives late
            release.wait(timeout=10)
        return real_entries(flt, limit, offset)

    monkeypatch.setattr(service, "entries", held_entries)
    model = JournalModel(page_ctx)
    model.page_size = 2
    model.load(JournalFilter())
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert model.rowCount() == 2
    try:
        model.fetchMore()  # asks for rows 2–3 of "everything" ...
        model.load(
            JournalFilter(kinds=frozenset({EntryKind.CHECKIN}))
        )  # ... then the filter changes
        qtbot.waitUntil(lambda: model.total == 2)
    finally:
        release.set()
    qtbot.waitUntil(page_ctx.tasks.idle)
    rows = [model.item(r) for r in range(model.rowCount())]
    assert [item.id for item in rows if item] == [seeded.rest, seeded.court_day]
