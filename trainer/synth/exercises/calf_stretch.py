"""Runner's calf (gastrocnemius) stretch: hands on a wall, one foot stepped back, heel down.

The clip shows the person facing a wall (drawn where it hides nobody), hands on it at
shoulder height. For each hold the stretched leg slides back about a stride while the front
knee bends and the body leans toward the wall in one line from the back heel to the head;
the back knee stays straight and the back heel stays pressed to the floor; after the hold
the foot comes back. ``side`` "left" stretches the left calf (the left foot goes back).
Sets are holds: 3 per leg of 30 s by default. The faults are overrides of the held position;
``motion.build_timeline`` puts faults on reps only, so a clip of hold sets cannot carry them
yet (the tests check them through ``build_pose``):

* ``back_heel_up``: the back heel lifts about 25 deg off the floor;
* ``back_knee_bent``: the back knee bends about 30 deg.
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls, Script, SetPlan, Tempo
from ..rotations import rot_x, rot_y
from .eccentric_heel_raise import WALL_Z_M, wall
from .single_leg import stance_code
from .standing import trunk_angles

UPRIGHT = {"step": 0.0, "hip_fwd": 0.0, "back_knee": 0.0, "back_heel": 0.0,
           "lumbar_flex": 0.0, "thorax_flex": 2.0, "neck_flex": 0.0}
STRETCH = {**UPRIGHT, "step": 0.3, "hip_fwd": 0.05, "neck_flex": -5.0}  # step: ratio of H

SCRIPT = Script(
    start=UPRIGHT, turn=STRETCH,
    tempo=Tempo(down_s=1.5, pause_s=0.0, up_s=1.2, rest_s=1.0),
    sets=(SetPlan("left", 3, 30.0), SetPlan("right", 3, 30.0)),
    faults={"back_heel_up": {"back_heel": 25.0}, "back_knee_bent": {"back_knee": 30.0}},
)


def _feet(dims: Dimensions, c: Controls, back: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Ankle and foot frame of each foot: the front one flat at z = 0, the back one ``step``
    behind with its toes planted and its heel ``back_heel`` up."""
    sole_to_toe = np.array([0.0, -0.82 * dims.ankle_height, dims.toe_front])
    feet = {}
    for side, s in SIDES.items():
        is_back = side == back
        z = -c.get("step", 0.0) * dims.height if is_back else 0.0
        foot = rot_y(s * 6.0) @ rot_x(c.get("back_heel", 0.0) if is_back else 0.0)
        toe = np.array([s * dims.hip_spacing / 2, dims.ankle_height, z])
        toe = toe + rot_y(s * 6.0) @ sole_to_toe
        feet[side] = (toe - foot @ sole_to_toe, foot)
    return feet


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the leg stretched behind; the body leans in line with it."""
    back = stance_code(side)
    feet = _feet(dims, controls, back)
    back_ankle = feet[back][0]
    knee = math.radians(controls.get("back_knee", 0.0))
    # the back leg reaches from its ankle to the hips at its (nearly straight) knee bend
    t, sh = dims.thigh, dims.shank
    reach = 0.998 * math.sqrt(t**2 + sh**2 + 2 * t * sh * math.cos(knee))
    hip_z = back_ankle[2] * 0.35 + controls.get("hip_fwd", 0.0) * dims.height * 0.5
    dz = hip_z - back_ankle[2]
    up = math.sqrt(max(reach**2 - dz**2, 1e-6))
    lean = math.degrees(math.atan2(dz, up))
    root = (controls.get("sway_x", 0.0), back_ankle[1] + up, hip_z + controls.get("sway_z", 0.0))
    pose = Pose(trunk_angles(controls), root, (0.0, lean, 0.0))
    angles = dict(pose.angles)
    for leg, (ankle, foot) in feet.items():
        angles.update(leg_angles(dims, pose, leg, ankle, foot, np.array([0.0, 0.2, 1.0])))
    pose = Pose(angles, root, pose.root_rot)
    shoulders = forward_kinematics(dims, pose).points
    for arm, s in SIDES.items():
        wrist = np.array([s * 0.13 * dims.height, shoulders[f"shoulder_{arm}"][1] - 0.03,
                          WALL_Z_M - 0.03])
        angles.update(arm_angles(dims, pose, arm, wrist, np.array([s * 0.7, -1.0, 0.0])))
    return Pose(angles, root, pose.root_rot)


PROP = wall
