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
    The hold is recognised by the hips sitting back over the back knee (that thigh near
    vertical) with the front leg reaching long; the cue then judges how straight it is.
Known problems
    The lizard phase between holds is not timed. The move between lizard and half split is
    slow and small, so the engine's stillness test barely notices it; the hold may then be
    timed up to about a second long.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View, tilt_from_vertical
from ..pose import Landmark as L, PoseFrame
from . import lower_body as body
from .base import BodyReference, Exercise, HoldSpec, Metrics

SIDE = View.SIDE
HIPS_BACK_TILT = 12.0   # deg: the back thigh reads 0-6 with the hips over the knee, ~40 in lizard

RULES = (
    FormRule(
        id="front_knee_bent", title="Front knee bent", cue="Straighten your front leg",
        metric="knee_bend_{side}", limit=30.0, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=1, persist_s=1.0,
        measures="the front knee's bend during the half split (3D), as held for a second (the "
                 "far leg's knee is often hidden and its few guessed frames jump)",
        why="a straight front leg reads 0-15 deg; past 30 deg the knee stays bent and the "
            "hamstring is not stretched"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_bend", lambda s: body.knee_flexion(frame, s))
    values |= body.per_side("knee_height", lambda s: body.knee_height(frame, s, ref.shank_px))
    values |= body.per_side("thigh_tilt", lambda s: thigh_tilt(frame, s))
    return values


def thigh_tilt(frame: PoseFrame, side: str) -> float:
    """Knee-to-hip line's tilt from vertical in the image, degrees (side view): about 0 for the
    kneeling thigh once the hips sit back over the back knee."""
    hip, knee = (L.LEFT_HIP, L.LEFT_KNEE) if side == "left" else (L.RIGHT_HIP, L.RIGHT_KNEE)
    if not frame.visible((hip, knee), body.VISIBLE):
        return math.nan
    return tilt_from_vertical(frame.xy[knee], frame.xy[hip])


def front_leg(m: Metrics) -> str:
    """The leg whose knee is off the floor (the other kneels)."""
    left, right = m.get("knee_height_left", math.nan), m.get("knee_height_right", math.nan)
    if not (math.isfinite(left) and math.isfinite(right)):
        return "both"
    return "left" if left > right else "right"


def in_position(m: Metrics) -> bool:
    """Hips back over the back knee (its thigh near vertical; in lizard it leans about 40 deg)
    and the front leg reaching long (a knee bent under 70 deg; the therapist's cue then judges
    whether it is straight enough). The back knee's height is not used: the low camera of a
    floor stretch puts the near foot lower in the picture than the far knee."""
    front = front_leg(m)
    if front == "both":
        return False
    back = body.other_side(front)
    return (m.get(f"thigh_tilt_{back}", math.nan) < HIPS_BACK_TILT
            and m.get(f"knee_bend_{front}", math.nan) < 70)


EXERCISE = Exercise(
    id="lizard_to_half_split",
    name="Lizard pose to half split",
    summary="3 holds on each leg; from lizard, shift back into a half split",
    rules=RULES,
    metrics=metrics,
    hold=HoldSpec(in_position=in_position, side=front_leg, min_hold_s=2.0),
    best_views=frozenset({SIDE}),
)
