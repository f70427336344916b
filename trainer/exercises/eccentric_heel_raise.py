"""Eccentric heel raise: facing a wall, rise onto the toes of both feet, lift one foot behind
(knee bent to 90 degrees) and lower the standing heel slowly on one leg, then put the foot down.

What it checks
    Reps per leg (the working leg is the one that stays down and lowers alone), and the
    therapist's cue: the lowering on one leg is the point, so it must be slow.
    A plain two-footed calf raise counts the same way (its reps are "both").
Why it matters
    Slow single-leg lowering loads the calf and Achilles tendon in the way that builds them for
    running; dropping down fast skips that.
Camera view
    Side-on or facing the camera (from behind works too): the rise is read from the shoulders'
    height, which every view shows the same.
Known problems
    The whole body must be in the picture: the rise is read from the shoulders (the foot points
    are too unsteady for a rise of a few cm) and the working leg from the ankles. Side-on the
    model may name the two legs the wrong way round, so the reported leg can be swapped.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import hinge_measures as measures
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE

RULES = (
    FormRule(
        id="fast_lowering", title="Heel drops too fast", cue="Lower slowly, count to three",
        metric="rep:lowering_s", limit=0.4, fault_when="below", phase=Phase.ASCENT,
        views=frozenset({SIDE, FRONT}), priority=1, unit="s",
        measures="time the body takes to come down from the top of the raise until the heel is "
                 "nearly back on the floor (from leaving the top 15% of the rise to the bottom "
                 "30%), read from the shoulders' height",
        why="an eccentric lowering takes about 3 s, and even a brisk controlled one spends "
            "most of a second on that middle stretch; a heel that is let go covers it in about "
            "0.2 s, so under 0.4 s the heel dropped rather than lowered"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    return {"shoulder_height": measures.shoulder_height(frame, ref),
            "t_s": frame.t_s, **measures.ankle_heights(frame, ref)}


EXERCISE = Exercise(
    id="eccentric_heel_raise",
    name="Eccentric heel raise",
    summary="2 sets of 12 reps on each leg; up on two feet, down slowly on one",
    rules=RULES,
    metrics=metrics,
    rep_metric="shoulder_height",
    # Rising onto the toes lifts the shoulders by about a fifth of a trunk length (a heel let
    # drop at once may only get half as high); standing, lifting the free foot or breathing
    # moves them by about 0.02. Measured from the person's own flat-footed level.
    rep_thresholds=RepThresholds(enter=0.05, exit=0.025, min_range=0.05, min_duration_s=0.6),
    rep_measures={"lowering_s": lambda series: measures.drop_time(series, "shoulder_height")},
    working_side=measures.planted_leg,
    required_chains=((L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_FOOT_INDEX),
                     (L.RIGHT_KNEE, L.RIGHT_ANKLE, L.RIGHT_FOOT_INDEX)),
    best_views=frozenset({SIDE}),
)
