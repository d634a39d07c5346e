"""Supplied wording: files and pastes split into items and counted, never echoed."""

from __future__ import annotations

import json

import pytest

from app.errors import ValidationError
from app.measures.wording import check_items, parse_items

ITEMS = [f"Placeholder item {i}" for i in range(1, 6)]


def test_plain_lines():
    assert parse_items("\n".join(ITEMS)) == ITEMS


def test_blank_lines_bom_and_crlf_are_ignored():
    text = "\ufeff\r\n" + "\r\n\r\n".join(ITEMS) + "\r\n\r\n"
    assert parse_items(text) == ITEMS


@pytest.mark.parametrize("style", ["{n}. ", "{n}) ", " {n} . ", "({n}) ", "{n}.\t"])
def test_leading_numbers_are_removed(style):
    text = "\n".join(style.format(n=i) + item for i, item in enumerate(ITEMS, start=1))
    assert parse_items(text) == ITEMS


def test_numbers_inside_an_item_stay():
    assert parse_items("1.5 hours felt long\nIn 2 weeks\n3.Without space") == [
        "1.5 hours felt long",
        "In 2 weeks",
        "3.Without space",
    ]


def test_json_list():
    assert parse_items(json.dumps(ITEMS)) == ITEMS
    assert parse_items(json.dumps(["  a ", "", "b"])) == ["a", "b"]


@pytest.mark.parametrize("text", ["[1, 2, 3]", '["a", {"b": 1}]', "[not json", '[{"a": 1}]'])
def test_bad_json_is_refused(text):
    with pytest.raises(ValidationError):
        parse_items(text)


def test_huge_text_is_refused():
    with pytest.raises(ValidationError):
        parse_items("x" * 300_000)


def test_count_is_checked_with_a_clear_message():
    assert check_items(ITEMS, 5) == tuple(ITEMS)
    with pytest.raises(ValidationError, match="has 5 items, and the wording given has 4"):
        check_items(ITEMS[:4], 5)
    with pytest.raises(ValidationError, match="has 5 items, and the wording given has 6"):
        check_items([*ITEMS, "extra"], 5)
    with pytest.raises(ValidationError, match="empty"):
        check_items([*ITEMS[:4], " "], 5)
    with pytest.raises(ValidationError):
        check_items("abcde", 5)
    with pytest.raises(ValidationError, match="1000"):
        check_items([*ITEMS[:4], "x" * 1001], 5)


def test_read_file(tmp_path):
    from app.measures.wording import MAX_TEXT_CHARS, read_file

    good = tmp_path / "items.txt"
    good.write_bytes(b"\xef\xbb\xbf" + "\n".join(ITEMS).encode("utf-8"))
    assert parse_items(read_file(good)) == ITEMS
    binary = tmp_path / "form.pdf"
    binary.write_bytes(b"%PDF\xff\xfe\x00")
    with pytest.raises(ValidationError, match="plain text"):
        read_file(binary)
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"a\x00b")
    with pytest.raises(ValidationError, match="plain text"):
        read_file(nul)
    with pytest.raises(ValidationError, match="couldn't open"):
        read_file(tmp_path / "missing.txt")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x" * (4 * MAX_TEXT_CHARS + 1))
    with pytest.raises(ValidationError, match="much larger"):
        read_file(huge)
