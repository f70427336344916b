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
    A tap that also goes forward reads shorter from the front.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

FRONT = View.FRONT

RULES = (
    FormRule(
        id="standing_up", title="Stands up out of the half squat", cue="Stay low in your half squat",
        metric="standing_knee_bend_{side}", limit=15.0, fault_when="below", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=1,
        measures="the standing leg's knee bend while the other foot taps (3D)",
        why="a half squat keeps the knee bent 30-50 deg; under 15 deg the person has stood up"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("foot_out", lambda s: body.foot_out(frame, s, ref.shank_px))
    bends = {s: body.knee_flexion(frame, s) for s in ("left", "right")}
    values |= {f"standing_knee_bend_{s}": bends[body.other_side(s)] for s in ("left", "right")}
    values["tap_out"] = body.larger_of_both(values, "foot_out")
    return values


EXERCISE = Exercise(
    id="jab_step",
    name="Jab step",
    summary="2 sets of 10 reps on each leg; hold a half squat, tap one foot out to the side",
    rules=RULES,
    metrics=metrics,
    rep_metric="tap_out",
    # Feet together, each ankle sits a fifth of a shank off centre; a tap reaches a shank or
    # more. A rep reaches half a shank past the resting position.
    rep_thresholds=RepThresholds(enter=0.5, exit=0.25, min_range=0.5, min_duration_s=0.3,
                                 min_phase_s=0.1),
    working_side=body.wider_foot,
    best_views=frozenset({FRONT}),
)
