"""Good morning: hands on the hips, hinge forward at the hips to a nearly flat back, stand up.

The clip shows the person with feet hip-width apart pushing the hips back and tipping the
straight trunk forward until it is about 15 deg above horizontal, knees softly bent, then
returning upright. Faults, named like the form rules:

* ``shallow_hinge``: the trunk stops about 45 deg from vertical;
* ``back_rounding``: the lower and upper back flex, shoulders curling toward the hips;
* ``locked_knees``: the knees stay fully straight through the hinge.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .single_leg import hips_arms
from .standing import standing_pose

STANDING = {"knee_flex": 5.0, "shank_tilt": 2.0, "pelvis_pitch": 2.0, "lumbar_flex": 0.0,
            "thorax_flex": 1.0, "neck_flex": 0.0, "stance": 0.16, "toe_out": 6.0}
HINGED = {**STANDING, "knee_flex": 18.0, "shank_tilt": 4.0, "pelvis_pitch": 74.0,
          "lumbar_flex": 2.0, "neck_flex": -35.0}

FAULTS = {
    "shallow_hinge": {"pelvis_pitch": 44.0, "neck_flex": -15.0},
    "back_rounding": {"pelvis_pitch": 48.0, "lumbar_flex": 24.0, "thorax_flex": 45.0,
                      "neck_flex": 10.0},
    "locked_knees": {"knee_flex": 0.0, "shank_tilt": 0.0},
}

SCRIPT = Script(
    start=STANDING, turn=HINGED,
    tempo=Tempo(down_s=1.8, pause_s=0.4, up_s=1.5, rest_s=0.4),
    sets=(SetPlan("both", 10),),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """Both legs work together, so ``side`` is always "both"."""
    return standing_pose(dims, controls, lambda d, p: hips_arms(d, p, "l"))
