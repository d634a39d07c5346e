"""Colours for charts and the supervision summary: Okabe–Ito, in a light and a dark theme.

The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008) keeps its
eight colours apart for the common kinds of colour blindness. Colour is never
the only cue: every chart also names its lines, labels its bands in words and
draws averages with different weights.

Plain data (hex strings), no matplotlib: the PDF summary can use it as well.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
_O = OKABE_ITO


@dataclass(frozen=True)
class Theme:
    name: str  # "light" | "dark"
    background: str  # the figure (matches the page behind it)
    surface: str  # inside the axes
    text: str
    muted: str  # axis labels, ticks, secondary words
    grid: str
    missing: str  # hatching on days with no answer
    signals: dict[str, str]  # daily scale name (app.domain.SCALES) -> line colour
    exposure: str  # distressing material
    day_off: str
    leave: str
    bands: tuple[tuple[str, float], ...]  # (colour, alpha) by band rank, 0 = least concern
    heat: tuple[str, ...]  # calendar cells for answers 1..5

    def signal(self, name: str) -> str:
        return self.signals.get(name, self.text)

    def band(self, rank: int) -> tuple[str, float]:
        return self.bands[max(0, min(rank, len(self.bands) - 1))]

    def on(self, background: str) -> Theme:
        """The same theme on another background (the page's own window colour)."""
        return replace(self, background=background)


LIGHT = Theme(
    name="light",
    background="#f5f6f2",  # tend.qss window colour
    surface="#ffffff",
    text="#1d2b2f",
    muted="#47565a",
    grid="#dde1d9",
    missing="#b9c0b5",
    signals={
        "mood": _O["blue"],
        "energy": _O["orange"],
        "sleep": _O["reddish_purple"],
        "stress": _O["vermillion"],
        "workload": _O["bluish_green"],
        "connection": "#1d2b2f",  # Okabe–Ito black, softened to the text colour
    },
    exposure=_O["reddish_purple"],
    day_off=_O["sky_blue"],
    leave=_O["bluish_green"],
    bands=(
        (_O["bluish_green"], 0.10),
        (_O["yellow"], 0.22),
        (_O["orange"], 0.20),
        (_O["vermillion"], 0.18),
    ),
    # One hue, light to dark, so order reads without colour vision: ColorBrewer Blues,
    # spaced so that each level is clearly darker than the one before (see test_palette).
    heat=("#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b"),
)

DARK = Theme(
    name="dark",
    background="#1f2528",
    surface="#263035",
    text="#e8ecea",
    muted="#b5c0bd",
    grid="#3b474c",
    missing="#56636a",
    signals={
        "mood": _O["sky_blue"],
        "energy": _O["orange"],
        "sleep": _O["reddish_purple"],
        "stress": _O["vermillion"],
        "workload": _O["bluish_green"],
        "connection": _O["yellow"],
    },
    exposure=_O["reddish_purple"],
    day_off=_O["sky_blue"],
    leave=_O["bluish_green"],
    bands=(
        (_O["bluish_green"], 0.16),
        (_O["yellow"], 0.16),
        (_O["orange"], 0.20),
        (_O["vermillion"], 0.24),
    ),
    # Dark to light: on a dark page "more" reads as brighter.
    heat=("#16406a", "#24609a", "#3f88c5", "#7fb6e0", "#c6e2f7"),
)


def theme_for(dark: bool, background: str | None = None) -> Theme:
    theme = DARK if dark else LIGHT
    return theme if background is None else theme.on(background)


def is_dark(colour: str) -> bool:
    """True for a dark ``#rrggbb`` colour (relative luminance below the midpoint)."""
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5
