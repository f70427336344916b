"""Single-leg deadlift: stand on one leg, fold the whole torso forward while the free leg rises
behind in line with it, hips square, then stand back up.

What it checks
    Reps per leg (the working leg is the standing one, whose foot stays on the floor while the
    free foot rises behind), and the therapist's cues: keep the back flat, keep the hips square
    (the free hip must not open up), keep the free leg in line with the body.
Why it matters
    It trains each glute and hamstring alone, the imbalance running creates; an opening hip
    turns it into a twist that loads the back; a dropped leg means the hip is not extending.
Camera view
    Side-on for the back and the leg line; facing the camera (or from behind) for the hips.
Known problems
    With no spine points, a rounding back is read from the shoulders sagging below the hips; a
    very supple person who hinges past level with a flat back would read as rounding.
    From the side the free leg hides the standing leg's hip; the pose model may swap the two
    legs for a frame or two, which the smoothing and the per-rep majority absorb. From the
    front its 3D trunk at times flips upright for a few frames at the bottom; the rep signal
    then leans on the trunk's shortened length in the picture (``hinge_measures.hinge_depth``).
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import hinge_measures as measures
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE


def _free(side: str) -> str:
    return "right" if side == "left" else "left"


RULES = (
    measures.sagging_back_rule("Flat back, long spine", "a flat-backed single-leg deadlift "
                               "reads 10-15 deg above level"),
    FormRule(
        id="hip_opening", title="Free hip opens", cue="Keep your hips square to the floor",
        metric="trunk_roll", limit=8.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=1,
        measures="how far the hip line and the shoulder line roll from level together at the "
                 "bottom (front view; the mean of their tilts)",
        why="square hips keep both lines within about 5 deg of level (balancing on one leg "
            "tips them a little); an opening free hip turns the pelvis and the trunk with it, "
            "13 deg or more"),
    FormRule(
        id="leg_out_of_line", title="Free leg drops", cue="Reach the back leg long, in line with you",
        metric="free_thigh_off_line_{side}", limit=15.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=2,
        measures="how far the free thigh bends away from the trunk's line, the least it does "
                 "through the bottom (side view; 0 = shoulder, hip and knee of the free leg in "
                 "one line)",
        why="the routine wants the free leg to carry on the body's line; a leg held in line "
            "gets within 5 deg of it at the bottom, while one hanging toward the floor (hip bent, "
            "knee bent) stays 25 deg or more off it throughout. Judged on the least bend so that "
            "the model losing the raised leg for a few frames, which it does now and then, "
            "cannot fake a drop; the thigh rather than the whole leg, so a bent knee cannot bring "
            "the foot back onto the line and hide one"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = {"trunk_flexion": measures.hinge_depth(frame, ref, body.trunk_flexion(frame)),
              "shoulders_below_hips": measures.shoulders_below_hips(frame),
              "trunk_roll": measures.trunk_roll(frame), **measures.ankle_heights(frame, ref)}
    # Stored under the working (standing) side, read from the free leg.
    values |= {f"free_thigh_off_line_{s}": measures.thigh_off_trunk_line(frame, _free(s))
               for s in ("left", "right")}
    return values


EXERCISE = Exercise(
    id="single_leg_deadlift",
    name="Single-leg deadlift",
    summary="2 sets of 8 reps on each leg; hinge on one leg, the other in line behind",
    rules=RULES,
    metrics=metrics,
    rep_metric="trunk_flexion",
    rep_thresholds=RepThresholds(enter=30.0, exit=15.0, min_range=30.0, min_duration_s=0.6),
    working_side=measures.planted_leg,
    best_views=frozenset({SIDE, FRONT}),
)
