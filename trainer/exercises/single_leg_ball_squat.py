"""Single-leg exercise-ball squat: standing side-on to a wall, one knee lifted and pressed into a
ball on the wall; a mini squat on the other leg, knee over the ankle, chest lifted.

What it checks
    Reps per leg (the working leg is the standing one, the lower foot), and the therapist's
    cues: standing knee over the ankle (not caving in, not shooting past the toes), chest up.
Why it matters
    Pressing the ball works the lifted leg's hip while the standing glute controls the knee; a
    caving knee or folding chest means the standing hip is losing control.
Camera view
    Facing the camera for the knee caving in; side-on for knee travel and the chest.
Known problems
    The ball and wall can hide the lifted leg; only the standing leg is measured.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE

RULES = (
    FormRule(
        id="knee_valgus", title="Standing knee caves in", cue="Keep your knee over your foot",
        metric="knee_inside_ankle_{side}", limit=0.15, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=0, unit="shank",
        measures="how far the standing knee sits inward of its ankle, in shank lengths (front view)",
        why="a knee over the foot reads about 0; 0.15 of a shank (about 6 cm) inward is a visible "
            "collapse, beyond the model's jitter"),
    FormRule(
        id="knee_past_toes", title="Knee past the toes", cue="Sit back, knee over your ankle",
        metric="shin_lean_{side}", limit=28.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=1,
        measures="how far the standing shin leans forward from vertical at the bottom (side view)",
        why="a mini squat with the hips back and the knee over the ankle tips the shin 10-20 deg; "
            "past 28 deg the knee has run out over the toes (read from knee and ankle, which the "
            "model places more surely than the toe point)"),
    FormRule(
        id="chest_drop", title="Chest drops", cue="Lift your chest",
        metric="trunk_lean", limit=40.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({SIDE}), priority=1,
        measures="tilt of the hip-to-shoulder line from vertical at the bottom (side view)",
        why="a mini squat needs little lean, about 10-25 deg; past 40 deg the chest has folded"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = {"hip_drop": body.standing_hip_drop(frame, ref.thigh_px, ref.shank_px),
              "trunk_lean": body.trunk_lean(frame),
              "ankle_y_left": float(frame.xy[L.LEFT_ANKLE, 1]), "ankle_y_right": float(frame.xy[L.RIGHT_ANKLE, 1]),
              "shank_px": ref.shank_px}
    values |= body.per_side("knee_inside_ankle", lambda s: body.knee_inside_ankle(frame, s, ref.shank_px))
    values |= body.per_side("shin_lean", lambda s: body.shin_lean(frame, s))
    return values


EXERCISE = Exercise(
    id="single_leg_ball_squat",
    name="Single-leg exercise-ball squat",
    summary="2 sets of 6 reps on each leg; mini squat on one leg, the other knee pressing a ball",
    rules=RULES,
    metrics=metrics,
    rep_metric="hip_drop",
    # A mini squat sinks the hips by a tenth of the leg or so; standing on one leg sways by a
    # few hundredths. Measured from the person's own standing level.
    rep_thresholds=RepThresholds(enter=0.06, exit=0.03, min_range=0.06, min_duration_s=0.5),
    working_side=body.lower_ankle,
    best_views=frozenset({FRONT, SIDE}),
)
