"""Guided pauses, without Qt: the breathing pace and the grounding steps, in our own words.

The UI (ui/pauses/) shows these; keeping the pacing here means it is one
plain, tested description whichever way it is shown (a moving circle, or words
and a countdown for people who prefer things still or use a screen reader).
"""

from __future__ import annotations

from dataclasses import dataclass

BREATHING = "breathing"
GROUNDING = "grounding"
KINDS = (BREATHING, GROUNDING)


@dataclass(frozen=True)
class Phase:
    name: str  # "in" | "hold" | "out"
    seconds: int
    words: str  # shown large
    spoken: str  # for screen readers, once per phase


@dataclass(frozen=True)
class BreathPattern:
    breathe_in: int = 4
    hold: int = 0
    breathe_out: int = 6

    def phases(self) -> tuple[Phase, ...]:
        """One breath, in order. A longer out-breath than in-breath is what calms."""
        phases = [
            Phase(
                "in",
                self.breathe_in,
                "Breathe in",
                f"Breathe in gently, for a count of {self.breathe_in}.",
            )
        ]
        if self.hold:
            phases.append(
                Phase("hold", self.hold, "Hold", f"Rest at the top for a count of {self.hold}.")
            )
        phases.append(
            Phase(
                "out",
                self.breathe_out,
                "Breathe out",
                f"Breathe out slowly, for a count of {self.breathe_out}.",
            )
        )
        return tuple(phases)

    @property
    def seconds(self) -> int:
        return self.breathe_in + self.hold + self.breathe_out


CALM = BreathPattern()


class BreathPacer:
    """Where we are in the breathing, one count (a second) at a time.

    ``tick()`` moves on one count and says whether a new phase began, so the
    UI announces phase changes once and just updates the countdown otherwise.
    """

    def __init__(self, pattern: BreathPattern = CALM) -> None:
        self.pattern = pattern
        self._phases = pattern.phases()
        self.index = 0
        self.remaining = self._phases[0].seconds
        self.breaths = 0  # finished breaths; for tests and pacing, never shown as a score

    @property
    def phase(self) -> Phase:
        return self._phases[self.index]

    def tick(self) -> bool:
        self.remaining -= 1
        if self.remaining > 0:
            return False
        self.index = (self.index + 1) % len(self._phases)
        if self.index == 0:
            self.breaths += 1
        self.remaining = self.phase.seconds
        return True

    def reset(self) -> None:
        self.index = 0
        self.remaining = self._phases[0].seconds
        self.breaths = 0


BREATHING_INTRO = (
    "Breathe along with the circle: in as it grows, out as it settles. "
    "A slow out-breath tells your body it can ease off. Stop whenever you like."
)


def still_intro(pattern: BreathPattern = CALM) -> str:
    """The introduction without the circle: the words and the count lead instead."""
    return (
        "Breathe along with the words and the count: in for "
        f"{pattern.breathe_in}, out for {pattern.breathe_out}. "
        "A slow out-breath tells your body it can ease off. Stop whenever you like."
    )


@dataclass(frozen=True)
class GroundingStep:
    count: int
    sense: str
    prompt: str
    hint: str


GROUNDING_INTRO = (
    "When your mind is still with someone else's story, your senses can bring you back "
    "to here and now. Take each step at your own pace; there are no wrong answers."
)
GROUNDING_STEPS: tuple[GroundingStep, ...] = (
    GroundingStep(
        5,
        "see",
        "Notice five things you can see.",
        "Let your eyes wander: a colour, a shadow, something small you hadn't noticed.",
    ),
    GroundingStep(
        4,
        "feel",
        "Notice four things you can feel.",
        "Your feet on the floor, the chair holding you, the air on your skin.",
    ),
    GroundingStep(
        3,
        "hear",
        "Notice three things you can hear.",
        "Near or far: a hum, a voice down the hall, your own breathing.",
    ),
    GroundingStep(
        2,
        "smell",
        "Notice two things you can smell.",
        "Tea, soap, fresh air. If nothing comes, think of two smells you like.",
    ),
    GroundingStep(
        1,
        "taste",
        "Notice one thing you can taste.",
        "Perhaps a sip of water, or simply the taste in your mouth right now.",
    ),
)
GROUNDING_CLOSING = "You're here, in this moment. Take one more slow breath before you carry on."
