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
    vertical) with the front leg reaching long, and the trunk at rest over that knee (the
    thigh passes its limit early in the slow, eased shift back); the cue then judges how
    straight the front leg is.
Known problems
    The lizard phase between holds is not timed. The back knee is the far leg's for one side
    and only guessed by the model there; a guess for a knee that stays put stays put too.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View, tilt_from_vertical
from ..holds import Drift, Settled, trunk_from
from ..pose import Landmark as L, PoseFrame
from . import lower_body as body
from .base import BodyReference, Exercise, HoldSpec, Metrics

SIDE = View.SIDE
HIPS_BACK_TILT = 12.0   # deg: the back thigh reads 0-6 with the hips over the knee, ~40 in lizard
STEADY_WINDOW_S = 1.0   # the trunk's drift is judged over this window (see holds.Drift)
STEADY_SHANKS = 0.03    # held while the trunk drifts less than this over the back knee: the shift
                        # back drifts about 0.2 mid-way, a held pose 0.005-0.02

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
    values["trunk_drift"] = _trunk_drift(frame, ref, front_leg(values))
    settled = ref.remembered("settled", Settled)
    values["settled"] = float(settled.update(hips_back(values), values["trunk_drift"] < STEADY_SHANKS))
    return values


def _trunk_drift(frame: PoseFrame, ref: BodyReference, front: str) -> float:
    """How far the trunk has lately moved over the back knee, in shank lengths: the half split
    shifts the hips back over that knee on the floor and holds them there."""
    drift = ref.remembered("trunk_drift", lambda: Drift(STEADY_WINDOW_S))
    back_knee = L.RIGHT_KNEE if front == "left" else L.LEFT_KNEE
    point = trunk_from(frame, back_knee) if front != "both" else math.nan
    # drift in pixels, then scaled: points scaled by a shank length that is still being learned
    # would drift as it changes
    return drift.update(frame.t_s, point) / ref.shank_px


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


def hips_back(m: Metrics) -> bool:
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


def in_position(m: Metrics) -> bool:
    """In the half split and settled there: the thigh passes its limit early in the slow,
    eased shift back, so the hold starts once the trunk has come to rest over the back knee,
    and lasts (swaying or breathing as a person does) until the hips leave that position."""
    return m.get("settled", 0.0) > 0


EXERCISE = Exercise(
    id="lizard_to_half_split",
    name="Lizard pose to half split",
    summary="3 holds on each leg; from lizard, shift back into a half split",
    rules=RULES,
    metrics=metrics,
    hold=HoldSpec(in_position=in_position, side=front_leg, min_hold_s=2.0),
    best_views=frozenset({SIDE}),
)
