"""The stylesheet, the palette and icons, read as package data, in a light or a dark theme.

``resources/styles/tend.qss`` is a template: ``$text``, ``$window`` … come from
one of the colour sets in ``ui.themes``, and the QPalette is built from the same
set, so widgets the stylesheet leaves alone (group boxes, menus, calendars,
scroll areas) agree with the ones it styles. ``apply`` sets both, before the
first paint and again whenever the choice ("system", "light", "dark") or the
desktop's own colour scheme changes. A widget with its own style sheet passes
its template to ``themed`` so it follows along.
"""

from __future__ import annotations

from functools import cache
from string import Template
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

import resources
from ui.themes import DARK, LIGHT, Colours

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter, QPixmap

APPEARANCES = ("system", "light", "dark")  # the "appearance" setting's values
_TEMPLATE_PROPERTY = "tendStyleTemplate"  # a widget's own style sheet, before colours
# Images for the controls' small parts (resources/icons/controls), one set per theme:
# arrows in the words' colour, a check mark and a dot in the chosen answer's.
_CONTROL_IMAGES = ("up", "down", "check", "dot")


class _State:
    appearance = "system"
    colours: Colours = LIGHT
    platform_dark: bool | None = None  # the desktop's palette, seen before ours replaced it
    system_dark: bool | None = None  # Qt's colour scheme, once asked (after the first paint)
    watching = False


_state = _State()


def colours() -> Colours:
    """The colour set in use now (light until ``apply`` says otherwise)."""
    return _state.colours


def tokens(colours: Colours) -> dict[str, str]:
    """What a template's ``$name`` may be: the colours, and the control images to match
    (``$arrow_up``, ``$arrow_down``, ``$check``, ``$dot``; ``…_off`` when disabled)."""
    return dict(_tokens(colours))


@cache
def _tokens(colours: Colours) -> dict[str, str]:
    values = colours.tokens()
    for part in _CONTROL_IMAGES:
        token = f"arrow_{part}" if part in ("up", "down") else part
        for state, suffix in (("", ""), ("_off", "-disabled")):
            path = resources.path(f"icons/controls/{part}-{colours.name}{suffix}.svg")
            values[token + state] = path.as_posix()
    return values


def render(template: str, colours: Colours | None = None) -> str:
    """``template`` with its ``$name`` colours filled in (unknown names raise KeyError)."""
    return Template(template).substitute(_tokens(colours or _state.colours))


def stylesheet(colours: Colours | None = None) -> str:
    return render(resources.read_text("styles/tend.qss"), colours)


def palette(colours: Colours) -> QPalette:
    """A QPalette in ``colours``, so unstyled widgets agree with the stylesheet."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    c = colours
    result = QPalette()
    for which, value in (
        (role.Window, c.window),
        (role.WindowText, c.text),
        (role.Base, c.surface),
        (role.AlternateBase, c.alt),
        (role.Text, c.text),
        (role.Button, c.surface),
        (role.ButtonText, c.text),
        (role.BrightText, c.on_accent),
        (role.Highlight, c.accent),
        (role.HighlightedText, c.on_accent),
        (role.Accent, c.accent),
        (role.ToolTipBase, c.surface),
        (role.ToolTipText, c.text),
        (role.PlaceholderText, c.muted),
        (role.Link, c.link),
        (role.LinkVisited, c.link),
        (role.Light, c.hover),
        (role.Midlight, c.hover),
        (role.Mid, c.border_soft),
        (role.Dark, c.border),
        (role.Shadow, c.sunken),
    ):
        result.setColor(which, QColor(value))
    for which, value in (
        (role.WindowText, c.disabled),
        (role.Text, c.disabled),
        (role.ButtonText, c.disabled),
        (role.PlaceholderText, c.disabled),
        (role.Base, c.sunken),
        (role.Button, c.sunken),
        (role.Highlight, c.accent_off),
        (role.HighlightedText, c.on_accent_off),
    ):
        result.setColor(group.Disabled, which, QColor(value))
    return result


def apply(app: QApplication, appearance: str = "system") -> None:
    """Tend's look on ``app`` in ``appearance`` ("system", "light" or "dark"): palette,
    stylesheet and every widget's own style sheet. Cheap enough for before the first
    paint. With "system" it follows the desktop's colour scheme as it changes."""
    _state.appearance = appearance if appearance in APPEARANCES else "system"
    if _state.platform_dark is None:  # the desktop's own palette, before ours replaces it
        _state.platform_dark = _is_dark(app.palette().color(QPalette.ColorRole.Window))
    if not _state.watching:
        _state.watching = True
        app.styleHints().colorSchemeChanged.connect(_on_scheme_changed)
    _use(app, _chosen())


def follow_system(app: QApplication) -> None:
    """After the first paint: ask Qt for the desktop's colour scheme itself.

    ``QStyleHints.colorScheme`` builds PySide6's ``Qt`` namespace (~15 ms), so the
    first paint goes by the desktop's palette instead; this corrects it in the rare
    case they disagree. A fixed choice is also passed on to Qt (6.8+), so native
    dialogs and window frames match.
    """
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    if _state.appearance == "system":
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        _note_scheme(hints.colorScheme())
    elif hasattr(hints, "setColorScheme"):
        wanted = Qt.ColorScheme.Dark if _state.appearance == "dark" else Qt.ColorScheme.Light
        hints.setColorScheme(wanted)
    _use(app, _chosen())


def _on_scheme_changed(scheme: Any) -> None:
    if _state.appearance != "system":
        return  # a fixed choice (and Qt echoing it back): "system" asks afresh when chosen
    _note_scheme(scheme)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        _use(app, _chosen())


def _note_scheme(scheme: Any) -> None:
    name = getattr(scheme, "name", "Unknown")
    _state.system_dark = None if name == "Unknown" else name == "Dark"


def _chosen() -> Colours:
    if _state.appearance == "light":
        return LIGHT
    if _state.appearance == "dark":
        return DARK
    dark = _state.system_dark if _state.system_dark is not None else _state.platform_dark
    return DARK if dark else LIGHT


def _is_dark(colour: QColor) -> bool:
    return colour.lightness() < 128


def _use(app: QApplication, chosen: Colours) -> None:
    sheet, colours_now = stylesheet(chosen), palette(chosen)
    if chosen is _state.colours and app.styleSheet() == sheet and app.palette() == colours_now:
        return  # nothing changed: no re-polish of every widget
    _state.colours = chosen
    app.setPalette(colours_now)
    app.setStyleSheet(sheet)
    for widget in app.allWidgets():
        template = widget.property(_TEMPLATE_PROPERTY)
        if isinstance(template, str):
            widget.setStyleSheet(render(template, chosen))


def themed(widget: QWidget, template: str) -> None:
    """Give ``widget`` its own style sheet from ``template`` (``$name`` colours from
    ``ui.themes``), kept in step with the theme."""
    widget.setProperty(_TEMPLATE_PROPERTY, template)
    widget.setStyleSheet(render(template))


# The colour the line icons are drawn in (resources/icons/*.svg): swapped for the theme's.
ICON_INK = LIGHT.text


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons (loaded on first use: not needed for the first paint).

    Line icons drawn in ``ICON_INK`` take the theme's colours as they are painted:
    words' colour, white on the current page, the disabled colour when disabled."""
    path = resources.path(f"icons/{name}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_bytes()
    if ICON_INK.encode() not in svg:
        return QIcon(str(path))  # its own colours (the Tend mark)
    return QIcon(_themed_icon_engine()(svg))


@cache
def _themed_icon_engine() -> type:
    """The engine class, built on first use (QtSvg is not needed for the first paint)."""
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QIconEngine, QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    class ThemedIconEngine(QIconEngine):
        def __init__(self, svg: bytes) -> None:
            super().__init__()
            self._svg = svg
            self._renderers: dict[str, QSvgRenderer] = {}

        def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
            c = _state.colours
            ink = (
                c.disabled
                if mode == QIcon.Mode.Disabled
                else c.on_accent
                if mode == QIcon.Mode.Selected
                else c.text
            )
            if ink not in self._renderers:
                data = self._svg.replace(ICON_INK.encode(), ink.encode())
                self._renderers[ink] = QSvgRenderer(QByteArray(data))
            return self._renderers[ink]

        def paint(self, painter: QPainter, rect: Any, mode: QIcon.Mode, state: Any) -> None:
            self._renderer(mode).render(painter, QRectF(rect))

        def pixmap(self, size: QSize, mode: QIcon.Mode, state: Any) -> QPixmap:
            return self.scaledPixmap(size, mode, state, 1.0)

        def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: Any, scale: float) -> QPixmap:
            pixmap = QPixmap(size * scale)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            self._renderer(mode).render(painter)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            return pixmap

        def clone(self) -> QIconEngine:
            return ThemedIconEngine(self._svg)

    return ThemedIconEngine


def mark(widget: object, role: str) -> None:
    """Give a widget a style role the stylesheet can select on (``[role="..."]``)."""
    widget.setProperty("role", role)  # type: ignore[attr-defined]


def label(text: str, role: str = "", parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label, optionally with a style role."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    if role:
        mark(widget, role)
    return widget


def button(text: str, name: str, role: str = "") -> QPushButton:
    """A push button with an accessible name (``text`` may carry an &mnemonic)."""
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    if role:
        mark(widget, role)
    return widget


def centred_scroll(
    content: QWidget,
    max_width: int,
    *,
    margins: tuple[int, int, int, int] = (0, 0, 0, 0),
    sideways: bool = True,
) -> QScrollArea:
    """``content``, at most ``max_width`` wide and centred, in a frameless scroll area that
    lets the page's own background show. ``sideways=False`` never scrolls sideways."""
    from PySide6.QtCore import Qt  # not at import: ui.style is on the first-paint path

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    # Not a Tab stop of its own (a nameless blank to a screen reader): Tab goes to the
    # controls inside, and the area scrolls each one into view as it takes the focus.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if not sideways:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content.setMaximumWidth(max_width)
    holder = QWidget()
    centred = QHBoxLayout(holder)
    centred.setContentsMargins(*margins)
    centred.addWidget(content)
    scroll.setWidget(holder)
    # After setWidget, which turns it on: the page's own background shows through.
    holder.setAutoFillBackground(False)
    scroll.viewport().setAutoFillBackground(False)
    return scroll
