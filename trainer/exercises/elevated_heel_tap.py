"""Alternating elevated heel tap: standing on a low step (5-8 cm) on one leg, hands on the hips,
the other knee lifted to hip height; a shallow squat on the standing leg while the free foot taps
the floor in front (heel), out to the side (toes) and far behind (toes), the knee coming back up
between taps. The three taps make one rep.

What it checks
    Reps per leg (the working leg is the STANDING one, found as the leg whose foot stays down
    while the other lifts), and the therapist's cues through the whole rep: hips level (the
    free hip does not sink), standing knee over the foot (not caving in), chest lifted.
Why it matters
    The standing glute holds the pelvis level and the knee in line while the leg squats; a
    sinking free hip or a caving knee means it is letting go, and a folding chest turns the
    squat into a hinge that unloads it.
Camera view
    Facing the camera: the hips' tilt, the knee's line over the foot and the side tap all show
    across the picture.
Known problems
    From the front the model cannot tell a foot in front from one behind, so a rep is found as
    a sequence: a tap, the side tap (foot clearly out sideways), then the next tap (the back
    tap), ended when the free knee comes back up. A rep without its side tap is not counted,
    and the sequence is remembered per engine (see ``TapSequence`` and
    ``BodyReference.remembered``). The model reads the same trunk tilt a few degrees
    differently for different builds, so the chest and knee limits leave little room: a slight
    chest drop on a slim person can pass unnoticed.
"""

from __future__ import annotations

import math

from ..cues import FormRule, Phase
from ..geometry import View
from ..pose import PoseFrame
from ..reps import RepThresholds
from . import lower_body as body
from . import stepping_measures as steps
from .base import BodyReference, Exercise, Metrics, Series

FRONT = View.FRONT

RULES = (
    FormRule(
        id="hip_drop", title="Free hip drops", cue="Keep your hips level",
        metric="free_hip_drop_{side}", limit=6.5, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=1,
        measures="how far the hip line tilts down toward the free leg's side during the taps "
                 "(image, degrees)",
        why="a level pelvis keeps the free hip within about 4 deg of the standing one while the "
            "foot taps; past 6.5 deg the standing glute has let the free side sink"),
    FormRule(
        id="knee_valgus", title="Standing knee caves in", cue="Keep your knee over your foot",
        metric="knee_inside_ankle_{side}", limit=0.04, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=0, unit="shank",
        measures="how far the standing knee sits inward of its ankle, in shank lengths",
        why="a knee tracking over the foot stays within 0.02 of a shank of the ankle's line in a "
            "shallow squat; 0.04 (about 2 cm) inward is the knee starting to collapse"),
    FormRule(
        id="chest_drop", title="Chest drops", cue="Lift your chest",
        metric="trunk_flexion", limit=39.0, fault_when="above", phase=Phase.WHOLE_REP,
        views=frozenset({FRONT}), priority=1,
        measures="trunk tilt forward from upright (3D), the most held during the taps",
        why="a shallow squat with the chest lifted tips the trunk 25-37 deg at the back tap; past "
            "39 deg the chest has folded toward the thigh"),
)

# free ankle above the standing one, in shank lengths: on the floor, off it, knee up
DOWN, LIFTED, UP = 0.15, 0.2, 0.4
SIDE_OUT = 0.5            # free ankle this far out from the hips' centre: the side tap
SIDE_IN = 0.35            # ...and back under the body below this
FREE_GAP = 0.35           # ankles this far apart in height tell the free leg
IDLE_S = 1.0              # a first tap forgotten after the knee stays up this long


class TapSequence:
    """Where the free foot is in the tap sequence of one rep, from frame to frame.

    Stage 0 resting, 1 after a tap, 2 after the side tap, 3 on the next tap after the foot has
    left the floor (the back tap); lifting the knee from stage 3 completes the rep and returns
    to 0. The stage is the rep signal: it rises through the taps and falls only at the rep's
    end, which no single frame can show since the knee comes up to the start position between
    taps.
    """

    def __init__(self) -> None:
        self.stage = 0
        self.free: str | None = None
        self._up_since = math.nan
        self._left_side_tap = False

    def update(self, t_s: float, free: str | None, lift: float, out: float) -> int:
        if free and free != self.free:       # the other leg lifted: a new set
            self.free, self.stage = free, 0
        if not (math.isfinite(lift) and math.isfinite(out)):
            return self.stage
        down, up, side = lift < DOWN, lift > UP, out > SIDE_OUT
        self._up_since = (self._up_since if math.isfinite(self._up_since) else t_s) if up else math.nan
        if self.stage < 2 and side:
            self.stage, self._left_side_tap = 2, False
        elif self.stage == 0 and down:
            self.stage = 1
        elif self.stage == 1 and up and t_s - self._up_since >= IDLE_S:
            self.stage = 0
        elif self.stage == 2 and not side and lift > LIFTED:
            self._left_side_tap = True
        elif self.stage == 2 and self._left_side_tap and down and out < SIDE_IN:
            self.stage = 3
        elif self.stage == 3 and up:
            self.stage = 0
        return self.stage


def metrics(frame: PoseFrame, ref: BodyReference) -> Metrics:
    shank = ref.shank_px
    sequence = ref.remembered("taps", TapSequence)
    free = steps.higher_ankle_now(frame, shank, FREE_GAP) or sequence.free
    values: Metrics = {"trunk_flexion": body.trunk_flexion(frame), "free_left": math.nan}
    values |= body.per_side("knee_inside_ankle", lambda s: body.knee_inside_ankle(frame, s, shank))
    values |= {f"free_hip_drop_{s}": steps.hip_drop_toward(frame, body.other_side(s))
               for s in ("left", "right")}
    if free is None:
        values["tap_stage"] = math.nan
        return values
    values["free_left"] = 1.0 if free == "left" else 0.0
    values["tap_stage"] = float(sequence.update(frame.t_s, free, body.ankle_rise(frame, free, shank),
                                                body.foot_out(frame, free, shank)))
    return values


def standing_leg(series: Series) -> str:
    """The leg on the step: the other one than the leg that lifted and tapped."""
    share = steps.share_of_side(series.get("free_left"))
    if not math.isfinite(share):
        return "both"
    return "right" if share >= 0.5 else "left"


EXERCISE = Exercise(
    id="elevated_heel_tap",
    name="Alternating elevated heel tap",
    summary="2 sets of 5 reps on each leg; on a low step, tap the floor in front, to the side "
            "and behind",
    rules=RULES,
    metrics=metrics,
    rep_metric="tap_stage",
    # The stage climbs 0 -> 1 -> 2 -> 3 through the taps; reaching 3 (the back tap) and coming
    # back to 0 is a rep.
    rep_thresholds=RepThresholds(enter=2.5, exit=0.5, min_range=2.5, min_duration_s=1.0,
                                 min_phase_s=0.15),
    working_side=standing_leg,
    best_views=frozenset({FRONT}),
)
