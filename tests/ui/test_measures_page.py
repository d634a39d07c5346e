"""The Measures page: gentle due badges, taking a questionnaire by keyboard, the PHQ-9
item-9 path, and adding a published questionnaire's wording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from shiboken6 import isValid

from app.domain import Changes
from tests.helpers.widgets import host_page
from ui.context import UiContext
from ui.pages.measures import MeasuresPage
from ui.pages.measures_wording import WordingDialog

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 22)  # the `clock` fixture's day
PLACEHOLDER = [f"Placeholder item {i}" for i in range(1, 31)]
CTRL = Qt.KeyboardModifier.ControlModifier


def host(qtbot, page: QWidget) -> QWidget:
    return host_page(qtbot, page, (1000, 700))


@pytest.fixture
def page(page_ctx: UiContext, qtbot) -> Iterator[MeasuresPage]:
    page = MeasuresPage(page_ctx)
    window = host(qtbot, page)
    page.activate(None)
    qtbot.waitUntil(page_ctx.tasks.idle)
    yield page
    del window


def store(ctx: UiContext):
    return ctx.tend.require_store()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def start(page: MeasuresPage, ctx: UiContext, qtbot, measure_id: str) -> None:
    page.activate(measure_id)
    qtbot.waitUntil(ctx.tasks.idle)
    qtbot.waitUntil(lambda: page.take_view is not None)


# -- the list -------------------------------------------------------------------------------
def test_lists_every_measure_with_a_gentle_badge(page):
    assert list(page.cards) == ["tend-pulse", "proqol5", "who5", "phq9", "phq8", "gad7"]
    assert page.cards["tend-pulse"].badge.text() == "Ready when you are"
    for measure_id in ("proqol5", "who5", "phq9", "phq8", "gad7"):  # no wording added yet
        card = page.cards[measure_id]
        assert card.badge.text() == "Needs its wording first"
        assert "Needs its wording first" in card.accessibleName()
    everything = texts(page)
    assert "not a clinical instrument" in everything
    assert "Nothing here is a diagnosis" in everything
    assert "Stamm" in everything and "Pfizer" in everything  # attribution shown
    assert page.badge_text() == ""  # nothing taken yet: nothing "waiting"
    assert focused() is page.cards["tend-pulse"].take_button


def test_badges_follow_the_cadence_and_never_nag(page, page_ctx, qtbot):
    service = store(page_ctx).measures
    service.set_wording("proqol5", PLACEHOLDER)
    service.set_wording("who5", PLACEHOLDER[:5])
    service.save("proqol5", [3] * 30, day=TODAY - dt.timedelta(days=27))
    service.save("tend-pulse", [1] * 6, day=TODAY - dt.timedelta(days=6))
    service.save("who5", [3] * 5, day=TODAY - dt.timedelta(days=15))
    with qtbot.waitSignal(page.badge_changed, timeout=5000) as signal:
        page_ctx.changed.emit(Changes(measures=True))
        qtbot.waitUntil(page_ctx.tasks.idle)
    assert signal.args == ["1"] and page.badge_text() == "1"  # WHO-5 has come round again
    assert page.cards["proqol5"].badge.text() == "ProQOL due in 3 days"
    assert page.cards["tend-pulse"].badge.text() == "Pulse due tomorrow"
    assert page.cards["who5"].badge.text() == "Ready when you are"
    assert "Last taken" in texts(page.cards["proqol5"])
    for card in page.cards.values():
        style = card.badge.styleSheet() + card.styleSheet()
        assert "red" not in style and "#8f1d1d" not in style  # no alarm colours
        assert "overdue" not in card.badge.text().lower()


def test_a_questionnaire_without_its_wording_is_never_ready_or_due(page, page_ctx, qtbot):
    service = store(page_ctx).measures
    service.set_wording("who5", PLACEHOLDER[:5])
    service.save("who5", [3] * 5, day=TODAY - dt.timedelta(days=15))  # come round again
    with qtbot.waitSignal(page.badge_changed, timeout=5000):
        page_ctx.changed.emit(Changes(measures=True))
    assert page.badge_text() == "1"
    assert page.cards["who5"].badge.text() == "Ready when you are"

    service.clear_wording("who5")  # taken before, but it can't be taken again without it
    with qtbot.waitSignal(page.badge_changed, timeout=5000) as signal:
        page_ctx.changed.emit(Changes(measures=True))
    assert signal.args == [""] and page.badge_text() == ""
    card = page.cards["who5"]
    assert card.badge.text() == "Needs its wording first"
    assert card.take_button is None and card.wording_button.text() == "Add the wording…"
    for text in (card.badge.text(), card.accessibleName()):
        assert "Ready" not in text and "due" not in text


def test_published_measures_offer_the_wording_first(page):
    card = page.cards["proqol5"]
    assert card.take_button is None
    assert card.wording_button.text() == "Add the wording…"
    assert "add its wording" in texts(card)
    assert page.cards["tend-pulse"].take_button is not None


# -- taking one -----------------------------------------------------------------------------
def test_take_the_pulse_by_keyboard(page, page_ctx, qtbot):
    press(qtbot, Qt.Key.Key_Space)  # the focused "Take it now" of the pulse
    qtbot.waitUntil(page_ctx.tasks.idle)
    view = page.take_view
    assert view is not None and focused() is view.card
    assert view.card.question.text() == store(page_ctx).measures.wording("tend-pulse")[0]
    for digit in "32434":  # the check-in's keys: 1 is the first answer (stored as 0)
        press(qtbot, digit)
    assert view.card.item == 6
    press(qtbot, Qt.Key.Key_Left)  # back to question 5
    press(qtbot, Qt.Key.Key_Backspace)  # clear it
    press(qtbot, Qt.Key.Key_Up)  # from nothing, Up picks the top answer
    assert view.card.answer(5) == 4
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, "2")
    assert view.answers() == [2, 1, 3, 2, 4, 1]
    assert "6 of 6 answered" in view.progress.text()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(page_ctx.tasks.idle)

    [saved] = store(page_ctx).measures.history("tend-pulse")
    assert saved.answers == (2, 1, 3, 2, 4, 1)
    assert saved.scores == {"load": 2.0, "recovery": 2.33}
    result = page.result_view
    assert result is not None and page.stack.currentWidget() is result
    shown = texts(result)
    assert "They are not a diagnosis" in shown
    assert "Load: moderate" in shown and "Recovery: some" in shown
    assert "not a clinical instrument" in shown
    press(qtbot, Qt.Key.Key_Space)  # "Back to measures" has the focus
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.result_view is None and page.stack.currentWidget() is page.list_view
    assert page.cards["tend-pulse"].badge.text() == "Pulse due in 7 days"


def test_the_pulse_answers_with_the_check_in_keys(page, page_ctx, qtbot):
    from ui.pages.checkin_widgets import ChoiceRow

    row = ChoiceRow("How's your mood?", [(n, str(n), str(n)) for n in range(1, 6)])
    qtbot.addWidget(row)
    start(page, page_ctx, qtbot, "tend-pulse")
    card = page.take_view.card
    assert [b.text().split()[0] for b in card.buttons] == ["1", "2", "3", "4", "5"]
    assert card.buttons[0].accessibleName() == "1, Not at all"
    for digit in "51324":
        card.show_item(1)
        qtbot.keyClick(card, digit)
        qtbot.keyClick(row, digit)
        position = card.answer(1) - page.defs["tend-pulse"].scale_min
        assert position == row._values.index(row.value()) == int(digit) - 1
    card.show_item(1)
    assert card.accessibleDescription() == "Answered 4, Often"  # the number as typed
    for key in ("0", Qt.Key.Key_Backspace):  # clear, in both
        card.show_item(1)
        qtbot.keyClick(card, "3")
        card.show_item(1)
        qtbot.keyClick(card, key)
        assert card.answer(1) is None
    qtbot.keyClick(row, "0")
    assert row.value() is None
    card.show_item(1)
    qtbot.keyClick(card, "6")  # there is no sixth answer
    assert card.answer(1) is None and card.item == 1


def test_too_few_answers_get_a_calm_message_and_keep_the_answers(page, page_ctx, qtbot):
    store(page_ctx).measures.set_wording("who5", PLACEHOLDER[:5])
    start(page, page_ctx, qtbot, "who5")
    for digit in "3452":
        press(qtbot, digit)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(page_ctx.tasks.idle)
    view = page.take_view
    assert view is not None and page.result_view is None
    assert "more answers are needed" in view.message.text()
    assert view.answers() == [3, 4, 5, 2, None]
    assert store(page_ctx).measures.history("who5") == []
    press(qtbot, "0")  # WHO-5 answers run 0–5: the digit 0 is an answer here
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert store(page_ctx).measures.history("who5")[0].scores == {"wellbeing": 56}
    shown = texts(page.result_view)
    assert "talk things over" in shown  # an item at 0: follow-up suggested, kindly
    assert "World" in shown or "WHO Collaborating" in shown


def test_leaving_discards_and_returns_to_the_list(page, page_ctx, qtbot):
    start(page, page_ctx, qtbot, "tend-pulse")
    press(qtbot, "3")
    qtbot.mouseClick(page.take_view.leave_button, Qt.MouseButton.LeftButton)
    assert page.take_view is None and page.stack.currentWidget() is page.list_view
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert store(page_ctx).measures.history("tend-pulse") == []


# -- PHQ-9 item 9 ---------------------------------------------------------------------------
def test_phq9_item_9_opens_help_at_once(page, page_ctx, qtbot):
    store(page_ctx).measures.set_wording("phq9", PLACEHOLDER[:9])
    start(page, page_ctx, qtbot, "phq9")
    opened: list[bool] = []
    page_ctx.help_requested.connect(lambda: opened.append(True))
    for digit in "01201210":
        press(qtbot, digit)
    assert opened == [] and not page.take_view.safety.isVisible()
    with qtbot.waitSignal(page_ctx.help_requested, timeout=1000):
        press(qtbot, "2")  # item 9, before the form is saved
    view = page.take_view
    assert opened == [True]
    assert view.safety.isVisible() and "support lines are open" in view.safety.text()
    assert store(page_ctx).measures.history("phq9") == []  # nothing saved yet
    press(qtbot, "3")  # another safety answer to the same question doesn't ask again
    assert opened == [True]
    qtbot.mouseClick(view.support_button, Qt.MouseButton.LeftButton)
    assert opened == [True, True]

    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(page_ctx.tasks.idle)
    [saved] = store(page_ctx).measures.history("phq9")
    assert saved.safety_triggered and saved.scores == {"total": 10}
    assert "support lines are open" in texts(page.result_view)


def test_phq9_item_9_at_zero_does_not(page, page_ctx, qtbot):
    store(page_ctx).measures.set_wording("phq9", PLACEHOLDER[:9])
    start(page, page_ctx, qtbot, "phq9")
    opened: list[bool] = []
    page_ctx.help_requested.connect(lambda: opened.append(True))
    for digit in "333333330":
        press(qtbot, digit)
    assert opened == [] and not page.take_view.safety.isVisible()


def test_phq9_item_9_opens_the_main_windows_help_dialog(main_window, qtbot):
    ctx = main_window.ctx
    ctx.tend.require_store().measures.set_wording("phq9", PLACEHOLDER[:9])
    main_window.workspace.navigate("measures")
    page = main_window.workspace.pages["measures"]
    page.activate("phq9")
    qtbot.waitUntil(lambda: page.take_view is not None)
    card = page.take_view.card
    for digit in "000000000":
        qtbot.keyClick(card, digit)
    assert main_window.help_dialog is None
    card.show_item(9)
    qtbot.keyClick(card, "1")
    qtbot.waitUntil(lambda: main_window.help_dialog is not None)
    assert main_window.help_dialog.isVisible()
    main_window.help_dialog.close()


# -- adding the wording ---------------------------------------------------------------------
def _open_wording(page: MeasuresPage, qtbot, measure_id: str) -> WordingDialog:
    qtbot.mouseClick(page.cards[measure_id].wording_button, Qt.MouseButton.LeftButton)
    dialogs = [d for d in page.findChildren(WordingDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_add_wording_by_paste_checks_the_count(page, page_ctx, qtbot):
    dialog = _open_wording(page, qtbot, "who5")
    assert "Psychiatric Research Unit" in texts(dialog)
    dialog.edit.setFocus()
    QApplication.clipboard().setText("\n".join(PLACEHOLDER[:4]))
    qtbot.keyClick(dialog.edit, Qt.Key.Key_V, CTRL)  # a paste, as a person would
    assert dialog.edit.toPlainText().count("\n") == 3
    assert dialog.count.text() == "4 of 5 questions so far."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert dialog.isVisible()
    assert "has 5 items, and the wording given has 4" in dialog.message.text()
    assert store(page_ctx).measures.wording("who5") is None

    dialog.edit.setPlainText("\n".join(f"{i}. {t}" for i, t in enumerate(PLACEHOLDER[:5], 1)))
    assert dialog.count.text() == "5 questions: that's all of them."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
    assert store(page_ctx).measures.wording("who5") == tuple(PLACEHOLDER[:5])
    qtbot.waitUntil(lambda: page.cards["who5"].take_button is not None)
    assert page.cards["who5"].wording_button.text() == "Change the wording…"


def test_taking_without_wording_asks_for_it_then_starts(page, page_ctx, qtbot, tmp_path):
    page.activate("gad7")
    qtbot.waitUntil(page_ctx.tasks.idle)
    dialogs = [d for d in page.findChildren(WordingDialog) if d.isVisible()]
    assert len(dialogs) == 1 and page.take_view is None
    source = tmp_path / "gad7.json"
    source.write_text('["' + '", "'.join(PLACEHOLDER[:7]) + '"]', "utf-8")
    dialogs[0].load_file(source)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert dialogs[0].count.text() == "7 questions: that's all of them."
    qtbot.mouseClick(dialogs[0].save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.take_view is not None)
    assert page.take_view.card.question.text() == "Placeholder item 1"


def test_an_unreadable_wording_file_gets_a_plain_message(page, page_ctx, qtbot, tmp_path):
    dialog = _open_wording(page, qtbot, "phq8")
    source = tmp_path / "form.pdf"
    source.write_bytes(b"%PDF-1.4\x00\xff\xfe binary")
    dialog.load_file(source)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert "isn't plain text" in dialog.message.text()
    dialog.reject()


def _unnamed(root: QWidget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit

    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit)
    named = [w for w in root.findChildren(QWidget) if isinstance(w, kinds)]
    assert named  # the check looks at something
    return [type(w).__name__ for w in named if not w.accessibleName()]


def test_every_control_has_an_accessible_name(page, page_ctx, qtbot):
    store(page_ctx).measures.set_wording("phq9", PLACEHOLDER[:9])
    assert _unnamed(page) == []
    start(page, page_ctx, qtbot, "phq9")
    assert _unnamed(page.take_view) == []
    assert page.take_view.card.accessibleName() == "Question 1: Placeholder item 1"
    for digit in "000000001":
        press(qtbot, digit)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.result_view is not None)
    assert _unnamed(page.result_view) == []
    page.show_list()
    dialog = _open_wording(page, qtbot, "proqol5")
    assert _unnamed(dialog) == []
    dialog.reject()
