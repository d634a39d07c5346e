"""Passphrase strength, in our own words."""

from __future__ import annotations

from dataclasses import dataclass

from zxcvbn import zxcvbn

MIN_LENGTH = 10
MIN_SCORE = 2  # zxcvbn 0..4; 0 and 1 are refused
_CHECK_LIMIT = 72  # zxcvbn refuses longer input (ValueError); the first 72 chars decide

_WORDS = {
    0: "Very easy to guess. Please choose something longer and less common.",
    1: "Still easy to guess. A few unrelated words together work well.",
    2: "Okay. Adding another word would make it stronger.",
    3: "Strong.",
    4: "Very strong.",
}


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    acceptable: bool
    message: str


def assess(passphrase: str, user_inputs: tuple[str, ...] = ("tend",)) -> Strength:
    if not passphrase:
        return Strength(0, False, "Choose a passphrase only you know.")
    score = int(zxcvbn(passphrase[:_CHECK_LIMIT], user_inputs=list(user_inputs))["score"])
    if len(passphrase) < MIN_LENGTH:
        return Strength(min(score, 1), False, f"Please use at least {MIN_LENGTH} characters.")
    return Strength(score, score >= MIN_SCORE, _WORDS[score])
