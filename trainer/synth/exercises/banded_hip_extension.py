"""Banded hip extension: on hands and knees, one leg kicks straight back to hip height.

The clip shows the person on all fours, wrists under the shoulders, the supporting knee on a
yoga block under the hip. The working leg starts bent with its knee hovering below the hip,
extends straight back until it is level with the hips (toes pointing down), pauses, and folds
back in without touching down. ``side`` is the extending (working) leg. The band is left out.

Faults (overrides at the top of the rep):

* ``back_arch``: the lower back sags into an arch and the leg goes above the hips;
* ``hip_rotation``: the pelvis rolls open toward the moving leg (its hip rises);
* ``bent_leg``: the knee stays bent about 60 deg at the top.
"""

from __future__ import annotations

import numpy as np

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .floor_props import box_prop
from .kneeling import all_fours_pose, kneeling_leg

BLOCK_M = (0.12, 0.08, 0.22)   # yoga block, lying flat: width, height, length


def _block_centre(skeleton) -> np.ndarray:
    # the block sits under whichever knee is lower (the supporting one)
    knee = min((skeleton.points["knee_l"], skeleton.points["knee_r"]), key=lambda p: p[1])
    return np.array([knee[0], BLOCK_M[1] / 2, knee[2] - 0.03])


KNEE_ON_BLOCK = BLOCK_M[1] + 0.055   # knee joint height resting on the block (metres)

START = {"hip_height": 0.325, "lumbar_flex": 0.0, "roll": 0.0, "leg_hip_flex": 85.0,
         "leg_knee": 95.0, "leg_ankle": -30.0}
TOP = {**START, "leg_hip_flex": -2.0, "leg_knee": 4.0, "leg_ankle": -10.0}

FAULTS = {
    "back_arch": {"lumbar_flex": -22.0, "leg_hip_flex": -20.0},
    "hip_rotation": {"roll": 22.0},
    "bent_leg": {"leg_knee": 60.0, "leg_hip_flex": 10.0},
}

PROP = box_prop(_block_centre, BLOCK_M)
CAMERA = {"distance": 1.4, "eye_height": 1.0, "aim_height": 0.15}

SCRIPT = Script(
    start=START, turn=TOP,
    tempo=Tempo(down_s=1.2, pause_s=0.6, up_s=1.4, rest_s=0.4),
    sets=(SetPlan("left", 8), SetPlan("right", 8), SetPlan("left", 8), SetPlan("right", 8)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` extends; the other knee rests on the block. ``roll`` is toward the working
    leg, so its sign follows the side."""
    work = "l" if side == "left" else "r"
    support = "r" if work == "l" else "l"
    c = {**controls, "roll": controls.get("roll", 0.0) * (1 if work == "l" else -1)}

    def legs(d: Dimensions, pose: Pose) -> dict[str, float]:
        out = kneeling_leg(d, pose, support, KNEE_ON_BLOCK)
        out.update({f"hip_flex_{work}": c["leg_hip_flex"], f"knee_flex_{work}": c["leg_knee"],
                    f"ankle_flex_{work}": c["leg_ankle"]})
        return out
    return all_fours_pose(dims, c, legs)
