"""Saving charts: PNG, SVG and PDF, written atomically; loading chart data from the store."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from pypdf import PdfReader

from app.charts.export import format_of, save_figure, write_export
from app.charts.figures import build_chart, export_bytes, load_chart_data
from app.charts.kinds import ChartKind
from app.charts.palette import LIGHT
from app.charts.series import Span
from app.domain import CheckinDraft, DayKind, Exposure
from app.errors import UserFacingError, ValidationError
from tests.app.charts.conftest import TODAY

HEADERS = {"png": b"\x89PNG\r\n\x1a\n", "svg": b"<?xml", "pdf": b"%PDF-"}


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_save_writes_a_real_file_and_nothing_else(tmp_path, data, fmt):
    chart = build_chart(ChartKind.TRENDS, data, LIGHT, Span.MONTHS_3)
    target = tmp_path / f"chart.{fmt.upper() if fmt == 'pdf' else fmt}"
    save_figure(chart.figure, target)
    content = target.read_bytes()
    assert content.startswith(HEADERS[fmt])
    assert os.listdir(tmp_path) == [target.name]  # the temporary file is gone
    if fmt == "svg":
        assert b"<svg" in content and b"Mood" in content
    if fmt == "pdf":
        reader = PdfReader(io.BytesIO(content))
        assert "Mood" in reader.pages[0].extract_text()
        assert reader.metadata is not None and reader.metadata.get("/Creator") == "Tend"


@pytest.mark.parametrize("kind", list(ChartKind))
def test_every_kind_exports_in_the_light_theme(tmp_path, data, kind):
    content = export_bytes(kind, data, Span.YEAR, tmp_path / "x.png")
    assert content.startswith(HEADERS["png"])


def test_only_the_three_formats(tmp_path, data):
    with pytest.raises(ValidationError, match="PNG, SVG or PDF"):
        format_of(tmp_path / "chart.jpg")
    with pytest.raises(ValidationError):
        export_bytes(ChartKind.TRENDS, data, Span.YEAR, tmp_path / "chart")


def test_a_place_that_cannot_be_written_is_a_calm_error(tmp_path):
    with pytest.raises(UserFacingError, match="couldn't save the chart there"):
        write_export(tmp_path / "missing" / "chart.png", b"x")


def test_an_existing_file_is_replaced_whole(tmp_path):
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    write_export(target, b"new")
    assert target.read_bytes() == b"new"


def test_load_chart_data_from_the_store(unlocked):
    store = unlocked.require_store()
    today = unlocked.clock.now().date()
    store.checkins.save(
        CheckinDraft(day=today - dt.timedelta(days=3), mood=2, exposure=Exposure.A_LOT)
    )
    store.checkins.save(CheckinDraft(day=today, mood=4, day_kind=DayKind.DAY_OFF))
    store.measures.save("who5", [3, 3, 3, 3, 3], today - dt.timedelta(days=1))
    data = load_chart_data(store, today)
    assert data.today == today == TODAY
    assert (data.daily.first, data.daily.last) == (today - dt.timedelta(days=3), today)
    assert list(data.daily.scales["mood"][[0, 3]]) == [2, 4]
    assert data.daily.exposure[0] == 2
    assert [h.definition.id for h in data.measures] == ["who5"]
    assert data.measures[0].results[0].scores == {"wellbeing": 60.0}
    assert data.has(ChartKind.TRENDS) and data.has(ChartKind.MEASURES)


def test_an_empty_store_has_nothing_to_chart(unlocked):
    data = load_chart_data(unlocked.require_store(), TODAY)
    assert data.daily.size == 1 and not data.has_checkins and not data.has_measures
    assert not any(data.has(kind) for kind in ChartKind)
