"""The signals page: cards from seeded data, suggestions, setting aside, the summary PDF."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QPlainTextEdit

from app.domain import CheckinDraft, DayKind
from tests.app.signals.factories import TODAY, ago, phq9, run
from ui.pages import signals_cards, signals_summary
from ui.pages.signals import SignalsPage

pytestmark = pytest.mark.gui

REASON = "I don't check in on my days off"


def seed_work_days(ctx, days: int = 70) -> None:
    store = ctx.tend.require_store()
    for c in run(days, day_kind=DayKind.WORK):
        store.checkins.save(c)


def open_page(ctx, qtbot, size=(1024, 640)) -> SignalsPage:
    page = SignalsPage(ctx)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitUntil(lambda: page.loaded)
    qtbot.waitUntil(ctx.tasks.idle)
    return page


def card_titles(page: SignalsPage) -> list[str]:
    return [c.title.text() for c in page.cards]


def test_nothing_to_show_is_said_plainly(page_ctx, qtbot):
    page = open_page(page_ctx, qtbot)
    assert (page.key, page.title) == ("signals", "Signals")
    assert page.cards == []
    assert page.empty.isVisible()
    assert page.empty_title.text() == "Nothing stands out right now."
    assert "not a diagnosis" in page.intro.text()


def test_seeded_data_shows_a_calm_card(page_ctx, qtbot):
    assert page_ctx.tend.clock.now().date() == TODAY
    seed_work_days(page_ctx)
    page = open_page(page_ctx, qtbot)
    assert card_titles(page) == ["It's been a long stretch without a day off"]
    card = page.cards[0]
    assert not page.empty.isVisible()
    assert card.based_on.text().startswith("Based on: There's no day off or leave")
    assert "bring it to your next supervision" in card.also.text()
    assert not hasattr(card, "help_button")  # no crisis lines for this one


def test_a_suggestion_navigates(page_ctx, qtbot):
    seed_work_days(page_ctx)
    page = open_page(page_ctx, qtbot)
    [checkin] = [b for b in page.cards[0].suggestion_buttons if b.property("target") == "checkin"]
    with qtbot.waitSignal(page_ctx.navigate_requested) as nav:
        qtbot.mouseClick(checkin, Qt.MouseButton.LeftButton)
    assert nav.args == ["checkin"]


def test_a_safety_answer_puts_the_crisis_lines_first(page_ctx, qtbot):
    store = page_ctx.tend.require_store()
    store.measures.save("phq9", list(phq9(3, 1, TODAY).answers), day=ago(1))
    page = open_page(page_ctx, qtbot)
    card = page.cards[0]
    assert card.signal.key == "measure-safety:phq9"
    assert card.property("crisis") == "true"
    with qtbot.waitSignal(page_ctx.help_requested):
        qtbot.mouseClick(card.help_button, Qt.MouseButton.LeftButton)


def test_setting_aside_with_a_reason_hides_it_for_good(page_ctx, qtbot, monkeypatch):
    seed_work_days(page_ctx)
    asked = []

    def answer(parent, signal):
        asked.append(signal.key)
        return REASON

    monkeypatch.setattr(signals_cards, "ask_dismiss_reason", answer)
    page = open_page(page_ctx, qtbot)
    with qtbot.waitSignal(page_ctx.changed):
        qtbot.mouseClick(page.cards[0].dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.cards == [] and page.empty.isVisible())
    assert asked == ["no-day-off"]
    [dismissal] = page_ctx.tend.require_store().signals.dismissed()
    assert (dismissal.key, dismissal.reason) == ("no-day-off", REASON)

    page.close()
    again = open_page(page_ctx, qtbot)
    assert again.cards == []


def test_changing_your_mind_sets_nothing_aside(page_ctx, qtbot, monkeypatch):
    seed_work_days(page_ctx)
    monkeypatch.setattr(signals_cards, "ask_dismiss_reason", lambda parent, signal: None)
    page = open_page(page_ctx, qtbot)
    qtbot.mouseClick(page.cards[0].dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page_ctx.tend.require_store().signals.dismissed() == []
    assert len(page.cards) == 1


def test_a_new_check_in_refreshes_the_page(page_ctx, qtbot):
    seed_work_days(page_ctx)
    page = open_page(page_ctx, qtbot)
    assert len(page.cards) == 1
    store = page_ctx.tend.require_store()
    draft = CheckinDraft(day=TODAY, day_kind=DayKind.DAY_OFF)
    page_ctx.write(lambda: store.checkins.save(draft))
    qtbot.waitUntil(lambda: page.cards == [])


def test_the_dismiss_dialog_returns_the_reason(page_ctx, qtbot):
    seed_work_days(page_ctx)
    page = open_page(page_ctx, qtbot)
    dialog = signals_cards.DismissDialog(page.cards[0].signal, page)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText(f"  {REASON}\n")
    assert dialog.text() == REASON
    assert dialog.reason.accessibleName()


def test_the_summary_dialog_writes_a_pdf_with_what_was_chosen(
    page_ctx, qtbot, monkeypatch, tmp_path
):
    seed_work_days(page_ctx)
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(signals_summary, "ask_save_path", lambda parent, suggested: target)
    page = open_page(page_ctx, qtbot)
    qtbot.mouseClick(page.summary_button, Qt.MouseButton.LeftButton)
    dialog = page.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert list(dialog.signal_boxes) == ["no-day-off"]
    dialog.notes.setPlainText("Ask about the leave roster.")
    dialog.include_measures.setChecked(False)
    dialog.chart_boxes["trends"].setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.working and "Making your summary" in dialog.status.text()
        dialog.reject()  # Escape while it works: the PDF is finished first
        assert dialog.isVisible()
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Supervision summary" in text and "shared by their choice" in text
    assert "It's been a long stretch without a day off" in text
    assert "Ask about the leave roster." in text
    assert "Check-ins" in text and "Questionnaires" not in text
    assert dialog.saved_to == target


def test_the_summary_dialog_says_when_the_range_is_backwards(page_ctx, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(signals_summary, "ask_save_path", lambda *a: asked.append(a))
    page = open_page(page_ctx, qtbot)
    page.open_summary()
    dialog = page.summary_dialog
    dialog.end.setDate(dialog.start.date().addDays(-3))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "first day needs to be before" in dialog.status.text()
    assert asked == []
    dialog.reject()


def test_every_control_has_an_accessible_name(page_ctx, qtbot):
    store = page_ctx.tend.require_store()
    store.measures.save("phq9", list(phq9(22, 1, TODAY).answers), day=ago(1))
    seed_work_days(page_ctx)
    page = open_page(page_ctx, qtbot)
    page.open_summary()
    dialog = page.summary_dialog
    controls = [
        *page.findChildren(QAbstractButton),
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QPlainTextEdit),
        *dialog.findChildren(QCheckBox),
    ]
    assert len(controls) > 15
    assert [w.text() for w in controls if not w.accessibleName()] == []
    dialog.reject()


def test_a_card_links_what_tend_can_open_and_names_the_rest(qtbot):
    from app.signals.signal import Signal, Suggestion

    signal = Signal(
        key="low-mood",
        rule="low-mood",
        title="Your mood has been lower than usual for you",
        body="Body.",
        based_on="Facts.",
        suggestions=(
            Suggestion("See your trends", "trends"),
            Suggestion("People to talk to now", "help"),
            Suggestion("Bring it to your next supervision"),
        ),
    )
    card = signals_cards.SignalCard(signal)
    qtbot.addWidget(card)
    assert [b.text() for b in card.suggestion_buttons] == [
        "See your trends",
        "People to talk to now",
    ]
    assert card.also.text() == "Other things that can help: bring it to your next supervision."
    assert card.dismiss_button.accessibleName() == f"Set aside: {signal.title}"
    with qtbot.waitSignal(card.help_requested):
        card.suggestion_buttons[1].click()
    with qtbot.waitSignal(card.navigate_requested) as nav:
        card.suggestion_buttons[0].click()
    assert nav.args == ["trends"]
    with qtbot.waitSignal(card.dismiss_requested) as dismissed:
        card.dismiss_button.click()
    assert dismissed.args == ["low-mood"]
