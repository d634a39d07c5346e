"""Colours: Okabe–Ito for lines, readable text in both themes."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from app.charts.palette import DARK, LIGHT, OKABE_ITO, is_dark, theme_for
from app.domain import SCALES
from tests.helpers.colour import contrast, luminance


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


# Machado, Oliveira & Fernandes (2009): full-strength protanopia, deuteranopia and
# tritanopia as 3x3 matrices on linear RGB.
VISION = {
    "typical": np.eye(3),
    "protan": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deutan": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritan": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
HEAT_STEP = 1.5  # the least contrast ratio between two neighbouring levels
HEAT_ON_PAGE = 1.25  # the faintest level against the page behind the squares


def seen_luminance(colour: str, vision: str) -> float:
    value = colour.lstrip("#")
    srgb = np.array([int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    seen = np.clip(VISION[vision] @ linear, 0.0, 1.0)
    return float(np.dot([0.2126, 0.7152, 0.0722], seen))


def ratio(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


@pytest.mark.parametrize("vision", sorted(VISION))
@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_heat_levels_step_clearly_in_lightness_for_every_kind_of_colour_vision(theme, vision):
    levels = [seen_luminance(c, vision) for c in theme.heat]
    assert len(levels) == 5
    # Monotonic: 1 nearest the page (lightest on light, darkest on dark), 5 furthest.
    assert levels == sorted(levels, reverse=theme.name == "light")
    steps = [ratio(a, b) for a, b in itertools.pairwise(levels)]
    assert min(steps) >= HEAT_STEP, steps
    page = seen_luminance(theme.background, vision)
    assert ratio(levels[0], page) >= HEAT_ON_PAGE  # a 1 is a square, not a blank


def test_bands_by_rank_clamp_to_the_last():
    assert LIGHT.band(0) == LIGHT.bands[0]
    assert LIGHT.band(99) == LIGHT.bands[-1]
    assert LIGHT.band(-1) == LIGHT.bands[0]


def test_theme_for_the_page_background():
    assert theme_for(False) is LIGHT
    dark = theme_for(True, "#202020")
    assert dark.name == "dark" and dark.background == "#202020"
    assert is_dark("#202020") and not is_dark("#f5f6f2") and is_dark(DARK.background)
