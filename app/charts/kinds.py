"""The chart kinds and ranges, as plain enums: no numpy or matplotlib.

The Trends page imports this when it is built (right after unlock), long before
it needs to draw anything; everything heavy waits until a chart is shown.
"""

from __future__ import annotations

from enum import StrEnum


class Span(StrEnum):
    """How much of the past a chart shows, ending today."""

    WEEKS_4 = "4w"
    MONTHS_3 = "3m"
    YEAR = "1y"
    ALL = "all"


SPAN_DAYS: dict[Span, int | None] = {
    Span.WEEKS_4: 28,
    Span.MONTHS_3: 91,
    Span.YEAR: 365,
    Span.ALL: None,
}


class ChartKind(StrEnum):
    TRENDS = "trends"
    MEASURES = "measures"
    CALENDAR = "calendar"
    EXPOSURE = "exposure"
    REST = "rest"
