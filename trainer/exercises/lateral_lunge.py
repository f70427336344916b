"""Lateral lunge: lift one knee, step wide to that side and sit the hips back over the bent
leg, the other leg straight, chest lifted; push back to standing.

What it checks
    Reps per leg from how far the hips sink (read against the torso: a foot stepping toward a
    side camera looks longer, so leg lengths make a poor ruler; the working leg is the one that
    bends), and the therapist's cues: the bent knee stays over the ankle (not caving in, not
    pushing past the toes), the chest stays lifted, the other leg stays straight.
Why it matters
    It trains the glutes in the side-to-side plane that running neglects; a caving knee or a
    folding chest shifts the load off them, a bending trailing leg turns it into a squat.
Camera view
    Facing the camera: the step goes across the picture. Side-on shows whether the bent knee
    pushes forward past the toes (the hips did not sit back).
Known problems
    The chest is judged from the 3D trunk tilt, which the model estimates less precisely from
    the front than an image angle from the side. The model reads a trailing knee bent 40 deg
    only 5 deg more bent than a straight one, so that leg is judged by its length on screen
    instead. That length tells a bend of about 50 deg from a straight leg, but a long-legged
    person's 50 deg bend can read just above the limit, and a folding chest makes the model
    lift the trailing ankle, so a chest drop may also draw the bent-leg cue.
    Side-on the far leg is hidden, so its reps are counted but its knee is not judged.
"""

from __future__ import annotations

import numpy as np

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import sides
from . import lunge_measures, shared_rules
from .base import BodyReference, Exercise, Metrics, Series

FRONT = View.FRONT

RULES = (
    FormRule(
        id="knee_valgus", title="Bent knee caves in", cue="Knee over your ankle, push it out",
        metric="knee_inside_ankle_{side}", limit=0.15, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=0, unit="shank",
        measures="how far the bent knee sits inward of its ankle, in shank lengths (front view)",
        why="a knee over the ankle reads about 0; 0.15 of a shank (about 6 cm) inward is a caving "
            "knee beyond the model's jitter"),
    FormRule(
        id="chest_drop", title="Chest drops", cue="Chest up as you sit back",
        metric="trunk_flexion", limit=62.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=1,
        measures="the trunk's tilt from upright at the bottom (3D)",
        why="sitting the hips back as if into a chair tilts the trunk 30-55 deg; past 62 deg the "
            "chest has folded toward the thigh"),
    FormRule(
        id="bent_trailing_leg", title="Other leg bends", cue="Keep the other leg straight",
        metric="rep:trailing_leg_span", limit=0.89, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=2, unit="leg",
        measures="the straight leg's hip-to-ankle length on screen against its standing length, "
                 "typical over the bottom of the rep (front view)",
        why="from the front a straight leg reaching out sideways keeps 0.93-0.98 of its standing "
            "length (the hips sitting back shorten it a little, a short-legged person's wide step "
            "bends it 20-25 deg and reads 0.89-0.93); a knee bent about 50 deg brings hip and "
            "ankle together to 0.87-0.88 of it. Read in the picture because the model's 3D knee "
            "angle moves only a few degrees when the knee bends toward the camera"),
    shared_rules.front_knee_past_toes("Sit your hips back, knee over your ankle"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = {"hip_sink": lunge_measures.hip_sink(frame, ref),
              "trunk_flexion": body.trunk_flexion(frame)}
    values |= body.per_side("knee_bend", lambda s: body.knee_flexion(frame, s))
    values |= body.per_side("shin_lean", lambda s: body.shin_lean(frame, s))
    values |= body.per_side("knee_inside_ankle", lambda s: body.knee_inside_ankle(frame, s, ref.shank_px))
    values |= body.per_side("leg_span", lambda s: lunge_measures.leg_span(frame, ref, s))
    return values


# The working knee bends to about 90 deg; one that never passes 45 deg stayed straight.
STRAIGHT_KNEE_MAX = 45.0


def bent_leg(series: Series) -> str:
    """The leg that bent further. Side-on the far leg is often never seen: when the seen knee
    stayed straight, the hidden leg is the one that did the work."""
    bends = {s: series.get(f"knee_bend_{s}", np.array([np.nan])) for s in ("left", "right")}
    seen = [s for s, values in bends.items() if np.isfinite(values).any()]
    if len(seen) == 1 and np.nanmax(bends[seen[0]]) < STRAIGHT_KNEE_MAX:
        return body.other_side(seen[0])
    return sides.side_reaching_further(series, "knee_bend")


def trailing_leg_span(series: Series) -> float:
    """Rep measure for ``bent_trailing_leg``: the straight (not bent) leg's typical span at the
    bottom. The median over the bottom, not the worst frame, so a moment of the model slipping
    the hip point is not read as a bend."""
    trailing = body.other_side(bent_leg(series))
    return lunge_measures.typical_at_bottom(series, f"leg_span_{trailing}", "hip_sink")


EXERCISE = Exercise(
    id="lateral_lunge",
    name="Lateral lunge",
    summary="2 sets of 12 reps on each leg; step wide, sit back over the bent leg, chest up",
    rules=RULES,
    metrics=metrics,
    rep_metric="hip_sink",
    # The hips sink by half a torso or more (0.45-0.65) sitting back over the bent leg; swaying
    # moves them a few hundredths.
    rep_thresholds=RepThresholds(enter=0.15, exit=0.08, min_range=0.15, min_duration_s=0.5),
    working_side=bent_leg,
    rep_measures={"trailing_leg_span": trailing_leg_span},
    best_views=frozenset({FRONT}),
)
