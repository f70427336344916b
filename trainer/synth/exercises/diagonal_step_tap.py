"""Banded diagonal step tap: step forward and out, bring the other foot in and tap its toes.

Bands above the knees and hips, knees slightly bent in a held quarter squat, hands on the hips.
The lead foot steps diagonally forward and out to its side (the turn: it has just landed),
then the other foot comes to meet it and touches down on its toes only, ready to lead the next
step the other way, so the path zigzags. One rep is one step and tap; ``side`` is the stepping
foot, and the feet take turns. Five forward, then five back (diagonally back and out), twice
(``motion.Travel``). Faults, named like the form rules, on the rep they are put on:

* ``narrow_step``: the diagonal step reaches only about 40% as far;
* ``standing_tall``: the knees straighten to ~6 deg and the hips rise during the step.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo, Travel
from .banded_walk import WALK_CAMERA, travel_shift, walk_pose
from .side_step import SQUAT

# Between steps the feet stand close (the trailing foot has just met the lead one).
START = {"phase": 0.0, "width": 0.14, "follow": 1.0, "lift": 0.035, "tap": 28.0, **SQUAT}
STEP = {"step_out": 0.12, "step_fwd": 0.13}

FAULTS = {"narrow_step": {"step_out": 0.05, "step_fwd": 0.05},
          "standing_tall": {"knee_flex": 6.0, "shank_tilt": 2.0, "pelvis_pitch": 5.0,
                            "neck_flex": 0.0}}

SCRIPT = Script(
    start=START, turn={**START, **STEP, "phase": 1.0},
    # the step's keys are left out so the lead foot stays where it landed (``motion.mix``)
    finish={**START, "phase": 2.0},
    tempo=Tempo(down_s=0.65, pause_s=0.15, up_s=0.6, rest_s=0.3),
    # the first set starts with the right foot; the others go on from the last step
    sets=(SetPlan("right", 5),) * 4,
    faults=FAULTS,
    travel=Travel(travel_shift, alternate=True, headings=(1.0, -1.0)),
)

CAMERA = WALK_CAMERA


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the stepping foot."""
    return walk_pose(dims, controls, side)
