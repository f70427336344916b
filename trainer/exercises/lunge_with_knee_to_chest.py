"""Lunge with knee to chest (warm-up): step forward into a lunge, push back up through the front
heel, bring the back leg through and hug its knee to the chest, then lunge with the other leg.

What it checks
    Each lunge as a rep on its front leg (told apart by its bent hip), alternating sides, and the
    therapist's cue: the front knee must not come in front of the toes.
Why it matters
    The warm-up lunge opens the hips for the main set; a knee shooting past the toes puts the
    load on the front of the knee instead of the glute.
Camera view
    Side-on for the knee; facing or from behind the lunges are still counted.
Known problems
    The knee hug itself is not judged yet: it happens between lunges, outside a rep.
"""

from __future__ import annotations

from ..geometry import View
from ..reps import RepThresholds
from . import lower_body as body
from . import shared_rules
from .base import Exercise

SIDE = View.SIDE

RULES = (
    shared_rules.front_knee_past_toes("Front knee behind your toes"),
)

EXERCISE = Exercise(
    id="lunge_with_knee_to_chest",
    name="Lunge with knee to chest",
    summary="1 set of 10 reps, alternating legs; front knee stays behind the toes",
    rules=RULES,
    metrics=body.split_stance_metrics,
    rep_metric="hip_drop",
    rep_thresholds=RepThresholds(enter=0.10, exit=0.06, min_range=0.10, min_duration_s=0.5),
    working_side=body.more_flexed_hip,
    best_views=frozenset({SIDE}),
)
