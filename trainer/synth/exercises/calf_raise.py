"""Calf raise: facing a wall, both hands on it, rise onto the balls of both feet and lower on
both. Not in the routine, but what many people do for its eccentric heel raise (or before they
can lower on one leg), so the recogniser learns it as that exercise (``VARIANT_OF``), whose
module counts it: the rep is the heels' rise and fall either way.

One control, ``rise`` (0 = flat on both feet, 1 = high on the toes); the way down takes about
as long as the way up. No faults: the eccentric heel raise's own clips carry those.
"""

from __future__ import annotations

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls, Script, SetPlan, Tempo
from .eccentric_heel_raise import HEEL_LIFT_DEG, WALL_Z_M, wall
from .single_leg import OTHER, single_leg_pose, stance_ankle, stance_code

VARIANT_OF = "eccentric_heel_raise"

SCRIPT = Script(
    start={"rise": 0.0}, turn={"rise": 1.0},
    tempo=Tempo(down_s=1.0, pause_s=0.3, up_s=1.2, rest_s=0.5),
    sets=(SetPlan("both", 12),),
)


def _hands_on_wall(dims: Dimensions, pose: Pose, stance: str) -> dict[str, float]:
    """Both hands flat on the wall a little below shoulder height, elbows soft."""
    skeleton = forward_kinematics(dims, pose)
    angles: dict[str, float] = {}
    for side, s in SIDES.items():
        shoulder = skeleton.points[f"shoulder_{side}"]
        wrist = np.array([s * 0.13 * dims.height, shoulder[1] - 0.06, WALL_Z_M - 0.03])
        angles.update(arm_angles(dims, pose, side, wrist, np.array([s, -1.0, 0.0])))
    return angles


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """Both heels up by the same amount; ``side`` only picks the leg the pose is built from."""
    u = float(np.clip(controls.get("rise", 0.0), 0.0, 1.0))
    heel = u * u * (3 - 2 * u)   # zero speed at the floor and at the top
    c = {**controls, "heel_lift": HEEL_LIFT_DEG * heel, "knee_flex": 3.0, "shank_tilt": 3.0}
    pose = single_leg_pose(dims, c, side, _hands_on_wall)
    other = OTHER[stance_code(side)]
    ankle, foot = stance_ankle(dims, c, SIDES[other])
    angles = {**pose.angles, **leg_angles(dims, pose, other, ankle, foot, np.array([0.0, 0.0, 1.0]))}
    return Pose(angles, pose.root_pos, pose.root_rot)


PROP = wall
