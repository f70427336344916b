"""Half pigeon: from down dog, bring one knee forward and lay that shin on the floor across the
front of the body, the other leg extended straight back; settle the hips down and hold 30 s.

What it checks
    The hold time per leg (the stretched side is the front, folded leg), counted only while the
    position is held, and the therapist's cue: let the hips settle toward the floor.
Why it matters
    The stretch reaches the outer hip and glute of the front leg only when the hips sink over
    it; hips held high keep the weight in the hands.
Camera view
    Side-on.
Known problems
    The folded front shin hides its own knee from some angles; the hold is then recognised from
    the extended back leg and the low hips.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from . import lower_body as body
from .base import BodyReference, Exercise, HoldSpec, Metrics

SIDE = View.SIDE

RULES = (
    FormRule(
        id="hips_high", title="Hips held high", cue="Let your hips sink toward the floor",
        metric="hip_height", limit=1.0, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=1, unit="shank",
        measures="the hips' height above the floor during the hold, in shank lengths",
        why="settled over the front shin the hips sit about half a shank up; a full shank or more "
            "means they are held up on the hands"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_bend", lambda s: body.knee_flexion(frame, s))
    hips = [body.knee_height(frame, s, ref.shank_px) for s in ("left", "right")]
    # knee_height measures any joint's height above the floor; reuse it for the hips.
    values["hip_height"] = _hip_height(frame, ref.shank_px)
    values["lying_low"] = float(all(math.isfinite(h) and h < 0.8 for h in hips))
    return values


def _hip_height(frame: PoseFrame, shank_px: float) -> float:
    feet = [i for i in (L.LEFT_HEEL, L.LEFT_FOOT_INDEX, L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX, L.LEFT_KNEE, L.RIGHT_KNEE)
            if frame.visible((i,))]
    if not feet or not frame.visible((L.LEFT_HIP, L.RIGHT_HIP)) or not shank_px > 0:
        return math.nan
    floor = max(frame.xy[i, 1] for i in feet)
    return float((floor - (frame.xy[L.LEFT_HIP, 1] + frame.xy[L.RIGHT_HIP, 1]) / 2) / shank_px)


def _straight_leg(m: Metrics) -> str | None:
    """The long back leg: bent under 50 deg, and the only such leg (the folded shin's knee
    is often hidden, so its bend may be unknown)."""
    straight = [s for s in ("left", "right") if m.get(f"knee_bend_{s}", math.nan) < 50]
    return straight[0] if len(straight) == 1 else None


def in_position(m: Metrics) -> bool:
    """Hips and knees low, one leg long behind, the other folded (or hidden under the body)."""
    return bool(m.get("lying_low")) and _straight_leg(m) is not None


def folded_side(m: Metrics) -> str:
    straight = _straight_leg(m)
    return body.other_side(straight) if straight else "both"


EXERCISE = Exercise(
    id="half_pigeon",
    name="Half pigeon",
    summary="3 holds of 30 seconds on each leg; front shin down, back leg long, hips settle",
    rules=RULES,
    metrics=metrics,
    hold=HoldSpec(in_position=in_position, side=folded_side, min_hold_s=2.0),
    best_views=frozenset({SIDE}),
)
