"""Passphrase strength: weak refused in kind words, strong accepted."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.security.strength import MIN_LENGTH, assess


@pytest.mark.parametrize(
    "weak", ["", "tend", "password", "password1", "1234567890", "qwertyuiop", "tendtendtend"]
)
def test_weak_passphrases_are_refused(weak):
    verdict = assess(weak)
    assert not verdict.acceptable
    assert verdict.score <= 1
    assert verdict.message
    if weak:
        assert weak not in verdict.message


@pytest.mark.parametrize(
    "strong", ["quiet harbour lantern 42", "violet kettle under 7 bridges", "Xq9!mTz#4vLp@2"]
)
def test_strong_passphrases_are_accepted(strong):
    verdict = assess(strong)
    assert verdict.acceptable
    assert verdict.score >= 2


def test_short_is_refused_whatever_its_score():
    verdict = assess("Xq9!mT#4v")
    assert len("Xq9!mT#4v") < MIN_LENGTH
    assert not verdict.acceptable
    assert str(MIN_LENGTH) in verdict.message


def test_very_long_input_is_quick_and_accepted():
    verdict = assess("river stone " * 5000)
    assert verdict.acceptable


def test_vault_refuses_a_weak_passphrase_without_writing_anything(tend):
    with pytest.raises(ValidationError):
        tend.vault.create("password1")
    assert not tend.vault.exists()
