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
    The ball can hide the far leg; the near leg is measured.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

SIDE = View.SIDE

RULES = (
    FormRule(
        id="hips_sagging", title="Hips sag", cue="Keep your hips up through the curl",
        metric="hip_above_line", limit=-0.15, fault_when="below", phase=Phase.WHOLE_REP,
        views=frozenset({SIDE}), priority=1, unit="torso",
        measures="the hip's height relative to the shoulder-knee line through the rep, in torso "
                 "lengths",
        why="hips held up stay within about 0.1 torso of the line; 0.15 below it for a tenth of "
            "a second is a sag the model's jitter does not make"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    near = body.near_side(frame)
    return {"knee_straight": -body.knee_bend_2d(frame, near),
            "hip_above_line": body.hip_above_line(frame, near)}


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
