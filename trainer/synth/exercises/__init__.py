"""Registry of the exercises the generator can perform, one module each.

Each module declares a ``motion.Script`` (keyframe controls, tempo, sets, fault overrides)
and a ``build_pose(dims, controls, side)`` that turns controls into a ``body.Pose``;
``SynthExercise`` adds the prop held. ``side`` ("both", "left" or "right", from the set
plan) tells a one-sided builder which leg works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import importlib
import pkgutil

from ..body import Dimensions, Pose
from ..motion import Controls, Script


@dataclass(frozen=True)
class SynthExercise:
    """One exercise: its motion script, pose builder and props (see ``render.FigureRenderer``)."""

    name: str
    script: Script
    build_pose: Callable[[Dimensions, Controls, str], Pose]
    prop: object = None   # a name in props.PROPS, a prop function, a tuple of them, or None

    @property
    def faults(self) -> tuple[str, ...]:
        return tuple(self.script.faults)


def _discover() -> dict[str, SynthExercise]:
    """Every module here with a ``SCRIPT`` and ``build_pose`` is an exercise named after it;
    its optional ``PROP`` is the prop (or tuple of props) drawn with the body. Pose-builder
    helpers have neither."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "SCRIPT") and hasattr(module, "build_pose"):
            found[info.name] = SynthExercise(info.name, module.SCRIPT, module.build_pose,
                                             getattr(module, "PROP", None))
    return found


EXERCISES: dict[str, SynthExercise] = _discover()


def get_exercise(name: str) -> SynthExercise:
    """The exercise called ``name``; an unknown name raises ValueError listing the valid ones."""
    if name not in EXERCISES:
        valid = ", ".join(sorted(EXERCISES))
        raise ValueError(f"unknown exercise {name!r}; choose one of: {valid}")
    return EXERCISES[name]
