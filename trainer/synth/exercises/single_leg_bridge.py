"""Single-leg bridge with a ball squeeze: lying on the back, one foot up, hips lift.

The clip shows the person on their back, knees bent, a small ball squeezed between the knees
and arms along the sides. One foot is held off the floor with its thigh parallel to the other;
the planted heel drives the hips up until shoulders, hips and knees line up, pauses, lowers.
``side`` is the PLANTED (working) leg: "left" means the left foot pushes, the right is lifted.

Faults (overrides at the top of the rep):

* ``hips_sagging``: the hips stop well below the shoulder-knee line;
* ``back_arch``: the hips go past the line and the lower back arches;
* ``thighs_apart``: the lifted leg's thigh drops well below the working one.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .floor_props import knee_ball
from .supine import planted_leg, supine_pose

LYING = {"hip_height": 0.06, "lumbar_flex": 0.0, "foot_z": 0.47, "knee_in": 6.0,
         "free_knee": 95.0, "free_drop": 0.0}
# top: the ankle sits under the knee and the hips on the shoulder-knee line (see supine.py)
TOP = {**LYING, "hip_height": 0.178}

FAULTS = {
    "hips_sagging": {"hip_height": 0.11},
    "back_arch": {"hip_height": 0.215, "lumbar_flex": -22.0},
    "thighs_apart": {"free_drop": 40.0},
}

PROP = knee_ball
CAMERA = {"distance": 1.2, "eye_height": 1.4, "aim_height": 0.0}

SCRIPT = Script(
    start=LYING, turn=TOP,
    tempo=Tempo(down_s=1.2, pause_s=0.8, up_s=1.4, rest_s=0.5),
    sets=(SetPlan("left", 8), SetPlan("right", 8), SetPlan("left", 8), SetPlan("right", 8)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` plants that foot; the other leg copies its thigh and holds its foot up."""
    work = "l" if side == "left" else "r"
    free = "r" if work == "l" else "l"

    def legs(d: Dimensions, pose: Pose) -> dict[str, float]:
        out = planted_leg(d, pose, work, controls)
        for joint in ("hip_abd", "hip_rot"):
            out[f"{joint}_{free}"] = out[f"{joint}_{work}"]
        out[f"hip_flex_{free}"] = out[f"hip_flex_{work}"] - controls.get("free_drop", 0.0)
        out[f"knee_flex_{free}"] = controls.get("free_knee", 95.0)
        out[f"ankle_flex_{free}"] = 10.0
        return out
    return supine_pose(dims, controls, legs)
