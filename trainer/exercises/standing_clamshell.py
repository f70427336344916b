"""Standing clamshell: bands above the knees and ankles, knees soft, hands on the hips; lift one
heel and turn that knee out to the side from the hip, then back to facing forward.

What it checks
    Reps per leg (the working leg is the knee that turns out), and the therapist's cues: the
    knee turns well out, the heel lifts so the foot can pivot, and the move comes from the hip,
    with the pelvis staying square.
Why it matters
    Turning the knee out against the band wakes up the glute's outward rotation that keeps a
    runner's knee from caving; turning the whole pelvis instead skips it, and a flat heel
    pins the foot so the leg cannot turn far.
Camera view
    Facing the camera.
Known problems
    From the front the foot points at the camera, so the heel's lift is a small change in
    height (a fifth of a shank when well up, a tenth when barely up): it is measured against
    where the same heel sat while flat a moment before, never as a height of its own. The
    pelvis's turn is read from the shoulders' width (hands on the hips, the trunk turns with
    it): someone who turns the pelvis under a still trunk is missed.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import sides
from .base import BodyReference, Exercise, Metrics, RecentLevel, Series

FRONT = View.FRONT
_FEET = {"left": (L.LEFT_HEEL, L.LEFT_FOOT_INDEX), "right": (L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX)}

RULES = (
    FormRule(
        id="small_opening", title="Knee barely turns out", cue="Turn the knee further out",
        metric="knee_out_{side}", limit=0.35, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), judged_on="best", priority=2, unit="shank",
        measures="how far the working knee gets outside its ankle at its widest, in shank "
                 "lengths (front view)",
        why="a knee turned out from the hip against the band travels about half a shank "
            "outside its ankle; under 0.35 the turn stopped at a timid third of that range"),
    FormRule(
        id="heel_down", title="Heel stays down", cue="Lift your heel as the knee turns out",
        metric="heel_lift_{side}", limit=0.11, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), judged_on="best", priority=2, unit="shank",
        measures="how far the working heel rises above its toes at the knee's widest, against "
                 "where it sat while the foot was flat, in shank lengths (image heights)",
        why="a heel raised well up, so the foot can pivot on its toes, lifts 0.13-0.20 of a "
            "shank over its flat place in the picture; one that barely leaves the floor lifts "
            "0.05-0.10, and 0.11 lies between"),
    FormRule(
        id="pelvis_rotation", title="Pelvis turns with the knee", cue="Keep your hips facing forward",
        metric="trunk_turn", limit=18.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=1,
        measures="how far the hips and trunk (hands on the hips) turn away from square at the "
                 "knee's widest point, from how much narrower the shoulders look than while "
                 "square over the last 4 s (the turn's cosine)",
        why="a knee turning out from the hip leaves the trunk square, read as under 14 deg (the "
            "landmarks' wobble); turning the whole pelvis swings it about 25 deg, and 18 lies "
            "between"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_out", lambda s: -body.knee_inside_ankle(frame, s, ref.shank_px))
    values["trunk_turn"] = trunk_turn(frame, ref)
    for side in ("left", "right"):
        values[f"heel_lift_{side}"] = heel_lift(frame, side, ref)
    values["knee_turn_out"] = body.larger_of_both(values, "knee_out")
    return values


def trunk_turn(frame: PoseFrame, ref: BodyReference) -> float:
    """How far the trunk has turned from square to the camera, degrees, from the shoulders'
    image width against their width while square (the high of the last 4 s): it shrinks with
    the turn's cosine. The hips' own landmarks are no guide here, as they slide with the thigh
    turning beneath them, and the model's 3D depth reads a 25 deg turn as about 15."""
    if not frame.visible((L.LEFT_SHOULDER, L.RIGHT_SHOULDER), body.VISIBLE):
        return math.nan
    width = abs(float(frame.xy[L.LEFT_SHOULDER, 0] - frame.xy[L.RIGHT_SHOULDER, 0]))
    square = ref.remembered("square_shoulders", lambda: RecentLevel(4.0, 90.0))
    widest = square.update(frame.t_s, width)
    return math.degrees(math.acos(min(1.0, width / widest))) if widest > 0 else math.nan


def heel_lift(frame: PoseFrame, side: str, ref: BodyReference) -> float:
    """How far this heel has risen above its own toes since the foot was last flat (the low
    of the last 4 s), in shank lengths. From the front the foot points at the camera, so the
    heel sits above the toes in the picture even when flat; rising on the toes lifts it
    further, and that change is what is measured."""
    heel, toe = _FEET[side]
    if not frame.visible((heel, toe), body.VISIBLE) or not ref.shank_px > 0:
        return math.nan
    above_toes = float((frame.xy[toe, 1] - frame.xy[heel, 1]) / ref.shank_px)
    flat = ref.remembered(f"flat_{side}", lambda: RecentLevel(4.0)).update(frame.t_s, above_toes)
    return above_toes - flat


def turning_knee(series: Series) -> str:
    return sides.side_reaching_further(series, "knee_out")


EXERCISE = Exercise(
    id="standing_clamshell",
    name="Standing clamshell",
    summary="2 sets of 12 reps on each leg; heel up, turn the knee out from the hip",
    rules=RULES,
    metrics=metrics,
    rep_metric="knee_turn_out",
    # Knees facing forward sit over the ankles (about 0); turned out, the knee moves a third of
    # a shank or more outside its ankle, a timid turn a sixth. A rep moves 0.12 of a shank past
    # the resting position (standing still wobbles by about 0.02), so a small opening counts
    # and draws its cue.
    rep_thresholds=RepThresholds(enter=0.12, exit=0.06, min_range=0.12, min_duration_s=0.4),
    working_side=turning_knee,
    best_views=frozenset({FRONT}),
)
