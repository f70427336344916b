"""Glute star: lying on one side, knees bent 90 degrees in line with the hips, a band above the
knees; lift the hips off the floor, then raise the top leg toward the ceiling, lower both.

What it checks
    Reps per leg (the working leg is the top one, whose knee rises) from the hips and the top
    knee rising together, so a rep that leaves one of them out still counts; and the
    therapist's cues: the hips lift off the floor, the top leg really rises.
Why it matters
    The side plank part works the bottom hip's glute, the leg raise the top one's; with the
    hips on the floor or the leg barely moving, neither is loaded.
Camera view
    Facing the person lying on their side (the body across the picture, the legs opening up).
Known problems
    Heights are read from the model's 3D estimate: in the picture a side-lying body's lowest
    point and apparent width change with every move. Filmed from the head or the feet (looking
    along the body) the model loses the legs and often the person, and the 3D estimate no
    longer shows the hips stacked: nothing is counted there. Rolling over to switch sides is
    not counted either.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import floor_measures as floor
from . import sides
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE, OBLIQUE = View.FRONT, View.SIDE, View.OBLIQUE
# A body lying on its side reads as any of the views to the view classifier (its shoulders stack
# up and down), so the rules are judged from all three.
ANY_VIEW = frozenset({FRONT, SIDE, OBLIQUE})
# Lying on a side the hip line stands within about 40 deg of vertical (0.75 and up); rolling
# over to the other side lays it flat. Half way (0.5) tells the two apart.
STACKED = 0.5

RULES = (
    FormRule(
        id="hips_down", title="Hips stay on the floor", cue="Lift your hips off the floor first",
        metric="trunk_tilt", limit=-28.0, fault_when="below", phase=Phase.BOTTOM,
        views=ANY_VIEW, judged_on="best", priority=1,
        measures="the trunk's tilt from the shoulders down to the hips at the top (3D; 0 = level)",
        why="propped on a forearm with the hips on the floor the trunk falls about 35 deg toward "
            "them; lifted into the side plank it rises to within about 20 deg of level; still "
            "past 28 deg down at the top, the hips never left the floor"),
    FormRule(
        id="leg_not_raised", title="Top leg barely lifts", cue="Lift the top leg higher",
        metric="knee_lift", limit=0.75, fault_when="below", phase=Phase.BOTTOM,
        views=ANY_VIEW, judged_on="best", priority=2, unit="thigh",
        measures="the top knee's height above the bottom knee at the top, in thigh lengths (3D)",
        why="hips up and the top leg raised toward the ceiling put the top knee about a thigh "
            "length above the bottom one; a leg that barely lifts leaves it near 0.55; under "
            "0.75 the leg has not really risen"),
)


def lying_on_a_side(frame: PoseFrame, metrics: Metrics) -> bool:
    """Counting waits while the person rolls over to switch sides (the hips then lie side by
    side, not one above the other), so the roll is not a rep."""
    return metrics.get("hips_stacked", 0.0) >= STACKED


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    lift = floor.side_lying_lift(frame)
    return {**lift, "star": lift["hip_lift"] + lift["knee_lift"],
            "hips_stacked": floor.hips_stacked(frame),
            "trunk_tilt": floor.hips_above_shoulders(frame),
            "knee_y_left": float(frame.xy[L.LEFT_KNEE, 1]),
            "knee_y_right": float(frame.xy[L.RIGHT_KNEE, 1])}


EXERCISE = Exercise(
    id="glute_star",
    name="Glute star",
    summary="2 sets of 8 reps on each leg; side-lying, hips up, then the top leg up",
    rules=RULES,
    metrics=metrics,
    rep_metric="star",
    # Hips and top knee together rise from about 0.4 thigh lengths above the bottom knee to
    # 1.6; a rep with only one of the two moves still rises 0.3. The move is slow (1-2 s each
    # way), so a rep shorter than 0.9 s is the model's jitter.
    rep_thresholds=RepThresholds(enter=0.35, exit=0.15, min_range=0.3, min_duration_s=0.9,
                                 min_phase_s=0.3),
    working_side=sides.higher_knee,
    # lying on a side the feet tuck behind the body: the hips and knees are what it measures
    required_chains=((L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE),),
    ready=lying_on_a_side,
    best_views=frozenset({FRONT}),
)
