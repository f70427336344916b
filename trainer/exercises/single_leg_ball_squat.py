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
    The ball and wall can hide the lifted leg; only the standing leg is measured. Side-on the
    model sometimes folds the two legs together at the bottom; the knee-travel cue is then not
    judged for that rep rather than read from the wrong leg.
"""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import hinge_measures as measures
from . import lower_body as body
from .base import BodyReference, Exercise, Metrics

FRONT, SIDE = View.FRONT, View.SIDE

RULES = (
    FormRule(
        id="knee_valgus", title="Standing knee caves in", cue="Keep your knee over your foot",
        metric="knee_inside_line_{side}", limit=0.02, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=0, unit="shank",
        measures="how far the standing knee sits inward of the straight line from its hip to its "
                 "ankle at the bottom, in shank lengths (front view)",
        why="a knee tracking over the foot stays on that line or pushes a little outside it "
            "(-0.03 to -0.07 in mini squats); a knee turning in crosses it, 0.06 or more inside "
            "when it visibly caves. Past 0.02 of a shank (about 1 cm) inside the line the knee is "
            "falling in toward the other leg"),
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
    values = {"shoulder_height": measures.shoulder_height(frame, ref),
              "trunk_lean": body.trunk_lean(frame), **measures.ankle_heights(frame, ref)}
    values |= body.per_side("knee_inside_line",
                            lambda s: measures.knee_inside_leg_line(frame, s, ref.shank_px))
    values |= body.per_side("shin_lean", lambda s: body.shin_lean(frame, s))
    return values


EXERCISE = Exercise(
    id="single_leg_ball_squat",
    name="Single-leg exercise-ball squat",
    summary="2 sets of 6 reps on each leg; mini squat on one leg, the other knee pressing a ball",
    rules=RULES,
    metrics=metrics,
    rep_metric="shoulder_height",
    # A mini squat with the chest up lowers the shoulders by about a quarter of the trunk's
    # length; standing on one leg sways them by about 0.02. Read from the shoulders, which the
    # model places steadily, not the hips over one ankle: the lifted leg beside the standing
    # one makes the model swap the two ankles. Measured from the person's own standing level.
    rep_thresholds=RepThresholds(enter=0.08, exit=0.04, min_range=0.08, min_duration_s=0.5,
                                 direction=-1),
    working_side=measures.planted_leg,
    best_views=frozenset({FRONT, SIDE}),
)
