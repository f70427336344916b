"""Banded split squat: one foot forward, one far back; lower until the back knee nearly touches
the floor, push up through the front heel. A band at the front knee pulls it inward.

What it checks
    Reps per leg (the working leg is the front one, told apart by its bent hip), and the
    therapist's cues: go down until the back knee is near the floor, keep the front knee over the
    toes and not past them, do not let the band pull the knee in, keep the torso upright.
Why it matters
    Full depth trains the front glute and quadriceps through their range; a knee pushed past the
    toes or pulled inward loads the front of the knee; leaning forward shifts the work to the back.
Camera view
    Side-on for depth, knee travel and lean; facing the camera for the knee caving in.
Known problems
    The lower leg of the back knee is often hidden behind the front leg side-on; the depth is
    then read from the floor line under the front foot.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..reps import RepThresholds
from . import lower_body as body
from . import shared_rules
from .base import Exercise

FRONT, SIDE = View.FRONT, View.SIDE


RULES = (
    FormRule(
        id="knee_valgus", title="Front knee caves in", cue="Push the front knee out, resist the band",
        metric="knee_inside_ankle_{side}", limit=0.15, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=0, unit="shank",
        measures="how far the front knee sits inward of its ankle, in shank lengths (front view)",
        why="a knee kept over the foot reads about 0; 0.15 of a shank (about 6 cm) inward is a "
            "visible collapse, beyond the model's jitter"),
    shared_rules.front_knee_past_toes("Keep the front knee over your toes"),
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


EXERCISE = Exercise(
    id="banded_split_squat",
    name="Banded split squat",
    summary="2 sets of 10 reps on each leg; back knee toward the floor, front knee over the toes",
    rules=RULES,
    metrics=body.split_stance_metrics,
    rep_metric="hip_drop",
    # The hips sink by a third of the leg or more from the split stance; swaying moves them a
    # few hundredths. Measured from the person's own top position.
    rep_thresholds=RepThresholds(enter=0.10, exit=0.06, min_range=0.10, min_duration_s=0.5),
    working_side=body.more_flexed_hip,
    best_views=frozenset({SIDE, FRONT}),
)
