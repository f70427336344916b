"""Standing clamshell: bands above the knees and ankles, knees soft, hands on the hips; lift one
heel and turn that knee out to the side from the hip, then back to facing forward.

What it checks
    Reps per leg (the working leg is the knee that turns out), and the therapist's cues: the
    knee turns well out, and the move comes from the hip, with the pelvis staying square.
Why it matters
    Turning the knee out against the band wakes up the glute's outward rotation that keeps a
    runner's knee from caving; turning the whole pelvis instead skips it.
Camera view
    Facing the camera.
Known problems
    The heel lift is not judged: from the front the foot points at the camera and the heel's
    rise is a few pixels, lost in the model's jitter (on generated clips a flat heel and a
    lifted one overlap).
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics, Series

FRONT = View.FRONT

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
        id="pelvis_rotation", title="Pelvis turns with the knee", cue="Keep your hips facing forward",
        metric="pelvis_turn", limit=15.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=1,
        measures="how far the pelvis turns away from square at the knee's widest point (3D)",
        why="a knee turning out from the hip leaves the pelvis within about 8 deg of square; "
            "past 15 deg the whole pelvis is turning instead"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_out", lambda s: -body.knee_inside_ankle(frame, s, ref.shank_px))
    values["pelvis_turn"] = body.pelvis_turn(frame)
    values["knee_turn_out"] = body.larger_of_both(values, "knee_out")
    return values


def turning_knee(series: Series) -> str:
    return body.side_reaching_further(series, "knee_out")


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
