"""Half pigeon: from down dog, bring one knee forward and lay that shin on the floor across the
front of the body, the other leg extended straight back; settle the hips down and hold 30 s.

What it checks
    The hold time per leg (the stretched side is the front, folded leg), counted only while the
    position is held, and the therapist's cue: let the hips settle toward the floor. Between
    holds the person pushes back up to downward dog (both feet far back, knees off the floor),
    which ends the hold.
Why it matters
    The stretch reaches the outer hip and glute of the front leg only when the hips sink over
    it; hips held high keep the weight in the hands.
Camera view
    Side-on.
Known problems
    The folded front shin hides its own knee from some angles, so the legs are told apart by
    how far each foot lies from the hips rather than by knee angles. The hips' height is read
    from the knees (both on the floor, one each side of the hips); the folded knee is often
    hidden and only guessed by the model, so the height may read a little off on that side.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from . import lower_body as body
from .base import BodyReference, Exercise, HoldSpec, Metrics

SIDE = View.SIDE
BACK_KNEE_DOWN = 0.8    # shank lengths: a knee resting on the floor reads under half of that
LONG_LEG_REACH = 1.25   # shank lengths from hips to the long back leg's foot (reads 1.5-2.0)
FOLDED_REACH = 0.9      # the folded shin's foot lies within this of the hips (reads 0.1-0.7)

RULES = (
    FormRule(
        id="hips_high", title="Hips held high", cue="Let your hips sink toward the floor",
        metric="hip_height", limit=0.6, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=1, unit="shank", persist_s=1.0,
        measures="the hips' height above the knees resting on the floor during the hold, in shank "
                 "lengths, as held for a second (the hips rise for a moment on the way out)",
        why="settled over the front shin the hips sit about a third of a shank above the knees "
            "(reads 0.2-0.5); 0.6 or more means they are held up on the hands"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_height", lambda s: body.knee_height(frame, s, ref.shank_px))
    values |= body.per_side("foot_reach", lambda s: _foot_reach(frame, s, ref.shank_px))
    values["hip_height"] = _hip_height(frame, ref.shank_px)
    return values


def _foot_reach(frame: PoseFrame, side: str, shank_px: float) -> float:
    """How far this ankle lies from the hips across the picture, in shank lengths (side view):
    the long back leg puts its foot nearly two shanks away, the folded shin keeps it close."""
    ankle = L.LEFT_ANKLE if side == "left" else L.RIGHT_ANKLE
    if not frame.visible((ankle, L.LEFT_HIP, L.RIGHT_HIP), body.VISIBLE) or not shank_px > 0:
        return math.nan
    hips_x = (frame.xy[L.LEFT_HIP, 0] + frame.xy[L.RIGHT_HIP, 0]) / 2
    return float(abs(frame.xy[ankle, 0] - hips_x) / shank_px)


def _hip_height(frame: PoseFrame, shank_px: float) -> float:
    """The hips' height above the knees, in shank lengths (side view). Both knees rest on the
    floor, one on each side of the hips, so their mean lies on the floor right under the hips
    as the camera sees it: the lowest point in the picture would be the near leg's, which a
    low camera shows lower than the floor under the hips, and more so the wider the body."""
    legs = (L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE)
    if not frame.in_frame(legs) or not frame.visible((L.LEFT_HIP, L.RIGHT_HIP)) or not shank_px > 0:
        return math.nan
    floor = (frame.xy[L.LEFT_KNEE, 1] + frame.xy[L.RIGHT_KNEE, 1]) / 2
    return float((floor - (frame.xy[L.LEFT_HIP, 1] + frame.xy[L.RIGHT_HIP, 1]) / 2) / shank_px)


def back_leg(m: Metrics) -> str | None:
    """The long back leg: its foot reaches far behind the hips, while the folded shin keeps its
    foot near them (or hidden under the body). Knee angles cannot tell them apart: the folded
    knee is often hidden and the model's guesses for it swing between straight and bent."""
    reach = {s: m.get(f"foot_reach_{s}", math.nan) for s in ("left", "right")}
    long = [s for s, r in reach.items() if r > LONG_LEG_REACH]
    if len(long) != 1:
        return None
    other = reach[body.other_side(long[0])]
    return long[0] if not other >= FOLDED_REACH else None


def in_position(m: Metrics) -> bool:
    """One leg long behind with its knee down on the floor, the other folded (or hidden under
    the body). Downward dog, between holds, has both feet equally far back and the knees high."""
    back = back_leg(m)
    return back is not None and m.get(f"knee_height_{back}", math.nan) < BACK_KNEE_DOWN


def folded_side(m: Metrics) -> str:
    back = back_leg(m)
    return body.other_side(back) if back else "both"


EXERCISE = Exercise(
    id="half_pigeon",
    name="Half pigeon",
    summary="3 holds of 30 seconds on each leg; front shin down, back leg long, hips settle",
    rules=RULES,
    metrics=metrics,
    hold=HoldSpec(in_position=in_position, side=folded_side, min_hold_s=2.0),
    best_views=frozenset({SIDE}),
)
