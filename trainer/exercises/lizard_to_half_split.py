"""Lizard pose to half split: from lizard (front foot outside the hand, back knee down), shift
the hips back over the back knee and straighten the front leg into a half split; hold, then
return. Three holds per leg.

What it checks
    Each half-split hold per leg (the stretched side is the straight front leg), counted only
    while the position is held, and the therapist's cue: the front leg straightens.
Why it matters
    The half split stretches the front hamstring only with that knee straight; a bent knee
    keeps the stretch in the hip.
Camera view
    Side-on.
Known problems
    The lizard phase between holds is not timed.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from . import lower_body as body
from .base import BodyReference, Exercise, HoldSpec, Metrics

SIDE = View.SIDE

RULES = (
    FormRule(
        id="front_knee_bent", title="Front knee bent", cue="Straighten your front leg",
        metric="knee_bend_{side}", limit=30.0, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=1,
        measures="the front knee's bend during the half split (3D)",
        why="a straight front leg reads 0-15 deg; past 30 deg the knee stays bent and the "
            "hamstring is not stretched"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_bend", lambda s: body.knee_flexion(frame, s))
    values |= body.per_side("knee_height", lambda s: body.knee_height(frame, s, ref.shank_px))
    return values


def front_leg(m: Metrics) -> str:
    """The leg whose knee is off the floor (the other kneels)."""
    left, right = m.get("knee_height_left", math.nan), m.get("knee_height_right", math.nan)
    if not (math.isfinite(left) and math.isfinite(right)):
        return "both"
    return "left" if left > right else "right"


def in_position(m: Metrics) -> bool:
    """Back knee down, hips back, front leg reaching long (a knee bent under 70 deg; the
    therapist's cue then judges whether it is straight enough)."""
    front = front_leg(m)
    if front == "both":
        return False
    back = body.other_side(front)
    return m[f"knee_height_{back}"] < 0.35 and m.get(f"knee_bend_{front}", math.nan) < 70


EXERCISE = Exercise(
    id="lizard_to_half_split",
    name="Lizard pose to half split",
    summary="3 holds on each leg; from lizard, shift back into a half split",
    rules=RULES,
    metrics=metrics,
    hold=HoldSpec(in_position=in_position, side=front_leg, min_hold_s=2.0),
    best_views=frozenset({SIDE}),
)
