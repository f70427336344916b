"""Registry of the routine's exercises, one module each."""

from __future__ import annotations

from .base import Exercise
from .goblet_squat import EXERCISE as GOBLET_SQUAT

EXERCISES: dict[str, Exercise] = {e.id: e for e in (GOBLET_SQUAT,)}


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id; an unknown id raises KeyError naming the valid ones."""
    try:
        return EXERCISES[exercise_id]
    except KeyError:
        valid = ", ".join(sorted(EXERCISES))
        raise KeyError(f"unknown exercise {exercise_id!r}; choose one of: {valid}") from None
