"""Tend's two colour sets, light and dark, as plain data (no Qt: cheap at start-up).

The stylesheet (``resources/styles/tend.qss``) and the few widget-local style
sheets are templates: ``$text``, ``$window`` and so on are filled in from one of
these sets (``ui.style.render``), and the QPalette is built from the same set, so
widgets the stylesheet doesn't reach agree with the ones it does. The charts
get their words, axes and grid from here too (``ui.pages.trends``).

``TEXT_ON`` names every pairing of a text colour with a background it is drawn
on; tests/ui/test_theme.py holds each pairing to WCAG AA in both sets and checks
that every ``color:`` in the templates is one of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

BODY = 4.5  # WCAG AA for body text
LARGE = 3.0  # WCAG AA for large or bold headings; also disabled text and focus rings (ours)


@dataclass(frozen=True)
class Colours:
    name: str  # "light" | "dark"
    # Grounds
    window: str  # pages, dialogs
    surface: str  # inputs, buttons, cards (raised a little from the page)
    alt: str  # a question row's soft card (QPalette.AlternateBase)
    sunken: str  # the status bar, disabled inputs and buttons
    nav: str  # the navigation list
    nav_hover: str
    hover: str  # a button under the pointer
    pressed: str
    # Words
    text: str
    muted: str  # secondary words, hints, placeholders
    status_text: str  # the status line
    disabled: str  # words on a control that can't be used now
    link: str
    accent_text: str  # calm headings in the house teal (pauses, reminders)
    advice: str
    ok: str
    error: str
    # Lines
    border: str  # around inputs and buttons
    border_soft: str  # around cards and panels, separators
    border_disabled: str
    focus: str  # the focus ring: 2px, on everything that takes the keyboard
    grid: str  # chart grid lines and axes
    # Accents (each with its own words)
    accent: str  # chosen answers, primary buttons, selection, the current page
    accent_hover: str
    accent_border: str
    on_accent: str
    accent_off: str  # a primary button that can't be used now ...
    on_accent_off: str  # ... and its words
    help: str  # "Get help now"
    help_hover: str
    help_border: str
    on_help: str
    danger: str  # the emergency line
    on_danger: str
    badge: str  # "due" badges
    on_badge: str
    info: str  # the banner
    info_border: str
    problem: str  # the banner when something went wrong
    problem_border: str
    notice: str  # a reminder notice
    notice_border: str
    meter_weak: str  # the passphrase strength meter (a line; its words are beside it)
    meter_good: str
    breath_ring: str  # the guided pause's circle
    breath_fill: str

    def tokens(self) -> dict[str, str]:
        """Name -> ``#rrggbb``, for the templates' ``$name``."""
        values = asdict(self)
        del values["name"]
        return values


LIGHT = Colours(
    name="light",
    window="#f5f6f2",
    surface="#ffffff",
    alt="#edefe8",
    sunken="#e4e7df",
    nav="#e6eae1",
    nav_hover="#d8ddd2",
    hover="#eef1ea",
    pressed="#dfe4da",
    text="#1d2b2f",
    muted="#47565a",
    status_text="#33434a",
    disabled="#5f6b68",
    link="#1a4f8f",
    accent_text="#24564f",
    advice="#7a3d12",
    ok="#1f5e33",
    error="#8f1d1d",
    border="#7f8a7c",
    border_soft="#c9cec3",
    border_disabled="#c2c8bd",
    focus="#15306a",
    grid="#d5dad0",
    accent="#2e6b66",
    accent_hover="#275d58",
    accent_border="#24564f",
    on_accent="#ffffff",
    accent_off="#c9d6d3",
    on_accent_off="#4a5b58",
    help="#9c3d1f",
    help_hover="#873419",
    help_border="#7f3019",
    on_help="#ffffff",
    danger="#8f1d1d",
    on_danger="#ffffff",
    badge="#e3efec",
    on_badge="#1d4d48",
    info="#e3eff4",
    info_border="#8db3c4",
    problem="#fbeaea",
    problem_border="#c98383",
    notice="#eef5ef",
    notice_border="#8fb79a",
    meter_weak="#e5b45c",
    meter_good="#8fc79b",
    breath_ring="#e1ece8",
    breath_fill="#7fb2a8",
)

DARK = Colours(
    name="dark",
    window="#1f2528",  # app.charts.palette.DARK.background
    surface="#263035",  # app.charts.palette.DARK.surface
    alt="#252d31",
    sunken="#191e21",
    nav="#182023",
    nav_hover="#28333a",
    hover="#2e3a40",
    pressed="#36444b",
    text="#e8ecea",
    muted="#b5c0bd",
    status_text="#c9d2cf",
    disabled="#8c9895",
    link="#8fbcf5",
    accent_text="#8fd0c6",
    advice="#f2b47e",
    ok="#8ed3a0",
    error="#ff9e9e",
    border="#7d8a86",
    border_soft="#3d494e",
    border_disabled="#343e42",
    focus="#8cc4ff",
    grid="#4a575c",
    accent="#2e6b66",
    accent_hover="#357a74",
    accent_border="#5fa39a",
    on_accent="#ffffff",
    accent_off="#283a38",
    on_accent_off="#93a6a2",
    help="#9c3d1f",
    help_hover="#ad4523",
    help_border="#c45a33",
    on_help="#ffffff",
    danger="#8f1d1d",
    on_danger="#ffffff",
    badge="#23443f",
    on_badge="#cdeae4",
    info="#1c3340",
    info_border="#41708a",
    problem="#3f2323",
    problem_border="#8e4d4d",
    notice="#1e3329",
    notice_border="#3f6e55",
    meter_weak="#d9a441",
    meter_good="#6fbf85",
    breath_ring="#2a3a38",
    breath_fill="#4f8a80",
)

THEMES = {"light": LIGHT, "dark": DARK}

# Where plain words may sit: the page, a card or input, a question row.
GROUNDS = ("window", "surface", "alt")

# (words, ground, least contrast): every text colour on every background it is drawn on.
TEXT_ON: tuple[tuple[str, str, float], ...] = (
    *((words, ground, BODY) for words in ("text", "muted", "link") for ground in GROUNDS),
    *((words, ground, BODY) for words in ("advice", "ok", "error") for ground in GROUNDS),
    ("accent_text", "window", BODY),
    ("accent_text", "surface", BODY),
    ("accent_text", "alt", BODY),
    ("accent_text", "notice", BODY),
    ("text", "notice", BODY),
    ("text", "nav", BODY),
    ("text", "nav_hover", BODY),
    ("text", "hover", BODY),
    ("text", "pressed", BODY),
    ("text", "info", BODY),
    ("text", "problem", BODY),
    ("text", "sunken", BODY),
    ("muted", "sunken", BODY),
    ("status_text", "sunken", BODY),
    ("on_accent", "accent", BODY),
    ("on_accent", "accent_hover", BODY),
    ("on_help", "help", BODY),
    ("on_help", "help_hover", BODY),
    ("on_danger", "danger", BODY),
    ("on_badge", "badge", BODY),
    # Disabled words: still readable, and visibly not the enabled ones (tests check both).
    ("disabled", "sunken", LARGE),
    ("disabled", "window", LARGE),
    ("disabled", "surface", LARGE),
    ("disabled", "alt", LARGE),
    ("on_accent_off", "accent_off", LARGE),
)

# The focus ring against everything it is drawn next to.
FOCUS_ON = ("window", "surface", "nav", "alt")
