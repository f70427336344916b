"""Lunge with knee to chest (warm-up): step forward into a lunge, push back up through the front
heel, bring the back leg through and hug its knee to the chest, then lunge with the other leg.

What it checks
    Each lunge as a rep (the hips sinking, read against the torso, so the knee hug that follows
    is not a rep) on its front leg (the one whose knee stands above its ankle while the back
    knee sinks), alternating sides, and the therapist's cues: the front knee must not come in
    front of the toes, the lunge goes low, and after it the other knee is hugged up to the chest
    (judged in the seconds after the lunge, so a rep is reported once its knee hug is over).
Why it matters
    The warm-up lunge opens the hips for the main set; a knee shooting past the toes puts the
    load on the front of the knee instead of the glute.
Camera view
    Side-on for the knee; facing or from behind the lunges are still counted.
Known problems
    The rep shows up about two seconds after the lunge ends, when its knee hug is over. Balance
    on the standing leg is not judged. Side-on, with the far leg in front, its shin is at times
    seen too unsurely to judge the knee on that rep.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import lunge_measures
from .base import BodyReference, Exercise, Metrics

SIDE = View.SIDE

RULES = (
    lunge_measures.front_knee_past_toes("Front knee behind your toes"),
    FormRule(
        id="shallow_depth", title="Lunge too shallow", cue="Lower the back knee toward the floor",
        metric="back_knee_height_{side}", limit=0.55, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=2, unit="shank",
        measures="the back knee's lowest height above the floor, in shank lengths",
        why="a full lunge brings the back knee within a few centimetres of the floor, which the "
            "model reads as 0-0.45 shank (its knee point is the joint centre, its floor the "
            "lowest foot point); stopping with the front knee bent only about 55 deg leaves the "
            "back knee half a shank higher, read as 0.65 or more, so 0.55 splits the two"),
    FormRule(
        id="knee_not_to_chest", title="Knee not hugged to the chest",
        cue="Pull the knee up to your chest",
        metric="hug_knee_rise", limit=0.15, fault_when="below",
        phase=Phase.FOLLOW_THROUGH, views=frozenset({SIDE}), judged_on="best", priority=2,
        unit="thigh",
        measures="how high the higher knee comes above its hip after the lunge, in thigh lengths",
        why="hugging the knee to the chest lifts the thigh well above level (0.4-0.8 thigh); "
            "under 0.15 the knee never came above hip height, so the hip was not stretched"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.split_stance_metrics(frame, ref)
    values["front_shin_lean"] = lunge_measures.front_shin_lean(frame)
    values["hip_sink"] = lunge_measures.hip_sink(frame, ref)
    values |= lunge_measures.shin_rises(frame)
    rises = [body.knee_above_hip(frame, s, ref.thigh_px) for s in ("left", "right")]
    # the hugged knee is the higher one; read whichever side the model names it, since side-on
    # it swaps the names of a leg it half loses behind the other
    values["hug_knee_rise"] = max(rises) if all(math.isfinite(r) for r in rises) else math.nan
    return values


EXERCISE = Exercise(
    id="lunge_with_knee_to_chest",
    name="Lunge with knee to chest",
    summary="1 set of 10 reps, alternating legs; front knee behind the toes, knee hugged to the chest",
    rules=RULES,
    metrics=metrics,
    rep_metric="hip_sink",
    # the hips sink 0.5-0.8 of a torso in a lunge and about 0.3 in one stopped halfway; standing
    # on one leg for the knee hug moves them a few hundredths
    rep_thresholds=RepThresholds(enter=0.15, exit=0.08, min_range=0.15, min_duration_s=0.5),
    working_side=lunge_measures.front_leg,
    rep_measures={"front_shin_lean_at_bottom": lunge_measures.front_shin_lean_at_bottom("hip_sink")},
    best_views=frozenset({SIDE}),
    # the knee hug follows the lunge; the next lunge starting ends it early
    follow_through_s=2.5,
)
