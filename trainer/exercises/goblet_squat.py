"""Goblet squat: a weight held at the chest, hips back and down to thighs parallel, stand tall.

What it checks
    Reps (both legs together) from the knee bend, and five of the therapist's cues: reach thighs
    parallel to the floor, keep the knees in line with the ankles (not caving in, not shooting
    forward past the toes), keep the chest lifted, keep the back flat.
Why it matters
    Depth trains the glutes through their full range; knees caving in load the inside of the knee,
    a common source of runner's knee pain; a dropping chest or rounding back moves the load from
    the legs onto the lower back.
Camera view
    Side-on judges depth, knee travel, chest and back; facing the camera judges depth and knee
    tracking.
Known problems
    The pose model has no spine points, so back rounding is inferred from the ear, shoulder and
    hip line; looking down at the floor reads as a slight rounding. Once a rounded back turns the
    face to the floor the model loses the head's direction and reads the line as straight, so
    rounding is judged over the whole rep, where the way down and up still show it. A rounded
    back also tips the hip-shoulder line forward, so it often draws the chest cue as well.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE

RULES = (
    FormRule(
        id="knee_valgus", title="Knees cave in", cue="Push your knees out over your feet",
        metric="knee_width_ratio", limit=0.95, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=0,
        measures="distance between the knees divided by distance between the ankles, in the "
                 "lower part of the rep (front view)",
        why="knees stacked over the ankles read 1.0 at the bottom and good squats push them wider; "
            "below 0.95 the knees have dipped inside the feet, the collapse the therapist warns "
            "about (0.05 allows for pose noise)",
        unit="ratio"),
    FormRule(
        id="knee_valgus_rising", title="Knees drift in on the way up",
        cue="Keep your knees out as you stand",
        metric="rep:knees_narrowing_up", limit=0.12, fault_when="above", phase=Phase.ASCENT,
        views=frozenset({FRONT}), priority=0, unit="share",
        measures="how much closer together the knees are on the way up than on the way down at "
                 "the same depth, as a share of the way-down knee spacing (front view)",
        why="knees that track the feet keep the same spacing down and up (within about 6% in "
            "clean squats); the knees drifting in as the legs push up is the collapse the "
            "therapist warns about, and it shows as 12% or more"),
    FormRule(
        id="shallow_depth", title="Not down to parallel", cue="Sit deeper, thighs to parallel",
        metric="thigh_above_parallel", limit=25.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT, SIDE}), judged_on="best", priority=2,
        measures="the thigh's angle above horizontal at the deepest point, from the hip's height "
                 "above the knee relative to the standing thigh length",
        why="the routine asks for thighs parallel (0 deg); 25 deg leaves room for pose noise and "
            "for the 'as close as you can get' the routine allows, and still catches half squats"),
    FormRule(
        id="chest_drop", title="Chest drops forward", cue="Chest up, keep the weight close",
        metric="trunk_lean", limit=50.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=1,
        measures="tilt of the hip-to-shoulder line from vertical at the bottom (side view)",
        why="a goblet squat with hips back still keeps the trunk within about 45 deg of upright; "
            "past 50 deg the chest has folded toward the thighs"),
    FormRule(
        id="knees_past_toes", title="Knees shoot forward", cue="Sit your hips back, knees over your feet",
        metric="shin_lean", limit=38.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=1,
        measures="how far the shin of the leg nearer the camera leans forward from vertical at "
                 "the bottom (side view)",
        why="sitting the hips back to parallel tips the shins about 25-35 deg, knees just past "
            "the toes; past 38 deg the knees lead the squat and the hips stay under the "
            "shoulders, loading the front of the knee"),
    FormRule(
        id="back_rounding", title="Back rounds", cue="Keep your back flat",
        metric="upper_back_bend", limit=32.0, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({SIDE}), priority=0,
        measures="how far the ear drops forward of the hip-shoulder line at any point of the "
                 "rep (side view)",
        why="a flat back keeps ear, shoulder and hip within about 25 deg of one line even when "
            "looking slightly down; past 32 deg the upper back and head have curled forward. "
            "Judged over the whole rep: at the bottom a curled back turns the face to the floor "
            "and the model loses the head, while on the way down and up it still sees the curl"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    thigh = [body.thigh_above_parallel(frame, side, ref.thigh_px) for side in ("left", "right")]
    finite_thigh = [v for v in thigh if math.isfinite(v)]
    near_knee = "left" if frame.visibility[L.LEFT_KNEE] >= frame.visibility[L.RIGHT_KNEE] else "right"
    near = "left" if frame.visibility[L.LEFT_EAR] >= frame.visibility[L.RIGHT_EAR] else "right"
    return {
        "knee_flexion": body.mean_knee_flexion(frame),
        "hip_drop": body.hip_drop(frame, ref.thigh_px, ref.shank_px),
        "thigh_above_parallel": sum(finite_thigh) / len(finite_thigh) if finite_thigh else math.nan,
        "knee_width_ratio": body.knee_to_ankle_width_ratio(frame),
        "shin_lean": body.shin_lean(frame, near_knee),
        "trunk_lean": body.trunk_lean(frame),
        "upper_back_bend": body.upper_back_bend(frame, near),
    }


EXERCISE = Exercise(
    id="goblet_squat",
    name="Goblet squat",
    summary="2-3 sets of 12-15 reps; weight at the chest, thighs to parallel",
    rep_metric="hip_drop",
    # Measured from the person's own standing level: the hips sink by about half the leg length
    # at parallel and a sixth in a shallow half squat, while standing still wobbles by a few
    # hundredths. A rep goes 0.10 below standing and comes back within 0.06 (or three quarters
    # of the way up), travelling at least 0.10: shallow reps count and draw the depth cue,
    # swaying does not.
    rep_thresholds=RepThresholds(enter=0.10, exit=0.06, min_range=0.10, min_duration_s=0.5),
    rules=RULES,
    metrics=metrics,
    best_views=frozenset({FRONT, SIDE}),
    rep_measures={"knees_narrowing_up": lambda series: body.narrowing_on_the_way_up(
        series["hip_drop"], series["knee_width_ratio"])},
)
