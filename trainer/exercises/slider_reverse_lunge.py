"""Slider reverse lunge: one foot slides straight back on a slider while the front knee bends to
about 90 degrees over the ankle, then slides forward to standing.

What it checks
    Reps per leg (the working leg is the front, standing one: its knee stays above its ankle
    while the sliding leg's knee sinks), and the therapist's cues: bend the front knee to about
    90 degrees (read from how far the hips sink), keep it over the ankle.
Why it matters
    The slide keeps constant tension on the front glute; a knee drifting past the toes shifts
    the load to the knee; stopping short of 90 degrees halves the work.
Camera view
    Side-on.
Known problems
    Seen from behind or the front, knee travel cannot be judged; the reps still count. Side-on,
    with the far leg in front, the model often loses that shin, and the knee goes unjudged.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..reps import RepThresholds
from ..pose import PoseFrame
from . import lower_body as body
from . import lunge_measures
from .base import BodyReference, Exercise, Metrics

SIDE = View.SIDE

RULES = (
    lunge_measures.front_knee_past_toes("Keep the front knee over your ankle"),
    FormRule(
        id="shallow_depth", title="Front knee not at 90", cue="Slide further back, front knee to 90",
        metric="hip_drop", limit=0.38, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=2, unit="leg",
        measures="how far the hips sink at the deepest point, as a share of the standing leg",
        why="with the front shin upright the hips sink by the thigh's drop, half the leg times "
            "(1 - cos of the knee bend): about 0.5 at the routine's 90 deg, 0.2 at 50 deg; under "
            "0.38 the front knee stopped short of about 75 deg. Read from image heights, as the "
            "model's 3D knee angle reads a 50 deg bend as 60-75"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    return body.split_stance_metrics(frame, ref) | lunge_measures.shin_rises(frame) | {
        "front_shin_lean": lunge_measures.front_shin_lean(frame)}


EXERCISE = Exercise(
    id="slider_reverse_lunge",
    name="Slider reverse lunge",
    summary="2 sets of 12 reps on each leg; slide back until the front knee is at 90 degrees",
    rules=RULES,
    metrics=metrics,
    rep_metric="hip_drop",
    rep_thresholds=RepThresholds(enter=0.10, exit=0.06, min_range=0.10, min_duration_s=0.5),
    working_side=lunge_measures.front_leg,
    rep_measures={"front_shin_lean_at_bottom": lunge_measures.front_shin_lean_at_bottom("hip_drop")},
    best_views=frozenset({SIDE}),
)
