"""Runner's calf (gastrocnemius) stretch: hands on a wall, one foot stepped back with its heel
pressed to the floor and its knee straight; hold 30 seconds.

What it checks
    The hold time per leg (the stretched side is the back leg: the straight one), counted only
    while the position is held, and the therapist's cues: back heel down, back knee straight.
Why it matters
    The gastrocnemius crosses the knee: it is only stretched with the knee straight, and only
    while the heel is pressed down.
Camera view
    Side-on.
Known problems
    A back foot turned out of the picture's plane shortens in the image, so its heel lift reads
    low; stand square to the camera. The stretched leg is told by its foot lying furthest from
    the shoulders, which lean toward the wall over the front foot.
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
        id="back_heel_up", title="Back heel off the floor", cue="Press your back heel into the floor",
        metric="heel_lift_{side}", limit=0.25, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=1, unit="foot",
        measures="the back heel's height above its toes, in foot lengths (side view)",
        why="a heel on the floor reads 0-0.1 (the heel point sits a little above the sole); a "
            "quarter of a foot length is a clearly lifted heel"),
    FormRule(
        id="back_knee_bent", title="Back knee bent", cue="Straighten your back knee",
        metric="knee_bend_2d_{side}", limit=20.0, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=1,
        measures="the back knee's bend during the hold, in the picture (side view)",
        why="a straight knee reads 0-10 deg; past 20 deg the stretch moves off the gastrocnemius"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_bend_2d", lambda s: body.knee_bend_2d(frame, s))
    values |= body.per_side("heel_lift", lambda s: body.heel_lift(frame, s))
    values |= body.per_side("foot_behind", lambda s: _foot_behind(frame, s, ref.shank_px))
    values["feet_apart"] = body.feet_apart(frame, ref.shank_px)
    values["trunk_lean"] = body.trunk_lean(frame)
    return values


def _foot_behind(frame: PoseFrame, side: str, shank_px: float) -> float:
    """How far this ankle lies from the shoulders across the picture, in shank lengths. The
    shoulders lean toward the wall over the front foot, so the stepped-back foot is the far one."""
    ankle = L.LEFT_ANKLE if side == "left" else L.RIGHT_ANKLE
    if not frame.visible((ankle, L.LEFT_SHOULDER, L.RIGHT_SHOULDER), body.VISIBLE) or not shank_px > 0:
        return math.nan
    shoulders_x = (frame.xy[L.LEFT_SHOULDER, 0] + frame.xy[L.RIGHT_SHOULDER, 0]) / 2
    return float(abs(frame.xy[ankle, 0] - shoulders_x) / shank_px)


def back_leg(m: Metrics) -> str:
    """The foot furthest from the shoulders is the one stepped back (the knees cannot tell:
    a lifted back heel raises the hips and straightens the front knee too)."""
    left, right = m.get("foot_behind_left", math.nan), m.get("foot_behind_right", math.nan)
    if not (math.isfinite(left) and math.isfinite(right)):
        return "both"
    return "left" if left > right else "right"


def in_position(m: Metrics) -> bool:
    """Feet split front to back, leaning into the wall."""
    return (back_leg(m) != "both" and m.get("feet_apart", math.nan) > 0.5
            and m.get("trunk_lean", math.nan) > 10)


EXERCISE = Exercise(
    id="calf_stretch",
    name="Runner's calf stretch",
    summary="3 holds of 30 seconds on each leg; back heel down, back knee straight",
    rules=RULES,
    metrics=metrics,
    hold=HoldSpec(in_position=in_position, side=back_leg, min_hold_s=2.0),
    best_views=frozenset({SIDE}),
)
