"""Squat to overhead reach: hold a pole, squat down it, let go and reach up, stand.

The clip shows the person facing a vertical pole, hands on it with slightly bent elbows. The
hands slide down the pole as the person squats to thighs about parallel, knees over the toes
and back flat; near the bottom the hands let go and the straight arms rise overhead; on the
way up the hands come back to the pole. Faults, named like the form rules:

* ``knee_valgus``: the knees turn in well inside the feet at the bottom;
* ``back_rounding``: the upper and lower back flex, the pelvis tucks under;
* ``arms_not_overhead``: the arms stop about level with the shoulders instead of vertical.
"""

from __future__ import annotations

import numpy as np

from ..body import SIDES, Dimensions, Pose, Skeleton, forward_kinematics
from ..camera import Camera
from ..draw import shaded_tube
from ..ik import arm_angles
from ..motion import Controls, Script, SetPlan, Tempo
from .standing import standing_pose

POLE_Z_M = 0.42
POLE_RADIUS_M = 0.02
WOOD = (150.0, 110.0, 70.0)

STANDING = {"knee_flex": 4.0, "shank_tilt": 2.0, "pelvis_pitch": 3.0, "lumbar_flex": 0.0,
            "thorax_flex": 2.0, "neck_flex": 0.0, "knee_in": 0.0, "stance": 0.19,
            "toe_out": 14.0, "reach": 0.0}
BOTTOM = {**STANDING, "knee_flex": 115.0, "shank_tilt": 30.0, "pelvis_pitch": 24.0,
          "lumbar_flex": 4.0, "neck_flex": -20.0, "reach": 1.0, "arm_flex": 172.0}

FAULTS = {
    "knee_valgus": {"knee_in": 14.0},
    "back_rounding": {"pelvis_pitch": 8.0, "lumbar_flex": 14.0, "thorax_flex": 45.0,
                      "neck_flex": 25.0},
    "arms_not_overhead": {"arm_flex": 95.0},
}

SCRIPT = Script(
    start=STANDING, turn=BOTTOM,
    tempo=Tempo(down_s=2.0, pause_s=0.6, up_s=1.5, rest_s=0.5),
    sets=(SetPlan("both", 10),),
    faults=FAULTS,
)


def _pole_or_reach(dims: Dimensions, pose: Pose, c: Controls) -> dict[str, float]:
    """Hands on the pole a little below the shoulders, blended to arms raised overhead once
    the squat is nearly at the bottom (the hands let go only there)."""
    u = float(np.clip((c.get("reach", 0.0) - 0.75) / 0.25, 0.0, 1.0))
    u = u * u * (3 - 2 * u)
    skeleton = forward_kinematics(dims, pose)
    angles: dict[str, float] = {}
    for side, s in SIDES.items():
        shoulder = skeleton.points[f"shoulder_{side}"]
        wrist = np.array([s * 0.035, shoulder[1] - 0.14 * dims.height, POLE_Z_M - 0.03])
        held = arm_angles(dims, pose, side, wrist, np.array([s * 0.6, -1.0, -0.3]))
        up = {f"shoulder_flex_{side}": c.get("arm_flex", 172.0), f"shoulder_abd_{side}": 8.0,
              f"shoulder_rot_{side}": 0.0, f"elbow_flex_{side}": 4.0}
        angles.update({k: held[k] * (1 - u) + up[k] * u for k in held})
    return angles


def pole(camera: Camera, skeleton: Skeleton):
    """A vertical pole (door-frame post) in front of the person, floor to ceiling."""
    ends = np.array([[0.0, 0.0, POLE_Z_M + 0.03], [0.0, 2.3, POLE_Z_M + 0.03]])
    depth = float(camera.to_camera(ends.mean(axis=0)[None])[0, 2])

    def draw(image) -> None:
        xy, z = camera.project(ends)
        r = camera.focal_px * POLE_RADIUS_M / z
        shaded_tube(image, xy[0], xy[1], float(r[0]), float(r[1]), WOOD)

    return depth, draw


PROP = pole


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """Both legs work together, so ``side`` is always "both"."""
    return standing_pose(dims, controls, lambda d, p: _pole_or_reach(d, p, controls))
