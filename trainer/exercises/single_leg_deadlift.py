"""Single-leg deadlift: stand on one leg, fold the whole torso forward while the free leg rises
behind in line with it, hips square, then stand back up.

What it checks
    Reps per leg (the working leg is the standing one: its hip bends while the free leg's hip
    stays straight), and the therapist's cues: keep the back flat, keep the hips square (the free
    hip must not open up), keep the free leg in line with the body.
Why it matters
    It trains each glute and hamstring alone, the imbalance running creates; an opening hip
    turns it into a twist that loads the back; a dropped leg means the hip is not extending.
Camera view
    Side-on for the back and the leg line; facing the camera (or from behind) for the hips.
Known problems
    From the side the free leg hides the standing leg's hip; the pose model may swap the two
    legs for a frame or two, which the smoothing and the per-rep majority absorb.
"""

from __future__ import annotations


from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import shared_rules
from .base import BodyReference, Exercise, Metrics, Series

FRONT, SIDE = View.FRONT, View.SIDE


def _free(side: str) -> str:
    return "right" if side == "left" else "left"


RULES = (
    shared_rules.back_rounding("Flat back, long spine"),
    FormRule(
        id="hip_opening", title="Free hip opens", cue="Keep your hips square to the floor",
        metric="hip_line_tilt", limit=15.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=1,
        measures="tilt of the line between the hips from level, at the bottom (front view)",
        why="square hips stay within about 8 deg of level; past 15 deg the free hip has rolled "
            "up and open"),
    FormRule(
        id="leg_out_of_line", title="Free leg drops", cue="Reach the back leg long, in line with you",
        metric="free_leg_drop_{side}", limit=30.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=2,
        measures="how far the free leg's line bends away from the trunk's line at the bottom "
                 "(side view; 0 = one straight line)",
        why="the routine wants the leg in line with the body; 30 deg of break leaves room for the "
            "slight knee bend people keep, a leg hanging down reads 60 or more"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    near = body.near_side(frame)
    values = {"trunk_flexion": body.trunk_flexion(frame),
              "upper_back_bend": body.upper_back_bend(frame, near),
              "hip_line_tilt": body.hip_line_tilt(frame)}
    values |= body.per_side("hip_flexion", lambda s: body.hip_flexion(frame, s))
    # Stored under the working (standing) side, read from the free leg.
    values |= {f"free_leg_drop_{s}": body.leg_torso_angle(frame, _free(s)) for s in ("left", "right")}
    return values


def standing_leg(series: Series) -> str:
    """The standing leg bends at the hip as the trunk folds; the free leg's hip stays open."""
    return body.more_flexed_hip(series)


EXERCISE = Exercise(
    id="single_leg_deadlift",
    name="Single-leg deadlift",
    summary="2 sets of 8 reps on each leg; hinge on one leg, the other in line behind",
    rules=RULES,
    metrics=metrics,
    rep_metric="trunk_flexion",
    rep_thresholds=RepThresholds(enter=30.0, exit=15.0, min_range=30.0, min_duration_s=0.6),
    working_side=standing_leg,
    best_views=frozenset({SIDE, FRONT}),
)
