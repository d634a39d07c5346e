"""Colours: Okabe–Ito for lines, readable text in both themes."""

from __future__ import annotations

import pytest

from app.charts.palette import DARK, LIGHT, OKABE_ITO, is_dark, theme_for
from app.domain import SCALES


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    value = colour.lstrip("#")
    r, g, b = (channel(int(value[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_words_are_readable_on_both_themes(theme):
    for ground in (theme.background, theme.surface):
        assert contrast(theme.text, ground) >= 7
        assert contrast(theme.muted, ground) >= 4.5


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_signals_use_distinct_okabe_ito_colours(theme):
    colours = [theme.signal(name) for name in SCALES]
    assert len(set(colours)) == len(SCALES)
    allowed = {c.lower() for c in OKABE_ITO.values()} | {theme.text.lower()}
    assert {c.lower() for c in colours} <= allowed
    assert theme.signal("not a signal") == theme.text


def test_heat_colours_run_in_order_of_lightness():
    light = [luminance(c) for c in LIGHT.heat]
    dark = [luminance(c) for c in DARK.heat]
    assert light == sorted(light, reverse=True)  # 1 lightest on a light page
    assert dark == sorted(dark)  # 1 darkest on a dark page


def test_bands_by_rank_clamp_to_the_last():
    assert LIGHT.band(0) == LIGHT.bands[0]
    assert LIGHT.band(99) == LIGHT.bands[-1]
    assert LIGHT.band(-1) == LIGHT.bands[0]


def test_theme_for_the_page_background():
    assert theme_for(False) is LIGHT
    dark = theme_for(True, "#202020")
    assert dark.name == "dark" and dark.background == "#202020"
    assert is_dark("#202020") and not is_dark("#f5f6f2") and is_dark(DARK.background)
