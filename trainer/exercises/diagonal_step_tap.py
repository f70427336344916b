"""Diagonal step tap: bands above the knees and ankles, knees bent; step one foot forward and
out, bring the other foot in to meet it and tap its toes; then lead with that foot the other
way, zigzagging five steps forward and five back.

What it checks
    Each step and tap as a rep, its side being the leading foot (the one that moves first), and
    the therapist's cues: a real diagonal step out (not a shuffle), knees bent throughout.
Why it matters
    Stepping out against the band works the side glutes only when the step is wide; straight
    legs take the load off the hips.
Camera view
    Facing the camera. The model cannot read the knee angle of this half squat from the
    front, so bent knees are judged by how tall the person stands (shoulders above ankles in
    shoulder widths) against their own recent height.
Known problems
    From the front only the sideways part of the diagonal step is measured, from the side only
    the forward part; the toe tap itself is not checked.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import stepping_measures as steps
from .base import BodyReference, Exercise, Metrics, Series

FRONT = View.FRONT

RULES = (
    FormRule(
        id="narrow_step", title="Step too short", cue="Step further out",
        metric="feet_apart", limit=0.9, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), judged_on="best", priority=2, unit="shank",
        measures="the widest the ankles get across as the lead foot lands, in shank lengths",
        why="from feet close together a diagonal step opens them to 1.0-1.2 shank lengths "
            "across; under 0.9 the step went mostly forward or barely moved"),
    FormRule(
        id="standing_tall", title="Knees straighten", cue="Stay low, knees bent",
        metric="stance_rise", limit=0.055, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=1, unit="share",
        measures="how much taller the person stands during the step than over the last 4 s "
                 "(shoulders above ankles in shoulder widths, which walking toward the camera "
                 "does not change), as a share",
        why="a held quarter squat keeps the height within about 4% of its usual value through "
            "the diagonal step and tap (the body turns a little with it); knees straightening "
            "raise it by 6-8%, and 5.5% lies between"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    return {"feet_apart": body.feet_apart(frame, ref.shank_px),
            "ankle_gap": steps.ankle_gap(frame, ref.shank_px),
            "stance_rise": steps.stance_rise(frame, ref),
            **steps.ankle_positions(frame)}


def leading_foot(series: Series) -> str:
    """The foot that moved first: by the widest point of the step it has travelled further
    than the other, which only then follows it."""
    return steps.foot_that_moved(series, "ankle_gap")


EXERCISE = Exercise(
    id="diagonal_step_tap",
    name="Diagonal step tap",
    summary="2 sets of 10 steps (5 forward, 5 back); step diagonally out, tap the other foot in",
    rules=RULES,
    metrics=metrics,
    rep_metric="ankle_gap",
    # Between steps the feet stand close; the step opens them by half a shank or more across
    # (from the front) or along the walk (side-on). Even a short step opens them 0.2.
    rep_thresholds=RepThresholds(enter=0.15, exit=0.07, min_range=0.15, min_duration_s=0.4,
                                 min_phase_s=0.1),
    working_side=leading_foot,
    best_views=frozenset({FRONT}),
)
