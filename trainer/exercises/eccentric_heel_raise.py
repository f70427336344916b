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
    Side-on (from behind works for counting).
Known problems
    Framings that show only the shins still count reps; the lifted foot is then told by its
    ankle being higher.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE

RULES = (
    FormRule(
        id="fast_lowering", title="Heel drops too fast", cue="Lower slowly, count to three",
        metric="rep:tempo_up_s", limit=1.2, fault_when="below", phase=Phase.ASCENT,
        views=frozenset({SIDE, FRONT}), priority=1, unit="s",
        measures="time from the top of the raise until the heel is back down",
        why="an eccentric lowering takes about 3 s; under 1.2 s the heel dropped rather than "
            "lowered, while a controlled but brisk lowering stays above it"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    rises = [body.heel_rise(frame, s, ref.shank_px) for s in ("left", "right")]
    finite = [r for r in rises if math.isfinite(r)]
    return {"heel_rise": min(finite) if finite else math.nan,   # the standing (lower) foot
            "ankle_y_left": float(frame.xy[L.LEFT_ANKLE, 1]),
            "ankle_y_right": float(frame.xy[L.RIGHT_ANKLE, 1]),
            "shank_px": ref.shank_px}


EXERCISE = Exercise(
    id="eccentric_heel_raise",
    name="Eccentric heel raise",
    summary="2 sets of 12 reps on each leg; up on two feet, down slowly on one",
    rules=RULES,
    metrics=metrics,
    rep_metric="heel_rise",
    # Rising on the toes lifts the ankle by about a quarter of a shank; standing still wobbles
    # by a few hundredths. Measured from the person's own flat-footed level.
    rep_thresholds=RepThresholds(enter=0.08, exit=0.04, min_range=0.08, min_duration_s=0.6),
    working_side=body.lower_ankle,
    required_chains=((L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_FOOT_INDEX),
                     (L.RIGHT_KNEE, L.RIGHT_ANKLE, L.RIGHT_FOOT_INDEX)),
    best_views=frozenset({SIDE}),
)
