"""Single-leg bridge with ball squeeze: on the back, knees bent, a ball between the knees, one
foot lifted with the thighs kept parallel; drive through the planted heel to lift the hips into
one straight line from shoulders to knees, pause, lower with control.

What it checks
    Reps per leg (the working leg is the planted one: its ankle stays on the floor), and the
    therapist's cues: lift the hips to a straight line, no arch past it, thighs parallel.
    A two-legged bridge counts too (its reps are "both").
Why it matters
    The single-leg bridge loads one glute at a time; stopping short leaves the glute
    half-worked, pushing past the line arches the lower back; a dropping thigh lets the
    adductors off.
Camera view
    Side-on (lying across the picture).
Known problems
    The lifted leg can hide the planted knee; the shoulders-to-knee line then uses the near
    side. A camera looking down from standing height shrinks every rise of the hips and the
    thighs, so the arch and thigh limits are small angles and distances held through the
    pause. Side-on the model can mix up which leg is which, so the reported leg may be wrong.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import sides
from .base import BodyReference, Exercise, Metrics

SIDE = View.SIDE

RULES = (
    FormRule(
        id="hips_sagging", title="Hips not up to the line", cue="Squeeze your glutes, hips higher",
        metric="hip_above_line", limit=-0.12, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=1, unit="torso",
        measures="the hip's height above the shoulder-knee line at the top, in torso lengths",
        why="one straight line reads 0; 0.12 of a torso (about 6 cm) below it is a bridge that "
            "stopped short, beyond the model's jitter"),
    FormRule(
        id="back_arch", title="Back arches at the top", cue="Ribs down, no arch at the top",
        metric="hip_above_line", limit=0.04, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=0, unit="torso", persist_s=0.4,
        measures="the hip's height above the shoulder-knee line held at the top, in torso lengths",
        why="a camera looking down on a person lying flat shrinks every rise: a straight line "
            "reads within 0.02 of 0, and hips pushed 6 cm past it with the lower back arched "
            "read about 0.06; 0.04 held for the pause (0.4 s) splits them, a brief jitter "
            "peak does not count"),
    FormRule(
        id="thighs_apart", title="Lifted thigh drops", cue="Keep your thighs side by side",
        metric="thigh_gap", limit=12.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=2, persist_s=0.4,
        measures="angle between the two thighs in the image, held at the top (side view)",
        why="squeezing the ball keeps the thighs within about 9-11.5 deg in the image; a "
            "lifted thigh dropped 40 deg reads only 13-16 deg from a camera looking down, so "
            "12 deg held through the pause (0.4 s) is a drop; the far thigh, half hidden, "
            "flickers past that only briefly"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    near = body.near_side(frame)
    return {"hip_lift": -body.hip_flexion(frame, near),
            "hip_above_line": body.hip_above_line(frame, near),
            "thigh_gap": body.thigh_angle_between(frame),
            "ankle_y_left": float(frame.xy[L.LEFT_ANKLE, 1]),
            "ankle_y_right": float(frame.xy[L.RIGHT_ANKLE, 1]),
            "shank_px": ref.shank_px}


EXERCISE = Exercise(
    id="single_leg_bridge",
    name="Single-leg bridge with ball squeeze",
    summary="2 sets of 8 reps on each leg; hips up to a straight line, pause, lower slowly",
    rules=RULES,
    metrics=metrics,
    rep_metric="hip_lift",
    # Lying, the hip is bent 40-60 deg; at the top about 0. A rep opens the hip 20 deg past the
    # person's own resting level and returns within 10 (or most of the way).
    rep_thresholds=RepThresholds(enter=20.0, exit=10.0, min_range=20.0, min_duration_s=0.6),
    working_side=sides.lower_ankle,
    best_views=frozenset({SIDE}),
)
