"""Exercise-ball hamstring curl: on the back, heels on a ball, hips lifted in a bridge; roll the
ball away straightening the legs, curl it back to the hips, the hips staying up throughout.
Without a ball, the feet walk out and back on the floor.

What it checks
    Reps from the knees straightening and bending, and the therapist's cues: the hips stay
    lifted in one line from the shoulders, the curl is controlled.
Why it matters
    The hamstrings only work as hip extensors and knee flexors together with the hips up;
    letting them sag turns the move into a leg roll.
Camera view
    Side-on (lying across the picture).
Known problems
    The ball can hide the far leg; the near leg is measured. Curled, the bent knees leave no
    straight line to judge the hips against, so a sag is only judged with the legs rolled out.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import floor_measures as floor
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

SIDE = View.SIDE

RULES = (
    FormRule(
        id="hips_sagging", title="Hips sag", cue="Keep your hips up through the curl",
        metric="hip_above_heel_line", limit=-0.03, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=1, unit="leg",
        measures="the hip's height relative to the shoulder-heel line where the legs are rolled "
                 "out straight, in leg lengths",
        why="rolled out with the hips up, shoulders, hips and heels make one line (within about "
            "0.02 leg); hips sinking 0.03 leg (a few cm) below it have dropped toward the "
            "floor. Judged only with the legs straight: curled, the bent knees leave no line"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    near = body.near_side(frame)
    leg = ref.thigh_px + ref.shank_px
    return {"knee_straight": -body.knee_bend_2d(frame, near),
            "hip_above_heel_line": floor.hip_above_heel_line(frame, near, leg)}


EXERCISE = Exercise(
    id="ball_hamstring_curl",
    name="Exercise-ball hamstring curl",
    summary="3 sets of 12 reps; hips up, roll the ball out and curl it back",
    rules=RULES,
    metrics=metrics,
    rep_metric="knee_straight",
    # Curled, the knees bend about 90 deg; rolled out, 10-30. A rep straightens them 30 deg past
    # the curled level and curls back within 15 (or most of the way).
    rep_thresholds=RepThresholds(enter=30.0, exit=15.0, min_range=35.0, min_duration_s=0.6),
    best_views=frozenset({SIDE}),
)
