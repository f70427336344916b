"""Registry of the routine's exercises: every module here that defines ``EXERCISE``.

Modules are found by name, so adding an exercise is adding one file.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..routine import ROUTINE_EXERCISE_IDS
from .base import Exercise

_HELPERS = {"base", "lower_body"}


def _discover() -> dict[str, Exercise]:
    found = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name in _HELPERS or module.name.startswith("_"):
            continue
        exercise = getattr(importlib.import_module(f"{__name__}.{module.name}"), "EXERCISE", None)
        if isinstance(exercise, Exercise):
            found[exercise.id] = exercise
    order = {name: i for i, name in enumerate(ROUTINE_EXERCISE_IDS)}
    return dict(sorted(found.items(), key=lambda item: order.get(item[0], len(order))))


EXERCISES: dict[str, Exercise] = _discover()


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id; an unknown id raises KeyError naming the valid ones."""
    try:
        return EXERCISES[exercise_id]
    except KeyError:
        valid = ", ".join(EXERCISES)
        raise KeyError(f"unknown exercise {exercise_id!r}; choose one of: {valid}") from None
