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
    Facing the camera: the step goes across the picture. Whether the bent knee pushes forward
    past the toes (the hips did not sit back) shows side-on in the picture, and facing the
    camera in the model's 3D depth of the knee ahead of the ankle.
Known problems
    The chest is judged from the 3D trunk tilt, which the model estimates less precisely from
    the front than an image angle from the side. The model reads a trailing knee bent 40 deg
    only 5 deg more bent than a straight one, so that leg is judged by its length on screen
    instead, against the person's own usual reading at the bottom: until a few reps have set
    that reading, and for someone whose leg bends on most reps, it is judged against a
    typical straight leg, which tells only a bend of about 50 deg. A folding chest makes the
    model lift the trailing ankle, so a chest drop may also draw the bent-leg cue.
    Side-on the far leg is hidden, so its reps are counted but its knee is not judged.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from ..cues import FormRule, Phase
from ..geometry import View, classify_view, width_ratio
from ..pose import Landmark as L, PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import sides
from . import lunge_measures
from .base import BodyReference, Exercise, Metrics, Series

FRONT, SIDE = View.FRONT, View.SIDE
_SHIN = {"left": (L.LEFT_KNEE, L.LEFT_ANKLE), "right": (L.RIGHT_KNEE, L.RIGHT_ANKLE)}

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
        metric="rep:trailing_leg_span", limit=0.95, fault_when="below", phase=Phase.BOTTOM,
        views=frozenset({FRONT}), priority=2, unit="usual",
        measures="the straight leg's hip-to-ankle length on screen at the bottom of the rep, "
                 "against what this person's straight leg usually reads there (front view)",
        why="a knee bent 45-50 deg brings hip and ankle together to 0.90-0.92 of the leg's "
            "length, while a straight leg keeps it; on screen the hips sitting back also "
            "shorten a straight leg, by 2-10% depending on build and step, so the reading is "
            "taken against the person's own usual bottom reading (at most 0.92 of the standing "
            "length is assumed, so a leg bent on every rep still shows). 0.95 of it lies "
            "between a straight leg's spread (0.97-1.0) and a 45-50 deg bend (0.91-0.93). Read in "
            "the picture because the model's 3D knee angle moves only a few degrees when the "
            "knee bends toward the camera"),
    FormRule(
        id="knee_past_toes", title="Bent knee past the toes",
        cue="Sit your hips back, knee over your ankle",
        metric="shin_forward_lean_{side}", limit=30.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({FRONT, SIDE}), priority=1,
        measures="how far the bent leg's shin leans forward from vertical at the bottom: in the "
                 "picture side-on, from the knee's depth ahead of the ankle facing the camera",
        why="sitting back with the knee over the ankle tips the shin about 20-25 deg; with the "
            "toes about a third of a shank ahead of the ankle, past 30 deg the knee is beyond "
            "them. From the front the lean points at the camera, so it is read from the model's "
            "3D depth of knee and ankle, which follows it (16-26 deg sitting back, 47-53 with "
            "the knee pushed forward), rather than from the shin's shortening in the picture, "
            "which a caving knee shows too; the toe point of a foot seen end-on is placed too "
            "loosely to compare with"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = {"hip_sink": lunge_measures.hip_sink(frame, ref),
              "trunk_flexion": body.trunk_flexion(frame)}
    values |= body.per_side("knee_bend", lambda s: body.knee_flexion(frame, s))
    values |= body.per_side("shin_forward_lean", lambda s: shin_forward_lean(frame, s))
    values |= body.per_side("knee_inside_ankle", lambda s: body.knee_inside_ankle(frame, s, ref.shank_px))
    values |= body.per_side("leg_span", lambda s: lunge_measures.leg_span(frame, ref, s))
    values |= body.per_side("usual_span", lambda s: usual_straight_span(values, ref, s))
    return values


def shin_forward_lean(frame: PoseFrame, side: str) -> float:
    """How far the shin leans forward from vertical, degrees, read the way the frame's view
    allows: side-on from the picture (``lower_body.shin_lean``); facing the camera, where the
    lean points at the lens, from the knee's depth ahead of the ankle in the model's 3D
    landmarks. NaN in between, where neither reading holds."""
    view = classify_view(width_ratio(frame.xy))
    if view is SIDE:
        return body.shin_lean(frame, side)
    knee, ankle = _SHIN[side]
    if view is not FRONT or not frame.visible((knee, ankle), body.VISIBLE):
        return math.nan
    shin = frame.world[knee] - frame.world[ankle]
    length = float(np.linalg.norm(shin))
    if not length > 0:
        return math.nan
    # world z points away from the camera: a knee ahead of its ankle has the smaller z
    return math.degrees(math.asin(min(max(-shin[2] / length, -1.0), 1.0)))


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


# A lunge's other knee, bent this much more than this leg, marks this leg as the straight one.
TRAILING_BEND_GAP = 30.0
# Bottoms remembered per leg for its usual straight span: about 25 reps' worth of frames.
USUAL_FRAMES = 600
# The share of remembered bottoms below which the usual reading lies: a few bent reps among
# them do not lower it.
USUAL_PERCENTILE = 80.0
# The usual span is taken as no shorter than this share of the standing length: on camera the
# hips sitting back shorten a straight leg by up to about 8%, so a lower usual reading means
# the leg was bent on most reps, and it is judged against a straight one instead.
USUAL_SPAN_FLOOR = 0.92


def usual_straight_span(values: Metrics, ref: BodyReference, side: str) -> float:
    """What this leg's span (``leg_span``) usually reads at the bottom of a lunge on the other
    leg, from the recent bottoms where it was the trailing leg; ``USUAL_SPAN_FLOOR`` until then.

    How much a straight trailing leg looks shortened depends on the build, the step and the
    camera, not only on the knee: the person's own usual reading is the fairer ruler.
    """
    remembered = ref.remembered(f"trailing_spans_{side}", lambda: deque(maxlen=USUAL_FRAMES))
    span, own_bend = values[f"leg_span_{side}"], values[f"knee_bend_{side}"]
    other_bend = values[f"knee_bend_{body.other_side(side)}"]
    if np.isfinite(span) and other_bend - own_bend >= TRAILING_BEND_GAP:
        remembered.append(span)
    usual = float(np.percentile(remembered, USUAL_PERCENTILE)) if remembered else math.nan
    return min(max(usual, USUAL_SPAN_FLOOR), 1.0) if math.isfinite(usual) else USUAL_SPAN_FLOOR


def trailing_leg_span(series: Series) -> float:
    """Rep measure for ``bent_trailing_leg``: the straight (not bent) leg's typical span at the
    bottom against its usual one there. The median over the bottom, not the worst frame, so a
    moment of the model slipping the hip point is not read as a bend."""
    trailing = body.other_side(bent_leg(series))
    span = lunge_measures.typical_at_bottom(series, f"leg_span_{trailing}", "hip_sink")
    usual = series.get(f"usual_span_{trailing}", np.array([np.nan]))
    usual = usual[np.isfinite(usual)]
    return float(span / usual[-1]) if usual.size else math.nan


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
