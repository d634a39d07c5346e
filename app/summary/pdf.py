"""Laying out a supervision summary as a PDF, with matplotlib only.

Text pages are A4 figures with text placed line by line (``Figure.text``);
charts come from app.charts, one per page, in the light theme. Fonts are
embedded as TrueType (``pdf.fonttype`` 42), so the words stay text a reader
can select, search and have read aloud. matplotlib is imported inside the
functions: importing this module costs nothing until a summary is made.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.charts.palette import LIGHT
from app.domain import Exposure
from app.errors import UserFacingError
from app.fsutil import atomic_write_bytes
from app.signals.signal import day_text, days_text, number_text, span_text
from app.summary.content import (
    CHARTS,
    CheckinFacts,
    MeasureFacts,
    SummaryContent,
    SummaryOptions,
    gather,
)

if TYPE_CHECKING:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from app.services.store import PrivateStore

A4 = (8.27, 11.69)  # inches
MARGIN = 0.85 * 72  # points
FOOTER = 0.55 * 72
CHAR_EM = 0.56  # a generous average character width, as a fraction of the font size
TITLE, LARGE, HEADING, BODY, SMALL = 22.0, 13.0, 13.0, 10.0, 8.5
ACCENT = "#2e6b66"  # the house teal (tend.qss)
TITLE_BAND = 24.0  # points added above a chart's panels for its name

SHARED_BY_CHOICE = (
    "This summary was made by the person it describes, from their own check-ins and "
    "questionnaires in Tend, and shared by their choice. Nothing in Tend is shared "
    "automatically. It is not a clinical assessment or a diagnosis."
)
EXPOSURE_WORDS = ((Exposure.A_LOT, "a lot"), (Exposure.SOME, "some"), (Exposure.NONE, "none"))


class TextPages:
    """Adds A4 pages of flowing text to a PdfPages, one line at a time."""

    def __init__(self, pdf: PdfPages) -> None:
        self.pdf = pdf
        self.page = 0
        self.figure: Figure | None = None
        self.y = 0.0  # points from the top of the current page

    @property
    def width(self) -> float:
        return A4[0] * 72 - 2 * MARGIN

    def _new_page(self) -> Figure:
        from matplotlib.figure import Figure

        self.finish()
        self.page += 1
        self.figure = Figure(figsize=A4, facecolor="#ffffff")
        self.y = MARGIN
        self.figure.text(
            MARGIN / (A4[0] * 72),
            FOOTER / (A4[1] * 72),
            f"Supervision summary, made with Tend. Page {self.page}",
            fontsize=SMALL,
            color=LIGHT.muted,
        )
        return self.figure

    def finish(self) -> None:
        if self.figure is not None:
            self.pdf.savefig(self.figure)  # type: ignore[no-untyped-call]
            self.figure = None

    def line(
        self,
        text: str,
        size: float = BODY,
        *,
        bold: bool = False,
        muted: bool = False,
        colour: str | None = None,
        indent: float = 0.0,
    ) -> None:
        height = size * 1.45
        if self.figure is None or self.y + height > A4[1] * 72 - MARGIN - FOOTER:
            self._new_page()
        assert self.figure is not None
        self.figure.text(
            (MARGIN + indent) / (A4[0] * 72),
            1 - self.y / (A4[1] * 72),
            text,
            fontsize=size,
            fontweight="bold" if bold else "normal",
            color=colour or (LIGHT.muted if muted else LIGHT.text),
            va="top",
        )
        self.y += height

    def paragraph(
        self,
        text: str,
        size: float = BODY,
        *,
        indent: float = 0.0,
        bold: bool = False,
        muted: bool = False,
    ) -> None:
        """``text`` wrapped to the page width; its own line breaks are kept."""
        em = size * CHAR_EM * (1.1 if bold else 1.0)
        width = max(20, int((self.width - indent) / em))
        for part in text.splitlines() or [""]:
            for line in textwrap.wrap(part, width) or [""]:
                self.line(line, size, indent=indent, bold=bold, muted=muted)

    def gap(self, points: float = 8.0) -> None:
        self.y += points

    def heading(self, text: str) -> None:
        if self.figure is not None and self.y + HEADING * 5 > A4[1] * 72 - MARGIN - FOOTER:
            self._new_page()  # keep a heading with the first lines under it
        self.gap(10)
        self.line(text, HEADING, bold=True, colour=ACCENT)
        self.gap(2)


def _checkins(pages: TextPages, facts: CheckinFacts) -> None:
    pages.heading("Check-ins")
    if facts.checkins == 0:
        pages.paragraph("No check-ins in this range.")
        return
    pages.paragraph(
        f"{facts.checkins} check-ins on the {days_text(facts.days)} of this range. "
        "Each answer is from 1 to 5; every question is optional."
    )
    pages.gap(4)
    for avg in facts.averages:
        way = "higher is better" if avg.higher_is_better else "lower is better"
        if avg.mean is None:
            pages.paragraph(f"{avg.label}: no answers in this range.", indent=12)
        else:
            answers = "answer" if avg.answers == 1 else "answers"
            pages.paragraph(
                f"{avg.label}: {number_text(avg.mean)} on average ({avg.answers} {answers}; {way})",
                indent=12,
            )
    counts = ", ".join(f"{words} on {days_text(facts.exposure[e])}" for e, words in EXPOSURE_WORDS)
    pages.gap(4)
    pages.paragraph(f"Distressing material: {counts}.", indent=12)
    pages.paragraph(f"Days off: {facts.days_off}. Days of leave: {facts.leave}.", indent=12)


def _signals(pages: TextPages, content: SummaryContent) -> None:
    pages.heading("What Tend noticed")
    if not content.signals:
        pages.paragraph("Nothing stands out right now.")
        return
    pages.paragraph(
        "Gentle early warnings from the person's own data, as Tend showed them on "
        f"{day_text(content.made_on)}. They are patterns, not diagnoses.",
        muted=True,
    )
    for signal in content.signals:
        pages.gap(6)
        pages.paragraph(signal.title, bold=True)
        pages.paragraph(signal.body)
        pages.paragraph(f"Based on: {signal.based_on}", SMALL + 0.5, muted=True)


def _measures(pages: TextPages, measures: tuple[MeasureFacts, ...]) -> None:
    pages.heading("Questionnaires")
    if not measures:
        pages.paragraph("No questionnaires were taken in this range.")
        return
    pages.paragraph(
        "The latest result of each questionnaire taken in this range. Scores come from the "
        "person's own answers and are not a diagnosis.",
        muted=True,
    )
    for m in measures:
        pages.gap(6)
        times = "once" if m.times == 1 else f"{m.times} times"
        pages.paragraph(m.name, bold=True)
        pages.paragraph(f"Taken {times} in this range; the latest on {day_text(m.latest)}.")
        for label, score, band in m.scores:
            pages.paragraph(f"{label}: {score}" + (f" ({band})" if band else ""), indent=12)
        if m.attribution:
            pages.paragraph(m.attribution, SMALL, muted=True)


def _front(pages: TextPages, content: SummaryContent) -> None:
    options = content.options
    pages.line("Supervision summary", TITLE, bold=True)
    pages.gap(4)
    pages.line(span_text(options.start, options.end), LARGE)
    pages.line(f"Made on {day_text(content.made_on)}", BODY, muted=True)
    pages.gap(8)
    pages.paragraph(SHARED_BY_CHOICE)


def _charts(pdf: PdfPages, content: SummaryContent) -> None:
    from matplotlib.figure import Figure

    from app.charts.base import PointMargins
    from app.charts.figures import EXPORT_SIZE, build_chart, chart_data
    from app.charts.kinds import SPAN_DAYS, ChartKind, Span
    from app.charts.measures import MeasureHistory

    days = (content.options.end - content.options.start).days + 1
    span = next((s for s, n in SPAN_DAYS.items() if n is not None and days <= n), Span.ALL)
    histories = tuple(MeasureHistory(d, r) for d, r in content.chart_measures)
    data = chart_data(list(content.chart_checkins), content.options.end, histories)
    theme = LIGHT.on("#ffffff")  # paper
    for key in content.charts:
        chart = build_chart(ChartKind(key), data, theme, span, Figure(figsize=EXPORT_SIZE))
        engine = chart.figure.get_layout_engine()
        if isinstance(engine, PointMargins):  # room above the panels for the chart's name
            engine.margins = replace(engine.margins, top=engine.margins.top + TITLE_BAND)
        chart.figure.text(0.012, 0.985, CHARTS[key], va="top", fontsize=LARGE, color=ACCENT)
        pdf.savefig(chart.figure)  # type: ignore[no-untyped-call]


def render(content: SummaryContent) -> bytes:
    """The summary as the bytes of a PDF file."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    out = io.BytesIO()
    metadata = {"Title": "Supervision summary", "Creator": "Tend", "Producer": "Tend"}
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(out, metadata=metadata) as pdf:
        pages = TextPages(pdf)
        _front(pages, content)
        if content.checkins is not None:
            _checkins(pages, content.checkins)
        if content.options.signal_keys:
            _signals(pages, content)
        if content.measures is not None:
            _measures(pages, content.measures)
        if content.options.notes:
            pages.heading("Notes")
            pages.paragraph(content.options.notes)
        pages.finish()
        if content.charts:
            _charts(pdf, content)
    return out.getvalue()


def write(content: SummaryContent, path: Path) -> Path:
    """Render and write atomically to ``path``; a calm error if it can't be written."""
    data = render(content)
    try:
        atomic_write_bytes(path, data)
    except OSError:
        raise UserFacingError(
            "Tend couldn't save the summary there. Try another folder, or check there's space."
        ) from None
    return path


def make_summary(store: PrivateStore, options: SummaryOptions, path: Path, today: dt.date) -> Path:
    """Gather, lay out and write one summary. Slow (matplotlib): run it on a worker thread."""
    from app.data.export import refuse_own_folder

    refuse_own_folder(store.paths, path)  # plaintext belongs where the person put it, not in Tend's
    return write(gather(store, options, today), path)
