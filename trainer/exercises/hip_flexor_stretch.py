"""Half-kneeling hip flexor stretch: back knee on the floor, front foot forward, both knees at
about 90 degrees, pelvis tucked under, a slight lean forward; hold 30 seconds.

What it checks
    The hold time per leg (the stretched side is the kneeling leg, whose hip flexor lengthens),
    counted only while the position is held, and the therapist's cues: front knee over the
    ankle, pelvis tucked rather than the lower back arched.
Why it matters
    Running shortens the hip flexors; the stretch only reaches them with the pelvis tucked, and
    an arched back or a knee far past the foot takes the stretch elsewhere.
Camera view
    Side-on.
    The hold is recognised by the front shin leaning forward over its foot (the hips push
    forward into the stretch and carry that knee along); kneeling upright between holds keeps
    it near vertical.
Known problems
    The pelvis tuck itself is not visible to the model; an arched back shows as the trunk
    leaning back behind the hips. The move into and out of the stretch is slow and small, and
    the engine's stillness test barely notices it: a hold may be timed 1-2.5 s long. With the
    kneeling knee nearest the camera the model's leg points jump, so gaps of up to 1.2 s in a
    hold are bridged.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from . import lower_body as body
from .base import BodyReference, Exercise, HoldSpec, Metrics

SIDE = View.SIDE
FRONT_SHIN_FORWARD = 10.0  # deg: the front shin reads 2-5 kneeling upright, 11-16 in the stretch
FRONT_SHIN_MAX = 65.0      # deg: past this the front knee is no longer bent over a planted foot

RULES = (
    FormRule(
        id="front_knee_past_toes", title="Front knee far past the foot", cue="Front knee over your ankle",
        metric="front_knee_ahead_{side}", limit=0.4, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=1, unit="foot",
        measures="how far the front knee sits in front of its toes, in foot lengths",
        why="with the front knee at about 90 deg it sits over the ankle (below 0); 0.4 of a foot "
            "past the toes means the front shin has tipped far forward"),
    FormRule(
        id="arched_back", title="Lower back arched", cue="Tuck your pelvis under, ribs down",
        metric="trunk_back_lean_{side}", limit=10.0, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=0,
        measures="how far the trunk leans back behind the hips (side view)",
        why="with the pelvis tucked the trunk stays upright or leans slightly forward; leaning "
            "back more than 10 deg is done by arching the lower back"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_height", lambda s: body.knee_height(frame, s, ref.shank_px))
    # Stored under the kneeling (stretched) side, read from the front leg where needed.
    values |= {f"front_knee_ahead_{s}": body.knee_ahead_of_toes(frame, body.other_side(s)) for s in ("left", "right")}
    values |= {f"trunk_back_lean_{s}": body.trunk_back_lean(frame, body.other_side(s)) for s in ("left", "right")}
    values |= {f"front_shin_{s}": body.shin_lean(frame, body.other_side(s)) for s in ("left", "right")}
    return values


def kneeling_side(m: Metrics) -> str:
    left, right = m.get("knee_height_left", math.nan), m.get("knee_height_right", math.nan)
    if not (math.isfinite(left) and math.isfinite(right)):
        return "both"
    return "left" if left < right else "right"


def in_position(m: Metrics) -> bool:
    """Kneeling on one knee with the front shin leaning forward over its foot: the hips push
    forward into the stretch and carry the front knee with them, while kneeling upright between
    holds keeps that shin near vertical. The front shin is the best-seen part of this pose (the
    kneeling knee, nearest a camera on that side, jumps in the model's estimate), so the knee
    heights only tell the legs apart."""
    side = kneeling_side(m)
    if side == "both":
        return False
    return FRONT_SHIN_FORWARD <= m.get(f"front_shin_{side}", math.nan) <= FRONT_SHIN_MAX


EXERCISE = Exercise(
    id="hip_flexor_stretch",
    name="Half-kneeling hip flexor stretch",
    summary="3 holds of 30 seconds on each leg; both knees at 90 degrees, pelvis tucked",
    rules=RULES,
    metrics=metrics,
    hold=HoldSpec(in_position=in_position, side=kneeling_side, min_hold_s=2.0,
                  grace_s=1.2),   # the near kneeling leg's points jump: bridge their gaps
    best_views=frozenset({SIDE}),
)
