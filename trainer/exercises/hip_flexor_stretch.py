"""Half-kneeling hip flexor stretch: back knee on the floor, front foot forward, both knees at
about 90 degrees, pelvis tucked under, a slight lean forward; hold 30 seconds.

What it checks
    The hold time per leg (the stretched side is the kneeling leg, whose hip flexor lengthens),
    counted only while the position is held, and the therapist's cues: front knee over the
    ankle, pelvis tucked rather than the lower back arched.
Why it matters
    Running shortens the hip flexors; the stretch only reaches them with the pelvis tucked, and
    an arched back or a knee far past the foot takes the stretch elsewhere.
Camera view
    Side-on.
    The hold is recognised by the front shin leaning forward over its foot (the hips push
    forward into the stretch and carry that knee along; kneeling upright between holds keeps it
    near vertical), timed from when the trunk comes to rest over the front foot: the shin
    passes its limit early in the slow, eased move, the trunk's drift shows when it ends.
Known problems
    The pelvis tuck itself is not visible to the model; an arched back shows as the trunk
    leaning back behind the hips. With the front knee far forward the model's leg points may
    jump for a while, so the trunk reads at rest late and the hold is timed up to a second
    short. With the kneeling knee nearest the camera the model's leg points jump, so gaps of
    up to 1.2 s in a hold are bridged.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..holds import Drift, Settled, trunk_from
from ..pose import Landmark as L, PoseFrame
from . import lower_body as body
from .base import BodyReference, Exercise, HoldSpec, Metrics

SIDE = View.SIDE
FRONT_SHIN_FORWARD = 10.0  # deg: the front shin reads 2-5 kneeling upright, 11-16 in the stretch
FRONT_SHIN_MAX = 65.0      # deg: past this the front knee is no longer bent over a planted foot
STEADY_WINDOW_S = 1.0      # the trunk's drift is judged over this window (see holds.Drift)
STEADY_SHANKS = 0.03       # held while the trunk drifts less than this over the front foot: the
                           # move into the stretch drifts 0.06-0.1 mid-way, a held pose 0.005-0.02

RULES = (
    FormRule(
        id="front_knee_past_toes", title="Front knee far past the foot", cue="Front knee over your ankle",
        metric="front_knee_ahead_{side}", limit=0.4, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=1, unit="foot",
        measures="how far the front knee sits in front of its toes, in foot lengths",
        why="with the front knee at about 90 deg it sits over the ankle (below 0); 0.4 of a foot "
            "past the toes means the front shin has tipped far forward"),
    FormRule(
        id="arched_back", title="Lower back arched", cue="Tuck your pelvis under, ribs down",
        metric="trunk_back_lean_{side}", limit=10.0, fault_when="above", phase=Phase.HOLD,
        views=frozenset({SIDE}), priority=0,
        measures="how far the trunk leans back behind the hips (side view)",
        why="with the pelvis tucked the trunk stays upright or leans slightly forward; leaning "
            "back more than 10 deg is done by arching the lower back"),
)


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    values = body.per_side("knee_height", lambda s: body.knee_height(frame, s, ref.shank_px))
    # Stored under the kneeling (stretched) side, read from the front leg where needed.
    values |= {f"front_knee_ahead_{s}": body.knee_ahead_of_toes(frame, body.other_side(s)) for s in ("left", "right")}
    values |= {f"trunk_back_lean_{s}": body.trunk_back_lean(frame, body.other_side(s)) for s in ("left", "right")}
    values |= {f"front_shin_{s}": body.shin_lean(frame, body.other_side(s)) for s in ("left", "right")}
    values["trunk_drift"] = _trunk_drift(frame, ref, kneeling_side(values))
    settled = ref.remembered("settled", Settled)
    values["settled"] = float(settled.update(shin_forward(values), values["trunk_drift"] < STEADY_SHANKS))
    return values


def _trunk_drift(frame: PoseFrame, ref: BodyReference, kneeling: str) -> float:
    """How far the trunk has lately moved over the front foot, in shank lengths: the stretch
    pushes the hips forward over that planted foot and holds them there."""
    drift = ref.remembered("trunk_drift", lambda: Drift(STEADY_WINDOW_S))
    front_ankle = L.RIGHT_ANKLE if kneeling == "left" else L.LEFT_ANKLE
    point = trunk_from(frame, front_ankle) if kneeling != "both" else math.nan
    # drift in pixels, then scaled: points scaled by a shank length that is still being learned
    # would drift as it changes
    return drift.update(frame.t_s, point) / ref.shank_px


def kneeling_side(m: Metrics) -> str:
    left, right = m.get("knee_height_left", math.nan), m.get("knee_height_right", math.nan)
    if not (math.isfinite(left) and math.isfinite(right)):
        return "both"
    return "left" if left < right else "right"


def shin_forward(m: Metrics) -> bool:
    """Kneeling on one knee with the front shin leaning forward over its foot: the hips push
    forward into the stretch and carry the front knee with them, while kneeling upright between
    holds keeps that shin near vertical. The front shin is the best-seen part of this pose (the
    kneeling knee, nearest a camera on that side, jumps in the model's estimate), so the knee
    heights only tell the legs apart."""
    side = kneeling_side(m)
    if side == "both":
        return False
    return FRONT_SHIN_FORWARD <= m.get(f"front_shin_{side}", math.nan) <= FRONT_SHIN_MAX


def in_position(m: Metrics) -> bool:
    """In the stretch (the front shin leaning forward) and settled there: the shin passes its
    limit early in the slow, eased move, so the hold starts only once the trunk has stopped
    moving over the front foot, and lasts until the shin comes back upright."""
    return m.get("settled", 0.0) > 0


EXERCISE = Exercise(
    id="hip_flexor_stretch",
    name="Half-kneeling hip flexor stretch",
    summary="3 holds of 30 seconds on each leg; both knees at 90 degrees, pelvis tucked",
    rules=RULES,
    metrics=metrics,
    hold=HoldSpec(in_position=in_position, side=kneeling_side, min_hold_s=2.0,
                  grace_s=1.2),   # the near kneeling leg's points jump: bridge their gaps
    best_views=frozenset({SIDE}),
)
