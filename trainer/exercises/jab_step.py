"""Jab step: feet together, knees bent in a half squat that is held the whole set; tap one foot
out to the side and bring it straight back, quickly and with control.

What it checks
    Reps per leg (the working leg is the one that taps out), and the therapist's cue: stay in
    the half squat while tapping.
Why it matters
    The held half squat keeps the standing glute working against the band while the other leg
    taps; standing up to tap lets it rest.
Camera view
    Facing the camera (the tap goes across the picture).
Known problems
    A tap that also goes forward reads shorter from the front. The half squat is judged by the
    hips rising from the height they were held at, not by the knee's angle: from the front the
    model reads a 60 deg knee bend as about 30, and a straightened one hardly less. Someone
    who stays tall through the whole set is therefore never cued (nothing rises).
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import sides
from .base import BodyReference, Exercise, Metrics, RecentLevel, rise_over

FRONT = View.FRONT

RULES = (
    FormRule(
        id="standing_up", title="Stands up out of the half squat", cue="Stay low in your half squat",
        metric="hips_rise_{side}", limit=0.07, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=1, unit="share",
        measures="how far the hips rise above the standing ankle during the tap, as a share of "
                 "the height they were held at over the last 3 s (image heights)",
        why="a held half squat keeps the hips within about 3% of one height while the foot "
            "taps; standing up from a 60 deg knee bend lifts them about 15%, and past 7% (half "
            "of that) the standing knee has clearly straightened"),
)


def hips_over_ankle(frame: PoseFrame, side: str) -> float:
    """Height of the hips' centre above this side's ankle in the image, pixels. From the front
    the knee's 3D bend reads a held half squat as nearly straight, while image heights show
    the hips rising as the standing leg straightens."""
    ankle = L.LEFT_ANKLE if side == "left" else L.RIGHT_ANKLE
    if not frame.visible((L.LEFT_HIP, L.RIGHT_HIP, ankle), body.VISIBLE):
        return math.nan
    return float(frame.xy[ankle, 1] - (frame.xy[L.LEFT_HIP, 1] + frame.xy[L.RIGHT_HIP, 1]) / 2.0)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("foot_out", lambda s: body.foot_out(frame, s, ref.shank_px))
    for side in ("left", "right"):
        height = hips_over_ankle(frame, body.other_side(side))
        held = ref.remembered(f"hips_{side}", RecentLevel).update(frame.t_s, height)
        # standing up from the held half squat: sinking into it reads 0
        values[f"hips_rise_{side}"] = rise_over(height, held)
    values["tap_out"] = body.larger_of_both(values, "foot_out")
    return values


EXERCISE = Exercise(
    id="jab_step",
    name="Jab step",
    summary="2 sets of 10 reps on each leg; hold a half squat, tap one foot out to the side",
    rules=RULES,
    metrics=metrics,
    rep_metric="tap_out",
    # Feet together, each ankle sits a third of a shank off centre; a full tap reaches a shank
    # or more, and one made while standing up falls short (about 0.7). A rep reaches a quarter
    # of a shank past the resting position, over twice the ankles' wobble at rest (about 0.1).
    rep_thresholds=RepThresholds(enter=0.25, exit=0.12, min_range=0.25, min_duration_s=0.3,
                                 min_phase_s=0.1),
    working_side=sides.wider_foot,
    best_views=frozenset({FRONT}),
)
