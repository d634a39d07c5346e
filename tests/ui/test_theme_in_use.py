"""Dark and light in use: following the system's colour scheme and the setting, widgets
with style sheets of their own, pages really rendered in dark mode, charts, and the
theme being there for the first paint of a real start."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from tests.helpers.child import run_offscreen
from tests.helpers.colour import contrast, luminance
from ui import style
from ui.themes import BODY, DARK, LIGHT, Colours

pytestmark = pytest.mark.gui

BOTH = pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def _pixel(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name()


# -- following the system, and the setting -----------------------------------------------
def test_the_setting_picks_light_or_dark_whatever_the_desktop(appearance, qapp):
    appearance("dark")
    assert style.colours() is DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert DARK.text in qapp.styleSheet() and LIGHT.text not in qapp.styleSheet()
    appearance("light")
    assert style.colours() is LIGHT
    assert qapp.palette().color(QPalette.ColorRole.WindowText).name() == LIGHT.text
    appearance("nonsense")  # an unknown value from a hand-edited file: same as system
    assert style.colours() in (LIGHT, DARK)


def test_same_as_system_follows_the_desktops_colour_scheme_as_it_changes(appearance, qapp):
    hints = qapp.styleHints()
    appearance("system")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert style.colours() is DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert style.colours() is LIGHT
    appearance("dark")  # a fixed choice stays put
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert style.colours() is DARK


def test_same_as_system_starts_from_the_desktops_palette_before_asking_qt(
    appearance, qapp, monkeypatch
):
    # A dark desktop gives a dark palette before Tend sets its own: the first paint is dark.
    qapp.setPalette(QPalette(QColor("#202124")))
    appearance("system")
    assert style.colours() is DARK
    # After the first paint Qt itself is asked; "Unknown" keeps what the palette said.
    style.follow_system(qapp)
    known = {Qt.ColorScheme.Light: LIGHT, Qt.ColorScheme.Dark: DARK}
    assert style.colours() is known.get(qapp.styleHints().colorScheme(), DARK)


def test_widgets_with_their_own_style_sheet_follow_the_theme(appearance, qtbot):
    from ui.pages.checkin_widgets import ChoiceRow

    appearance("light")
    row = ChoiceRow("How's your mood?", [(1, "1", "one"), (2, "2", "two")])
    qtbot.addWidget(row)
    assert LIGHT.surface in row.styleSheet() and LIGHT.border in row.styleSheet()
    appearance("dark")
    assert DARK.surface in row.styleSheet() and LIGHT.border not in row.styleSheet()


def test_line_icons_take_the_themes_colours(appearance, qtbot):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = style.icon("lock")
    for colours in (LIGHT, DARK):
        appearance(colours.name)
        for mode, ink in (
            (QIcon.Mode.Normal, colours.text),
            (QIcon.Mode.Selected, colours.on_accent),
            (QIcon.Mode.Disabled, colours.disabled),
        ):
            image = icon.pixmap(QSize(48, 48), mode).toImage()
            inks = Counter(
                image.pixelColor(x, y).name()
                for x in range(48)
                for y in range(48)
                if image.pixelColor(x, y).alpha() == 255
            )
            assert inks.most_common(1)[0][0] == ink, (colours.name, mode)


# -- pages, really rendered in dark mode --------------------------------------------------
def _words_and_ground(image: QImage, widget: QWidget, page: QWidget) -> tuple[str, str]:
    """(the colour of the words, the colour behind them) in ``widget``'s part of ``image``."""
    origin = widget.mapTo(page, QPoint(0, 0))
    pixels = [
        _pixel(image, origin.x() + x, origin.y() + y)
        for x in range(widget.width())
        for y in range(widget.height())
    ]
    assert pixels, widget
    ground = Counter(pixels).most_common(1)[0][0]
    words = max(set(pixels), key=lambda colour: contrast(colour, ground))
    return words, ground


def _readable_labels(page: QWidget) -> list[QLabel]:
    """Labels with words, wholly on screen (not scrolled out of sight)."""
    return [
        label
        for label in page.findChildren(QLabel)
        if label.isVisible()
        and label.text().strip()
        and label.width() > 20
        and label.visibleRegion().boundingRect() == label.rect()
    ]


def _shown(page: QWidget, ctx, qtbot) -> QImage:
    """``page`` shown at 1024x640 once its reads are in; what is on screen."""
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(ctx.tasks.idle)
    return _grab(page)


def test_the_settings_page_in_dark_mode_has_light_words_on_a_dark_page(appearance, ui_ctx, qtbot):
    from ui.pages.settings import SettingsPage

    appearance("dark")
    page = SettingsPage(ui_ctx)
    image = _shown(page, ui_ctx, qtbot)
    labels = _readable_labels(page)
    assert len(labels) >= 5
    for label in labels:
        # What the stylesheet and the palette give the label ...
        words = label.palette().color(label.foregroundRole()).name()
        behind = page.palette().color(QPalette.ColorRole.Window).name()
        assert behind == DARK.window
        assert contrast(words, behind) >= BODY, label.text()
        # ... and what is really on screen.
        seen_words, seen_ground = _words_and_ground(image, label, page)
        assert luminance(seen_ground) < 0.05, label.text()  # no light patches behind
        assert contrast(seen_words, seen_ground) >= BODY, label.text()


def test_the_check_in_questions_in_dark_mode_are_light_on_dark(appearance, page_ctx, qtbot):
    from ui.pages.checkin import CheckinPage

    appearance("dark")
    page = CheckinPage(page_ctx)
    image = _shown(page, page_ctx, qtbot)
    questions = [label for label in _readable_labels(page) if label.text().endswith("?")]
    assert len(questions) >= 6
    for label in questions:
        seen_words, seen_ground = _words_and_ground(image, label, page)
        assert luminance(seen_ground) < 0.05, label.text()
        assert contrast(seen_words, seen_ground) >= BODY, label.text()


# -- charts ----------------------------------------------------------------------------------
@BOTH
def test_charts_take_words_axes_and_grid_from_the_same_colour_set(colours: Colours):
    from ui.pages.trends import chart_theme

    theme = chart_theme(colours.window)
    assert theme.name == colours.name
    assert (theme.background, theme.surface) == (colours.window, colours.surface)
    assert (theme.text, theme.muted, theme.grid) == (colours.text, colours.muted, colours.grid)
    for ground in (theme.background, theme.surface):
        assert contrast(theme.text, ground) >= BODY
        assert contrast(theme.muted, ground) >= BODY


# -- the real start ----------------------------------------------------------------------------
FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
import ui.launch as launch

seen = []
watch = launch.FirstPaintWatcher.eventFilter

def at_first_paint(self, watched, event):
    if not seen and event.type() == QEvent.Type.Paint:
        app = QApplication.instance()
        seen.append(app.palette().color(QPalette.ColorRole.Window).name())
        seen.append("#e8ecea" in app.styleSheet())
    return watch(self, watched, event)

launch.FirstPaintWatcher.eventFilter = at_first_paint
code = launch.run_gui(sys.argv[1], smoke=True)
print("at-first-paint:", *seen)
sys.exit(code)
"""


def test_a_saved_appearance_is_there_for_the_first_paint(tmp_path):
    import json

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"appearance": "dark"}))
    out = run_offscreen(FIRST_PAINT, data)
    assert out.returncode == 0, out.stderr[-2000:]
    assert DARK.text == "#e8ecea"  # the script looks for it
    assert f"at-first-paint: {DARK.window} True" in out.stdout.splitlines()


def test_choosing_light_or_dark_in_settings_switches_at_once(appearance, ui_ctx, qtbot, qapp):
    from ui.pages.settings import SettingsPage

    appearance("light")
    page = SettingsPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(ui_ctx.tasks.idle)
    combo = page.preferences.editors["appearance"]
    assert combo.currentData() == "system"
    assert [combo.itemText(i) for i in range(combo.count())] == ["Light", "Dark", "Same as system"]
    combo.setCurrentIndex(combo.findData("dark"))
    qtbot.waitUntil(lambda: style.colours() is DARK)
    assert ui_ctx.tend.settings.get("appearance") == "dark"
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    combo.setCurrentIndex(combo.findData("light"))
    qtbot.waitUntil(lambda: style.colours() is LIGHT)
    assert LIGHT.text in qapp.styleSheet()
