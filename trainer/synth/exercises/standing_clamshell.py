"""Standing clamshell: bands round the legs above the knees and ankles, one knee turns out.

The person stands with the feet hip-width apart, knees slightly bent, hands on the hips, a
band looped above the knees and another above the ankles (drawn as two coloured strands).
Each rep the working heel rises while its toes stay on the floor, and the working knee turns
out to the side from the hip (the thigh rotates outward and opens a little, the foot pivots
on its toes), then comes back to face forward; the pelvis and the other leg stay still.
``side`` is the moving leg; the sets go 12 left, then 12 right. Faults, on the rep they are
put on:

* ``small_opening``: the knee turns out only ~16 deg instead of ~38;
* ``heel_down``: the heel barely leaves the floor (~8 deg of foot tilt instead of ~35), so the
  foot hardly pivots and the knee turns out less;
* ``pelvis_rotation``: the pelvis and trunk turn ~25 deg toward the working side with the
  knee instead of staying square.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from ..body import SIDES, Dimensions, Pose, Skeleton
from ..camera import Camera
from ..draw import polyline
from ..ik import leg_angles
from ..motion import Controls, Script, SetPlan, Tempo
from ..rotations import rot_x, rot_y
from .single_leg import OTHER, hips_arms, stance_code
from .standing import hip_centre, trunk_angles

STANCE = 0.12         # distance between the ankles, ratio of height (hip-width)
TOE_OUT = 5.0
# How far the foot turns out on its toes, per degree of knee opening, once the heel is up.
FOOT_FOLLOW = 0.8
HEEL_FULL = 20.0      # heel lift (deg) from which the foot pivots freely

START = {"open": 0.0, "heel": 0.0, "pelvis_turn": 0.0, "knee_flex": 16.0, "shank_tilt": 8.0,
         "pelvis_pitch": 4.0, "lumbar_flex": 0.0, "thorax_flex": 2.0, "neck_flex": 0.0}

SCRIPT = Script(
    start=START, turn={**START, "open": 38.0, "heel": 35.0},
    tempo=Tempo(down_s=1.0, pause_s=0.4, up_s=0.9, rest_s=0.4),
    sets=(SetPlan("left", 12), SetPlan("right", 12)),
    faults={"small_opening": {"open": 16.0},
            # a flat foot keeps the leg from turning far (the knee has no twist of its own)
            "heel_down": {"heel": 8.0, "open": 30.0},
            "pelvis_rotation": {"pelvis_turn": 25.0}},
)


def working_foot(dims: Dimensions, c: Controls, s: float) -> tuple[np.ndarray, np.ndarray]:
    """Ankle and foot frame of the working foot: the toes stay where they stood while the
    heel rises ``heel`` and the foot pivots outward on them as the knee opens."""
    flat = rot_y(s * TOE_OUT)
    ankle = np.array([s * STANCE * dims.height / 2, dims.ankle_height, 0.0])
    toe_offset = np.array([0.0, -0.82 * dims.ankle_height, dims.toe_front])
    pivot = FOOT_FOLLOW * c["open"] * min(1.0, c["heel"] / HEEL_FULL)
    foot = rot_y(s * (TOE_OUT + pivot)) @ rot_x(c["heel"])
    return ankle + flat @ toe_offset - foot @ toe_offset, foot


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the leg whose knee turns out; the other stands still."""
    code = stance_code(side)
    s, still = SIDES[code], OTHER[code]
    c = {**controls, "stance": STANCE}
    pose = Pose(trunk_angles(c), tuple(hip_centre(dims, c)),
                (s * c["pelvis_turn"], c.get("pelvis_pitch", 0.0), 0.0))
    forward = np.array([0.0, 0.0, 1.0])
    still_ankle = np.array([-s * STANCE * dims.height / 2, dims.ankle_height, 0.0])
    angles = dict(pose.angles)
    angles.update(leg_angles(dims, pose, still, still_ankle, rot_y(-s * TOE_OUT),
                             rot_y(-s * TOE_OUT) @ forward))
    # the knee points out to the side by ``open``: the thigh turns outward from the hip
    angles.update(leg_angles(dims, pose, code, *working_foot(dims, c, s),
                             rot_y(s * (TOE_OUT + c["open"])) @ forward))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    angles.update(hips_arms(dims, pose, code))
    return Pose(angles, pose.root_pos, pose.root_rot)


BAND = (60.0, 60.0, 205.0)   # BGR: a red band
BAND_M = 0.012


def band_above(joint: str, towards: str, share: float) -> Callable:
    """A prop: a band strand between both legs, ``share`` of the way from each ``joint`` up
    toward its ``towards`` joint, drawn just in front of the legs."""
    def band(camera: Camera, skeleton: Skeleton):
        p = skeleton.points
        ends = np.array([p[f"{joint}_{k}"] + share * (p[f"{towards}_{k}"] - p[f"{joint}_{k}"])
                         for k in SIDES])
        depth = float(camera.to_camera(ends).mean(axis=0)[2]) - 0.08

        def draw(image: np.ndarray) -> None:
            xy, z = camera.project(ends)
            polyline(image, xy, BAND, max(2.0, camera.focal_px * BAND_M / float(z.mean())))

        return depth, draw
    return band


PROP = (band_above("knee", "hip", 0.15), band_above("ankle", "knee", 0.2))
