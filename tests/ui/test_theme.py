"""Dark and light: WCAG contrast of every text colour in both colour sets, a palette
that agrees with the stylesheet, focus rings that stand out, following the system's
colour scheme, and pages that really render light words on a dark page."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

import resources
import ui
from ui import style
from ui.themes import BODY, DARK, FOCUS_ON, GROUNDS, LARGE, LIGHT, TEXT_ON, THEMES, Colours

pytestmark = pytest.mark.gui

BOTH = pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])


# -- WCAG 2.x relative luminance and contrast ratio --------------------------------------
def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    value = colour.lstrip("#")
    r, g, b = (channel(int(value[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#abcdef", "#abcdef") == pytest.approx(1.0)


# -- the colour sets ---------------------------------------------------------------------
@BOTH
def test_every_text_colour_meets_wcag_aa_on_each_ground_it_sits_on(colours: Colours):
    c = colours.tokens()
    failures = [
        f"{words} on {ground}: {contrast(c[words], c[ground]):.2f} < {least}"
        for words, ground, least in TEXT_ON
        if contrast(c[words], c[ground]) < least
    ]
    assert failures == []
    # Body words everywhere they can sit, not only the large headings' 3:1.
    for words in ("text", "muted", "link", "advice", "ok", "error", "accent_text"):
        assert all(contrast(c[words], c[g]) >= BODY for g in GROUNDS), words


@BOTH
def test_disabled_words_are_readable_and_clearly_not_the_enabled_ones(colours: Colours):
    c = colours
    for ground in (c.sunken, c.window, c.surface, c.alt):
        assert contrast(c.disabled, ground) >= LARGE
    assert contrast(c.on_accent_off, c.accent_off) >= LARGE
    # Visibly different from what can be used: words, grounds, borders, primary buttons.
    assert contrast(c.text, c.disabled) >= 1.8
    assert contrast(c.surface, c.sunken) >= 1.15
    assert c.border_disabled != c.border
    assert contrast(c.accent, c.accent_off) >= 1.5
    assert contrast(c.on_accent, c.on_accent_off) >= 1.8


def test_both_sets_name_the_same_colours_and_differ_where_it_counts():
    assert LIGHT.tokens().keys() == DARK.tokens().keys()
    assert luminance(LIGHT.window) > 0.8 > 0.05 > luminance(DARK.window)
    assert luminance(LIGHT.text) < 0.05 and luminance(DARK.text) > 0.7
    for colours in THEMES.values():
        assert all(re.fullmatch(r"#[0-9a-f]{6}", v) for v in colours.tokens().values())


# -- the templates -----------------------------------------------------------------------
def _local_templates() -> dict[str, str]:
    """Every widget-local style sheet template in ui/ (module-level strings with $names)."""
    found = {}
    for module_info in pkgutil.walk_packages(ui.__path__, "ui."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, str) and "{" in value and re.search(r"\$[a-z_]+", value):
                found[f"{module_info.name}.{name}"] = value
    return found


def _templates() -> dict[str, str]:
    return {"tend.qss": resources.read_text("styles/tend.qss"), **_local_templates()}


def _rules(sheet: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(selectors, {property: value}) for each rule of a style sheet."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        declarations = {}
        for part in body.split(";"):
            if ":" in part:
                key, value = part.split(":", 1)
                declarations[key.strip()] = value.strip()
        yield " ".join(selectors.split()), declarations


def _names(value: str) -> list[str]:
    return re.findall(r"\$([a-z_]+)", value)


def test_the_templates_are_found_and_hold_no_fixed_colours():
    templates = _templates()
    # The stylesheet and the pages' own (check-in answers, cards, pauses, notices …).
    assert len(templates) >= 10
    for name, template in templates.items():
        assert not re.findall(r"#[0-9a-fA-F]{3,8}\b", re.sub(r"/\*.*?\*/", "", template)), name


@BOTH
def test_every_template_renders_in_both_colour_sets(colours: Colours):
    for name, template in _templates().items():
        rendered = re.sub(r"/\*.*?\*/", "", style.render(template, colours), flags=re.S)
        assert "$" not in rendered, name
    sheet = style.stylesheet(colours)
    assert colours.text in sheet and colours.window in sheet and colours.focus in sheet
    for path in re.findall(r'url\("([^"]+)"\)', sheet):
        assert Path(path).is_file(), path
        assert f"-{colours.name}" in Path(path).name  # this theme's images


def test_every_text_colour_in_the_templates_is_a_checked_pairing():
    """Each ``color`` sits on its rule's own ``background`` (a pairing in TEXT_ON), or,
    with none, on any ordinary ground; each background that words sit on is one too."""
    pairs = {(words, ground) for words, ground, _least in TEXT_ON}
    grounds_for_words = {ground for _words, ground in pairs}
    problems = []
    for name, template in _templates().items():
        for selectors, declarations in _rules(template):
            words = _names(declarations.get("color", ""))
            grounds = _names(
                declarations.get("background", "") + declarations.get("background-color", "")
            )
            problems += [
                f"{name}: {selectors}: {fg} on {bg}"
                for fg in words
                for bg in grounds or GROUNDS
                if (fg, bg) not in pairs
            ]
            if "::" in selectors.replace("::item", ""):
                continue  # arrows, buttons, indicators and bars carry no words
            problems += [
                f"{name}: {selectors}: background {bg} is no ground for words"
                for bg in grounds
                if bg not in grounds_for_words
            ]
            selection = _names(declarations.get("selection-color", ""))
            behind = _names(declarations.get("selection-background-color", ""))
            problems += [
                f"{name}: {selectors}: selected {fg} on {bg}"
                for fg in selection
                for bg in behind
                if (fg, bg) not in pairs
            ]
    assert problems == []


def test_the_control_images_are_drawn_in_their_themes_colours():
    folder = resources.path("icons/controls")
    for colours in THEMES.values():
        for part, ink, off in (
            ("up", colours.text, colours.disabled),
            ("down", colours.text, colours.disabled),
            ("check", colours.on_accent, colours.on_accent_off),
            ("dot", colours.on_accent, colours.on_accent_off),
        ):
            assert ink in (folder / f"{part}-{colours.name}.svg").read_text()
            assert off in (folder / f"{part}-{colours.name}-disabled.svg").read_text()


# -- focus rings ---------------------------------------------------------------------------
def _declarations_for(sheet: str, selector: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for selectors, declarations in _rules(sheet):
        if selector in [s.strip() for s in selectors.split(",")]:
            merged.update(declarations)
    return merged


@BOTH
@pytest.mark.parametrize(
    "selector",
    ['QPushButton[role="primary"]:focus', "QListWidget#nav:focus", "QPushButton:focus"],
)
def test_focus_rings_are_a_distinct_2px_line_that_stands_out(colours: Colours, selector: str):
    ring = _declarations_for(style.stylesheet(colours), selector)
    assert ring.get("border") == f"2px solid {colours.focus}", selector
    for ground in FOCUS_ON:
        assert contrast(colours.focus, getattr(colours, ground)) >= LARGE, ground
    assert contrast(colours.focus, colours.accent) >= 2.0  # around a primary button's fill
    assert contrast(colours.focus, colours.border) >= 1.5  # not the usual border


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def _pixel(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name()


@pytest.fixture
def appearance(qapp, monkeypatch) -> Iterator[Callable[[str], None]]:
    """``appearance("dark")`` styles the whole test application; undone afterwards."""
    sheet, colours = qapp.styleSheet(), QPalette(qapp.palette())
    monkeypatch.setattr(style, "_state", style._State())
    yield lambda name: style.apply(qapp, name)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(colours)


@BOTH
def test_a_focused_primary_button_and_the_navigation_show_the_ring(
    colours: Colours, appearance, qtbot
):
    appearance(colours.name)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    other = QPushButton("Other")
    primary = style.button("Save check-in", "Save check-in", "primary")
    nav = QListWidget()
    nav.setObjectName("nav")
    nav.addItems(["Check in", "Journal"])
    for widget in (other, primary, nav):
        layout.addWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    for widget in (primary, nav):
        unfocused = _grab(widget)
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        focused = _grab(widget)
        middle = widget.height() // 2
        ring = [_pixel(focused, x, middle) for x in (0, 1)]
        assert ring == [colours.focus, colours.focus], widget
        assert _pixel(unfocused, 1, middle) != colours.focus


# -- the palette -----------------------------------------------------------------------------
@BOTH
def test_the_palette_agrees_with_the_colour_set(colours: Colours):
    palette = style.palette(colours)
    role, group = QPalette.ColorRole, QPalette.ColorGroup

    def name(which: QPalette.ColorRole, in_group=group.Active) -> str:
        return palette.color(in_group, which).name()

    assert name(role.Window) == colours.window and name(role.Base) == colours.surface
    for words, ground in (
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
        (role.PlaceholderText, role.Base),
        (role.Link, role.Base),
        (role.Link, role.Window),
    ):
        assert contrast(name(words), name(ground)) >= BODY, (words, ground)
    for words, ground in (
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.ButtonText, role.Button),
    ):
        off = name(words, group.Disabled)
        assert contrast(off, name(ground, group.Disabled)) >= LARGE
        assert off != name(words) and contrast(off, name(words)) >= 1.8


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


def test_the_settings_page_in_dark_mode_has_light_words_on_a_dark_page(appearance, ui_ctx, qtbot):
    from ui.pages.settings import SettingsPage

    appearance("dark")
    page = SettingsPage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(ui_ctx.tasks.idle)
    image = _grab(page)
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
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(page_ctx.tasks.idle)
    image = _grab(page)
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
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"appearance": "dark"}))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
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
