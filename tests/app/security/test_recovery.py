"""Recovery codes: random, forgiving to type, strict about what they are."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.security.recovery import ALPHABET, GROUP_LEN, GROUPS, new_code, normalise

CODE_SHAPE = re.compile(
    rf"^[{ALPHABET}]{{{GROUP_LEN}}}(-[{ALPHABET}]{{{GROUP_LEN}}}){{{GROUPS - 1}}}$"
)
codes = st.text(alphabet=ALPHABET, min_size=GROUPS * GROUP_LEN, max_size=GROUPS * GROUP_LEN)


def test_new_codes_have_the_shape_and_differ():
    made = {new_code() for _ in range(50)}
    assert len(made) == 50
    assert all(CODE_SHAPE.match(c) for c in made)


def test_alphabet_avoids_look_alikes():
    for ch in "01OILUV":
        assert ch not in ALPHABET


@given(codes, st.data())
def test_normalise_forgives_case_spaces_and_dashes(chars, data):
    canonical = normalise(chars)
    assert canonical is not None and CODE_SHAPE.match(canonical)
    assert canonical.replace("-", "") == chars
    seps = st.sampled_from(["", " ", "-", "  ", "\t", "\n", " - "])
    typed = "".join(data.draw(st.sampled_from([ch, ch.lower()])) + data.draw(seps) for ch in chars)
    assert normalise(data.draw(seps) + typed) == canonical


@given(st.text(alphabet=ALPHABET, max_size=40).filter(lambda t: len(t) != GROUPS * GROUP_LEN))
def test_normalise_rejects_wrong_length(chars):
    assert normalise(chars) is None


@given(codes, st.integers(0, GROUPS * GROUP_LEN - 1), st.characters())
def test_normalise_rejects_characters_outside_the_alphabet(chars, where, bad):
    if bad.upper() in ALPHABET or bad in " -\t\n" or len(bad.upper()) != 1:
        return
    typed = chars[:where] + bad + chars[where + 1 :]
    assert normalise(typed) is None


@pytest.mark.parametrize("typed", ["", "    ", "----", "0000-0000-0000-0000-0000-0000"])
def test_normalise_rejects_obvious_non_codes(typed):
    assert normalise(typed) is None
