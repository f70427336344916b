"""Lateral lunge: a big step to the side, the hips sit back over the bent leg, the other straight.

From standing with the feet hip-width apart, the working foot steps far out to the side and
the hips sink back and down over it (knee bent ~95 deg, above the foot), the trailing leg stays
straight and the chest stays up; then the person pushes back to standing. The lift of the knee
toward the chest before each step is not shown: the foot slides out along the floor. ``side``
is the bent (stepping) leg; the sets go 12 left, 12 right, twice. Faults, on their rep:

* ``knee_past_toes``: the bent shin leans ~45 deg so the knee pushes past the toes;
* ``chest_drop``: the trunk folds ~65 deg forward instead of staying lifted;
* ``bent_trailing_leg``: the step is shorter and the trailing knee bends ~40 deg;
* ``knee_valgus``: the bent knee caves in toward the midline.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .single_leg import hips_arms
from .split_stance import lateral_pose

# The trailing foot stands 0.17 H off-centre (away from the step) so that the lunge stays in
# the middle of the frame.
START = {"trail_x": 0.17, "step": 0.12, "hip_in": 0.0, "knee_flex": 3.0, "shank_tilt": 1.0,
         "knee_in": 0.0, "toe_out": 10.0, "pelvis_pitch": 3.0, "lumbar_flex": 0.0,
         "thorax_flex": 2.0, "neck_flex": 0.0}
BOTTOM = {**START, "step": 0.546, "hip_in": 0.06, "knee_flex": 95.0, "shank_tilt": 22.0,
          "pelvis_pitch": 32.0, "lumbar_flex": 3.0, "neck_flex": -18.0}

FAULTS = {
    "knee_past_toes": {"shank_tilt": 45.0, "knee_flex": 100.0, "pelvis_pitch": 18.0},
    "chest_drop": {"pelvis_pitch": 50.0, "lumbar_flex": 14.0, "thorax_flex": 12.0,
                   "neck_flex": -35.0},
    "bent_trailing_leg": {"step": 0.49},
    "knee_valgus": {"knee_in": 22.0},
}

SCRIPT = Script(
    start=START, turn=BOTTOM,
    tempo=Tempo(down_s=1.4, pause_s=0.3, up_s=1.2, rest_s=0.5),
    sets=(SetPlan("left", 12), SetPlan("right", 12), SetPlan("left", 12), SetPlan("right", 12)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the bent (stepping) leg."""
    return lateral_pose(dims, controls, side, hips_arms)
