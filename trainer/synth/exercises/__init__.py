"""Registry of the exercises the generator can perform, one module each.

Each module declares a ``motion.Script`` (keyframe controls, tempo, sets, fault overrides)
and a ``build_pose(dims, controls, side)`` that turns controls into a ``body.Pose``;
``SynthExercise`` adds the prop held. ``side`` ("both", "left" or "right", from the set
plan) tells a one-sided builder which leg works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..body import Dimensions, Pose
from ..motion import Controls, Script
from . import goblet_squat


@dataclass(frozen=True)
class SynthExercise:
    """One exercise: its motion script, pose builder and prop ("kettlebell" or None)."""

    name: str
    script: Script
    build_pose: Callable[[Dimensions, Controls, str], Pose]
    prop: str | None = None

    @property
    def faults(self) -> tuple[str, ...]:
        return tuple(self.script.faults)


EXERCISES: dict[str, SynthExercise] = {e.name: e for e in (
    SynthExercise("goblet_squat", goblet_squat.SCRIPT, goblet_squat.build_pose, "kettlebell"),
)}


def get_exercise(name: str) -> SynthExercise:
    """The exercise called ``name``; an unknown name raises ValueError listing the valid ones."""
    if name not in EXERCISES:
        valid = ", ".join(sorted(EXERCISES))
        raise ValueError(f"unknown exercise {name!r}; choose one of: {valid}")
    return EXERCISES[name]
