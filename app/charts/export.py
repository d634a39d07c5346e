"""Saving a chart as PNG, SVG or PDF, to a path the person chose.

Rendering and writing are separate so the GUI can render on its own thread
(matplotlib is not thread-safe) and write on a worker (the GUI thread never
touches the disk). The write is atomic: a temporary file beside the target,
renamed over it, so a failed save never leaves half a chart behind.
"""

from __future__ import annotations

import io
from pathlib import Path

from matplotlib.figure import Figure

from app.errors import UserFacingError, ValidationError
from app.fsutil import atomic_write_bytes

FORMATS = ("png", "svg", "pdf")
PNG_DPI = 150
# No dates or software versions in the files: a chart says only what it shows.
_METADATA: dict[str, dict[str, str | None]] = {
    "png": {"Software": "Tend"},
    "svg": {"Creator": "Tend", "Date": None},
    "pdf": {"Creator": "Tend", "Producer": "Tend", "CreationDate": None},
}


def format_of(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError("Charts can be saved as PNG, SVG or PDF.")
    return fmt


def render_figure(figure: Figure, fmt: str) -> bytes:
    """The figure as the bytes of a PNG, SVG or PDF file."""
    if fmt not in FORMATS:
        raise ValidationError("Charts can be saved as PNG, SVG or PDF.")
    out = io.BytesIO()
    figure.savefig(
        out,
        format=fmt,
        dpi=PNG_DPI,
        facecolor=figure.get_facecolor(),
        metadata=_METADATA[fmt],
    )
    return out.getvalue()


def write_export(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; a calm error if the place can't be written."""
    try:
        atomic_write_bytes(path, data)
    except OSError:
        raise UserFacingError(
            "Tend couldn't save the chart there. Try another folder, or check there's space."
        ) from None
    return path


def save_figure(figure: Figure, path: Path) -> Path:
    """Render and write in one go (format from the file's extension)."""
    return write_export(path, render_figure(figure, format_of(path)))
