"""Banded split squat: one foot forward, one far back; lower until the back knee nearly touches
the floor, push up through the front heel. A band at the front knee pulls it inward.

What it checks
    Reps per leg from how far the hips sink (read against the torso), the working leg being the
    front one (its knee stands above its ankle, the back knee sinks), and the
    therapist's cues: go down until the back knee is near the floor, keep the front knee over the
    toes and not past them, do not let the band pull the knee in, keep the torso upright.
Why it matters
    Full depth trains the front glute and quadriceps through their range; a knee pushed past the
    toes or pulled inward loads the front of the knee; leaning forward shifts the work to the back.
Camera view
    Side-on for depth, knee travel and lean; facing the camera for the knee caving in.
Known problems
    The lower leg of the back knee is often hidden behind the front leg side-on; the depth is
    then read from the floor line under the front foot. From the front the model moves the
    front knee only about 0.1 shank inward of its ankle when the band pulls it in, so the knee
    is judged against its own hip-to-ankle line instead, which it crosses.
    Side-on, with the far leg in front, that shin is often lost and the knee goes unjudged.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..reps import RepThresholds
from ..pose import PoseFrame
from . import lower_body as body
from . import hinge_measures, lunge_measures
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE


RULES = (
    FormRule(
        id="knee_valgus", title="Front knee caves in", cue="Push the front knee out, resist the band",
        metric="knee_inside_line_{side}", limit=0.03, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=0, unit="shank",
        measures="how far the front knee sits inward of the straight line from its hip to its "
                 "ankle at the bottom, in shank lengths (front view)",
        why="a front knee tracking over the foot bows a little outside that line at the bottom "
            "(0.02-0.15 of a shank outside); one the band pulls in crosses it, 0.05-0.1 inside. "
            "Past 0.03 of a shank (about 1 cm) inside the line the knee is falling in. The line, "
            "not the ankle, is the reference: from the front the knee barely moves inward of "
            "its ankle (about 0.1 shank) and the hip's place over the foot varies that reading "
            "as much from person to person"),
    lunge_measures.front_knee_past_toes("Keep the front knee over your toes"),
    FormRule(
        id="shallow_depth", title="Not low enough", cue="Lower the back knee toward the floor",
        metric="back_knee_height_{side}", limit=0.75, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), judged_on="best", priority=2, unit="shank",
        measures="the back knee's lowest height above the floor, in shank lengths (side view: "
                 "from the front the back knee is behind the front leg)",
        why="'almost touching the floor' is a few centimetres, about 0.1-0.3 shank with the knee "
            "point at the joint centre; above 0.75 the back knee stopped halfway"),
    FormRule(
        id="torso_lean", title="Torso leans forward", cue="Stay tall through your chest",
        metric="trunk_lean", limit=35.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=1,
        measures="tilt of the hip-to-shoulder line from vertical at the bottom (side view)",
        why="the routine asks for a still, upright torso; a split squat with a little hip hinge "
            "stays within about 25 deg, past 35 deg the chest has tipped toward the front thigh"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    knee_inside_line = body.per_side(
        "knee_inside_line", lambda s: hinge_measures.knee_inside_leg_line(frame, s, ref.shank_px))
    return body.split_stance_metrics(frame, ref) | knee_inside_line | {
        "front_shin_lean": lunge_measures.front_shin_lean(frame),
        "hip_sink": lunge_measures.hip_sink(frame, ref), **lunge_measures.shin_rises(frame)}


EXERCISE = Exercise(
    id="banded_split_squat",
    name="Banded split squat",
    summary="2 sets of 10 reps on each leg; back knee toward the floor, front knee over the toes",
    rules=RULES,
    metrics=metrics,
    rep_metric="hip_sink",
    # From the split stance the hips sink 0.5-0.8 of a torso in a full rep but only 0.09-0.12
    # in one stopped halfway (front knee at ~55 deg): the hips drop with the knee angle's cosine,
    # so the first half of the bend lowers them least. Standing still they jitter within about
    # 0.02, so a rep needs 0.06, between the two. Measured from the person's own top position.
    rep_thresholds=RepThresholds(enter=0.06, exit=0.035, min_range=0.06, min_duration_s=1.0),
    working_side=lunge_measures.front_leg,
    rep_measures={"front_shin_lean_at_bottom": lunge_measures.front_shin_lean_at_bottom("hip_sink")},
    best_views=frozenset({SIDE, FRONT}),
)
