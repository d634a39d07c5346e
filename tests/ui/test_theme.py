"""Dark and light: WCAG contrast of every text colour in both colour sets, a palette
that agrees with the stylesheet, focus rings that stand out, following the system's
colour scheme, and pages that really render light words on a dark page."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QListWidget, QPushButton, QVBoxLayout, QWidget

import resources
import ui
from tests.helpers.colour import contrast, luminance
from ui import style
from ui.themes import BODY, DARK, FOCUS_ON, GROUNDS, LARGE, LIGHT, TEXT_ON, THEMES, Colours

pytestmark = pytest.mark.gui

BOTH = pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])


# -- WCAG 2.x contrast ratio ---------------------------------------------------------------
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
