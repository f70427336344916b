"""Glute star: lying on one side, knees bent 90 degrees in line with the hips, a band above the
knees; lift the hips off the floor, then raise the top leg toward the ceiling, lower both.

What it checks
    Reps per leg (the working leg is the top one, whose knee rises), and the therapist's cues:
    the hips stay lifted off the floor, the top leg really rises.
Why it matters
    The side plank part works the bottom hip's glute, the leg raise the top one's; with the
    hips on the floor or the leg barely moving, neither is loaded.
Camera view
    Facing the person lying on their side (the body across the picture, the legs opening up).
Known problems
    The bottom arm and shoulder hide each other; the hip height is read against the lowest
    point of the body in view.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE

RULES = (
    FormRule(
        id="hips_down", title="Hips stay on the floor", cue="Lift your hips off the floor first",
        metric="hip_height", limit=0.35, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT, SIDE}), judged_on="best", priority=1, unit="shank",
        measures="the hips' height above the lowest body point at the top, in shank lengths",
        why="lying on a side the hips sit about a fifth of a shank up; lifted into the side "
            "plank they rise past half a shank; under 0.35 they never left the floor"),
    FormRule(
        id="leg_not_raised", title="Top leg barely lifts", cue="Lift the top leg higher",
        metric="knee_gap", limit=0.5, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT, SIDE}), judged_on="best", priority=2, unit="thigh",
        measures="the widest the knees open at the top, in thigh lengths",
        why="raising the top leg toward the ceiling opens the knees by most of a thigh length; "
            "under half a thigh the leg barely left the bottom one"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    return {"knee_gap": body.knee_gap(frame, ref.thigh_px),
            "hip_height": body.joint_height(frame, (L.LEFT_HIP, L.RIGHT_HIP), ref.shank_px),
            "knee_y_left": float(frame.xy[L.LEFT_KNEE, 1]),
            "knee_y_right": float(frame.xy[L.RIGHT_KNEE, 1])}


EXERCISE = Exercise(
    id="glute_star",
    name="Glute star",
    summary="2 sets of 8 reps on each leg; side-lying, hips up, then the top leg up",
    rules=RULES,
    metrics=metrics,
    rep_metric="knee_gap",
    # The knees open from touching (about 0.1 thigh) to most of a thigh; a rep opens them a
    # quarter of a thigh past the resting gap.
    rep_thresholds=RepThresholds(enter=0.25, exit=0.12, min_range=0.25, min_duration_s=0.6),
    working_side=body.higher_knee,
    best_views=frozenset({FRONT}),
)
