"""The Trends page: charts of the person's own data, ranges, read-outs, saving, words."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette

from app.charts.base import long_day
from app.charts.kinds import ChartKind, Span
from app.charts.series import day_number
from app.domain import CheckinDraft, DayKind, Exposure
from ui.context import UiContext
from ui.pages import trends as trends_module
from ui.pages.trends import HINT, TrendsPage

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 22)  # the `clock` fixture's day
DAYS = 40


def mood_on(i: int) -> int:
    """The mood saved ``i`` days before today."""
    return 1 + i % 5


def fill(ctx: UiContext) -> None:
    store = ctx.tend.require_store()
    for i in range(DAYS):
        if i % 9 == 4:
            continue  # a few days without a check-in
        store.checkins.save(
            CheckinDraft(
                TODAY - dt.timedelta(days=i),
                mood=mood_on(i),
                energy=3,
                sleep=4,
                stress=2,
                workload=3,
                connection=4,
                exposure=Exposure.SOME if i % 2 else Exposure.NONE,
                day_kind=DayKind.DAY_OFF if i % 7 == 0 else DayKind.WORK,
            )
        )


def open_page(ctx: UiContext, qtbot) -> TrendsPage:
    page = TrendsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    qtbot.waitExposed(page)
    page.activate(None)
    qtbot.waitUntil(lambda: ctx.tasks.idle() and page.data is not None)
    return page


@pytest.fixture
def page(page_ctx, qtbot) -> TrendsPage:
    fill(page_ctx)
    return open_page(page_ctx, qtbot)


def test_the_page_shows_daily_signals_first(page: TrendsPage) -> None:
    canvas = page.current_canvas()
    assert canvas is not None and page.stack.currentWidget() is canvas
    chart = page.current_chart()
    assert chart is not None and len(chart.panels) == 6
    assert chart.span is Span.MONTHS_3 and page.range.buttons[Span.MONTHS_3].isChecked()
    assert page.readout.text() == HINT
    assert page.save_button.isEnabled()
    assert canvas.accessibleName() == "Chart: Daily signals"


def test_switching_range_changes_the_x_limits(page: TrendsPage, qtbot) -> None:
    chart = page.current_chart()
    assert chart is not None
    ax = chart.panels[0].axes[0]
    before = ax.get_xlim()
    qtbot.mouseClick(page.range.buttons[Span.WEEKS_4], Qt.MouseButton.LeftButton)
    start = TODAY - dt.timedelta(days=27)
    assert ax.get_xlim() == pytest.approx((day_number(start) - 0.5, day_number(TODAY) + 0.5))
    assert ax.get_xlim() != before
    assert page.current_chart() is chart  # the same chart: only the view moved
    button = page.range.buttons[Span.ALL]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # keyboard works too
    assert chart.span is Span.ALL
    first = TODAY - dt.timedelta(days=DAYS - 1)
    assert ax.get_xlim()[0] == pytest.approx(day_number(first) - 0.5)


def point_of(canvas, ax, x: float, y: float) -> QPoint:
    """Where data (x, y) is on the canvas widget, in Qt's logical pixels."""
    px, py = ax.transData.transform((x, y))
    ratio = canvas.device_pixel_ratio
    return QPoint(round(px / ratio), round(canvas.height() - py / ratio))


def test_hovering_reads_the_exact_value_and_date(page: TrendsPage, qtbot) -> None:
    canvas = page.current_canvas()
    chart = page.current_chart()
    assert canvas is not None and chart is not None
    canvas.draw()
    target = TODAY - dt.timedelta(days=2)
    ax = chart.panels[0].axes[0]
    qtbot.mouseMove(canvas, point_of(canvas, ax, day_number(target), 2.0))
    qtbot.waitUntil(lambda: page.readout.text() != HINT)
    assert page.readout.text().startswith(f"Mood on {long_day(target)}: {mood_on(2)} of 5")
    assert canvas.accessibleDescription() == page.readout.text()
    assert chart.panels[0].cursor.get_visible()


def test_the_chart_can_be_read_with_the_keyboard(page: TrendsPage, qtbot) -> None:
    canvas = page.current_canvas()
    assert canvas is not None
    canvas.setFocus()
    qtbot.waitUntil(lambda: page.readout.text().startswith(f"Mood on {long_day(TODAY)}: 1 of 5"))
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    yesterday = TODAY - dt.timedelta(days=1)
    assert page.readout.text().startswith(f"Mood on {long_day(yesterday)}: 2 of 5")
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert page.readout.text().startswith(f"Energy on {long_day(yesterday)}: 3 of 5")
    qtbot.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert page.readout.text().startswith(f"Energy on {long_day(yesterday - dt.timedelta(7))}")
    for _ in range(5):  # to 13 days ago: no check-in that day
        qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert page.readout.text() == (
        f"Energy on {long_day(TODAY - dt.timedelta(13))}: no answer that day, "
        "7-day average 3.0, 28-day average 3.0"
    )
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert page.readout.text() == HINT


def test_show_as_text(page: TrendsPage, qtbot) -> None:
    qtbot.mouseClick(page.text_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.text_view
    text = page.text_view.toPlainText()
    assert text.startswith("Daily signals from")
    assert "Mood (higher is easier): answered on" in text
    qtbot.mouseClick(page.range.buttons[Span.WEEKS_4], Qt.MouseButton.LeftButton)
    assert "answered on 25 of 28 days" in page.text_view.toPlainText()
    qtbot.mouseClick(page.text_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.current_canvas()


@pytest.mark.parametrize("kind", [ChartKind.CALENDAR, ChartKind.EXPOSURE, ChartKind.REST])
def test_every_chart_kind_of_daily_data(page: TrendsPage, kind: ChartKind) -> None:
    page.tabs.set_kind(kind)
    canvas = page.current_canvas()
    assert canvas is not None and page.stack.currentWidget() is canvas
    assert page.current_chart() is not None and page.current_chart().panels  # type: ignore[union-attr]
    assert page.choice.isVisibleTo(page) == (kind is ChartKind.CALENDAR)


def test_the_calendar_can_show_another_signal(page: TrendsPage, page_ctx, qtbot) -> None:
    page.tabs.set_kind(ChartKind.CALENDAR)
    page.choice.setCurrentIndex(page.choice.findData("sleep"))
    chart = page.current_chart()
    assert chart is not None and "Sleep" in chart.figure.axes[0].get_title(loc="left")
    assert chart.step(None).text.startswith("Sleep on")  # type: ignore[union-attr]
    page.tabs.set_kind(ChartKind.TRENDS)
    page.tabs.set_kind(ChartKind.CALENDAR)
    assert page.choice.currentData() == "sleep"  # still chosen
    before = page.data
    store = page_ctx.tend.require_store()
    page_ctx.write(lambda: store.checkins.save(CheckinDraft(TODAY - dt.timedelta(days=4), sleep=1)))
    qtbot.waitUntil(lambda: page.data is not before and page_ctx.tasks.idle())
    assert page.choice.currentData() == "sleep"  # and after the data changed
    assert "Sleep" in page.current_chart().figure.axes[0].get_title(loc="left")  # type: ignore[union-attr]


def test_measures_not_taken_yet_are_explained_kindly(page: TrendsPage) -> None:
    page.tabs.set_kind(ChartKind.MEASURES)
    assert page.stack.currentWidget() is page.message
    assert "Measures you take will appear here" in page.message.text()
    assert not page.save_button.isEnabled()


def test_measures_taken_are_charted(page_ctx, qtbot) -> None:
    store = page_ctx.tend.require_store()
    store.measures.save("who5", [3, 3, 3, 3, 3], TODAY - dt.timedelta(days=14))
    store.measures.save("who5", [4, 4, 4, 4, 4], TODAY)
    page = open_page(page_ctx, qtbot)
    page.tabs.set_kind(ChartKind.MEASURES)
    chart = page.current_chart()
    assert chart is not None and [p.name for p in chart.panels] == ["WHO-5, Wellbeing"]
    assert [page.choice.itemData(i) for i in range(page.choice.count())] == [None, "who5"]
    canvas = page.current_canvas()
    assert canvas is not None
    canvas.setFocus()
    qtbot.waitUntil(lambda: page.readout.text() != HINT)
    assert page.readout.text().startswith(f"WHO-5, Wellbeing on {long_day(TODAY)}: 80")


def test_save_chart(page: TrendsPage, page_ctx, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "my chart"
    asked: list[str] = []

    def choose(parent, suggested: str) -> str:
        asked.append(suggested)
        return str(target) + ".pdf"

    monkeypatch.setattr(trends_module, "choose_save_path", choose)
    notices: list[tuple[str, str]] = []
    page_ctx.notice_requested.connect(lambda level, text: notices.append((level, text)))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(notices))
    assert asked and asked[0].endswith(f"tend-trends-{TODAY.isoformat()}.png")
    assert (tmp_path / "my chart.pdf").read_bytes().startswith(b"%PDF-")
    assert notices == [("info", "Chart saved.")]


def test_saving_somewhere_impossible_says_so_calmly(page, page_ctx, qtbot, tmp_path, monkeypatch):
    missing = tmp_path / "no such folder" / "chart.png"
    monkeypatch.setattr(trends_module, "choose_save_path", lambda parent, s: str(missing))
    notices: list[tuple[str, str]] = []
    page_ctx.notice_requested.connect(lambda level, text: notices.append((level, text)))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(notices))
    assert notices[0][0] == "error" and "couldn't save the chart there" in notices[0][1]


def test_cancelling_the_save_dialog_saves_nothing(page, page_ctx, monkeypatch, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.setattr(trends_module, "choose_save_path", lambda parent, s: None)
    page.save_chart()
    assert page_ctx.tasks.idle() and list(folder.iterdir()) == []


def test_an_empty_store_is_met_with_kind_words(page_ctx, qtbot) -> None:
    page = open_page(page_ctx, qtbot)
    assert page.stack.currentWidget() is page.message
    assert "Your charts will grow here as you check in" in page.message.text()
    assert not page.save_button.isEnabled()
    assert page.current_canvas() is None


def test_a_new_check_in_redraws_the_charts(page_ctx, qtbot) -> None:
    page = open_page(page_ctx, qtbot)
    assert page.current_canvas() is None
    store = page_ctx.tend.require_store()
    page_ctx.write(lambda: store.checkins.save(CheckinDraft(TODAY, mood=5)))
    qtbot.waitUntil(lambda: page.current_canvas() is not None)
    assert page.data is not None and page.data.daily.checkin_count == 1


def test_the_page_module_leaves_matplotlib_for_later() -> None:
    code = (
        "import sys, ui.pages.trends\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'numpy')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_changes_while_hidden_wait_until_the_page_is_shown(page: TrendsPage, page_ctx, qtbot):
    before = page.data
    page.hide()
    store = page_ctx.tend.require_store()
    page_ctx.write(lambda: store.checkins.save(CheckinDraft(TODAY - dt.timedelta(days=4), mood=5)))
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.data is before  # nothing redrawn behind the person's back
    page.show()
    page.activate(None)
    qtbot.waitUntil(lambda: page.data is not before)
    assert page.data is not None and page.data.daily.checkin_count == before.daily.checkin_count + 1  # type: ignore[union-attr]


def test_a_dark_palette_gets_the_dark_theme(page: TrendsPage) -> None:
    page.setPalette(QPalette(QColor("#202124")))
    chart = page.current_chart()
    assert chart is not None and chart.theme.name == "dark"
    assert chart.theme.background == "#202124"


def test_locking_with_a_chart_on_screen_leaves_nothing_behind(main_window, ui_ctx, qtbot):
    from ui.pages.trends_canvas import ChartCanvas

    bugs: list[BaseException] = []
    ui_ctx.tasks.error_unhandled.connect(bugs.append)
    fill(ui_ctx)
    main_window.workspace.navigate("trends")
    page = main_window.workspace.pages["trends"]
    qtbot.waitUntil(lambda: page.current_canvas() is not None)
    qtbot.waitUntil(ui_ctx.tasks.idle)
    main_window.lock()
    qtbot.waitUntil(lambda: main_window.workspace is None and not main_window.is_locking())
    qtbot.waitUntil(lambda: not main_window.findChildren(ChartCanvas))
    assert not main_window.findChildren(TrendsPage)
    assert bugs == []
