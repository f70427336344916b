"""Banded monster walk: wide, staggered steps forward and out in a held quarter squat.

Bands above the knees and hips, feet wider than the hips, knees slightly bent, hands on the
hips. Each step one foot swings from behind the other to ahead of it, forward and out, and
lands as wide as it left so the bands stay taut: the feet never come together. One rep is one
step; ``side`` is the stepping foot, and the feet take turns. Five steps forward, then five
back (the foot in front steps back first), twice (``motion.Travel``). Faults, named like the
form rules, on the rep they are put on:

* ``feet_together``: the swinging foot curves in until the ankles are about a hand apart as it
  passes the standing foot: the band goes slack;
* ``standing_tall``: the knees straighten to ~6 deg and the hips rise during the step.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo, Travel
from .banded_walk import WALK_CAMERA, travel_shift, walk_pose
from .side_step import SQUAT

STRIDE = 0.2  # how far the stepping foot moves forward, ratio of height
# The staggered stance: the stepping foot a quarter stride behind the centre, the other as far
# ahead, so that after the step the roles swap exactly.
START = {"phase": 0.0, "width": 0.26, "follow": 0.0, "lead_back": STRIDE / 4,
         "step_fwd": STRIDE, "lift": 0.03, **SQUAT}
# ``bow`` only at the turn, so that it holds through the whole swing (``motion.mix``): the
# foot curves a little out as it passes the other one.
SWING = {"phase": 1.0, "bow": -0.015}

FAULTS = {"feet_together": {"bow": 0.16},
          "standing_tall": {"knee_flex": 6.0, "shank_tilt": 2.0, "pelvis_pitch": 5.0,
                            "neck_flex": 0.0}}

SCRIPT = Script(
    start=START, turn={**START, **SWING},
    finish={**START, "phase": 2.0},
    tempo=Tempo(down_s=0.65, pause_s=0.1, up_s=0.35, rest_s=0.15),
    # the first set starts with the right foot; the others go on from the last step
    sets=(SetPlan("right", 5),) * 4,
    faults=FAULTS,
    travel=Travel(travel_shift, alternate=True, headings=(1.0, -1.0), same_foot_back=True),
)

CAMERA = WALK_CAMERA


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the stepping foot."""
    return walk_pose(dims, controls, side)
