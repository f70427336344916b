"""Half pigeon: one shin across the body on the floor, the other leg straight back.

Each hold starts from downward dog (hands and feet on the floor, legs straight, hips high) and
folds down into half pigeon: the front leg's knee on the floor ahead of its hip with the shin
lying across the body, the back leg extended behind with knee and top of the foot down, the
trunk leaning forward over the front leg with the hands on the floor, the hips settled low
toward the front shin. After the hold the person pushes back up into downward dog, as the
routine says, and the next hold (or the other leg, switched there) folds down again.
``side`` is the FRONT leg (the one folded in front). 3 holds of 30 s per leg.

Control ``out`` blends the two positions: 0 is the pigeon, 1 downward dog.

Fault (override of the held position, put on the holds it is asked for, numbered from 1):

* ``hips_high``: the hips stay propped well above the front shin instead of settling.
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose, blend_poses, forward_kinematics
from ..ik import leg_angles
from ..motion import Controls, Script, SetPlan, Tempo
from ..rotations import rot_x
from .kneeling import all_fours_pose, pigeon_pose

DOWN_DOG = {"out": 1.0, "hip_height": 0.2, "lean": 20.0}
SETTLED = {"out": 0.0, "hip_height": 0.12, "lean": 35.0}
DOG_HIP_HEIGHT = 0.45   # of H: hips high over straight legs, heels near the floor

FAULTS = {"hips_high": {"hip_height": 0.22}}

CAMERA = {"distance": 1.6, "eye_height": 0.6, "aim_height": 0.2}

SCRIPT = Script(
    start=DOWN_DOG, turn=SETTLED,
    tempo=Tempo(down_s=2.5, pause_s=0.0, up_s=2.0, rest_s=1.5),
    sets=(SetPlan("left", 3, 30.0), SetPlan("right", 3, 30.0)),
    faults=FAULTS,
)


def _straight_legs_back(dims: Dimensions, pose: Pose) -> dict[str, float]:
    """Both legs straight from the hips down and back to the feet on the floor, heels lifted a
    little (downward dog)."""
    sk, angles = forward_kinematics(dims, pose), {}
    reach = dims.thigh + dims.shank - 0.01
    for side in SIDES:
        hip = sk.points[f"hip_{side}"]
        drop = hip[1] - dims.ankle_height
        ankle = np.array([hip[0], dims.ankle_height,
                          hip[2] - math.sqrt(max(reach**2 - drop**2, 1e-6))])
        angles.update(leg_angles(dims, pose, side, ankle, rot_x(25.0), np.array([0.0, -0.3, 1.0])))
    return angles


def down_dog_pose(dims: Dimensions, c: Controls) -> Pose:
    """Downward dog: straight arms under the shoulders, hips high, legs straight behind."""
    return all_fours_pose(dims, {**c, "hip_height": DOG_HIP_HEIGHT}, _straight_legs_back)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the front (folded) leg; ``out`` blends toward downward dog."""
    pigeon = pigeon_pose(dims, controls, "l" if side == "left" else "r")
    out = min(1.0, max(0.0, controls.get("out", 0.0)))
    if out == 0.0:
        return pigeon
    return blend_poses([(pigeon, 1.0 - out), (down_dog_pose(dims, controls), out)])
