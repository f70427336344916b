"""Lunge with knee to chest (warm-up): step forward into a lunge, push back up through the front
heel, bring the back leg through and hug its knee to the chest, then lunge with the other leg.

What it checks
    Each lunge as a rep on its front leg (told apart by its bent hip), alternating sides, and the
    therapist's cues: the front knee must not come in front of the toes, the lunge goes low, and
    after it the other knee is hugged up to the chest (judged in the seconds after the lunge,
    so a rep is reported once its knee hug is over).
Why it matters
    The warm-up lunge opens the hips for the main set; a knee shooting past the toes puts the
    load on the front of the knee instead of the glute.
Camera view
    Side-on for the knee; facing or from behind the lunges are still counted.
Known problems
    The rep shows up about two seconds after the lunge ends, when its knee hug is over. Balance
    on the standing leg is not judged.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import shared_rules
from .base import BodyReference, Exercise, Metrics

SIDE = View.SIDE

RULES = (
    shared_rules.front_knee_past_toes("Front knee behind your toes"),
    FormRule(
        id="shallow_depth", title="Lunge too shallow", cue="Lower the back knee toward the floor",
        metric="back_knee_height_{side}", limit=0.75, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=2, unit="shank",
        measures="the back knee's lowest height above the floor, in shank lengths",
        why="a full lunge brings the back knee within a few centimetres of the floor (0.1-0.4 "
            "shank); above 0.75 the lunge stopped halfway"),
    FormRule(
        id="knee_not_to_chest", title="Knee not hugged to the chest",
        cue="Pull the knee up to your chest",
        metric="hug_knee_rise_{side}", limit=0.15, fault_when="below",
        phase=Phase.FOLLOW_THROUGH, views=frozenset({SIDE}), judged_on="best", priority=2,
        unit="thigh",
        measures="how high the other knee comes above its hip after the lunge, in thigh lengths",
        why="hugging the knee to the chest lifts the thigh well above level (0.4-0.8 thigh); "
            "under 0.15 the knee never came above hip height, so the hip was not stretched"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.split_stance_metrics(frame, ref)
    rise = {s: body.knee_above_hip(frame, s, ref.thigh_px) for s in ("left", "right")}
    # stored under the lunging leg's side, which is the side the rules judge
    values |= {f"hug_knee_rise_{s}": rise[body.other_side(s)] for s in ("left", "right")}
    return values


EXERCISE = Exercise(
    id="lunge_with_knee_to_chest",
    name="Lunge with knee to chest",
    summary="1 set of 10 reps, alternating legs; front knee behind the toes, knee hugged to the chest",
    rules=RULES,
    metrics=metrics,
    rep_metric="hip_drop",
    rep_thresholds=RepThresholds(enter=0.10, exit=0.06, min_range=0.10, min_duration_s=0.5),
    working_side=body.more_flexed_hip,
    best_views=frozenset({SIDE}),
    # the knee hug follows the lunge; the next lunge starting ends it early
    follow_through_s=2.5,
)
