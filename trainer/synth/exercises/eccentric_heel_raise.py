"""Eccentric heel raise: facing a wall, rise on both toes, lift one foot, lower on one leg.

The clip shows the person facing a wall (drawn where it hides nobody), the free leg's hand
on it and the other hand on the hip. Each rep: the free foot comes up behind with the knee
bent to about 90 deg and the standing leg rises onto the ball of the foot (the top is the
turning point); then the standing heel lowers slowly, about 2-3 s, on that one leg while the
free foot stays up, and only when the heel is down does the free foot return to the floor.
``side`` "left" means the left heel does the lowering (the left leg stands).

One progress control (``rise``, 0 = flat on both feet, 1 = the top) drives both the heel and
the free foot, so the way up lifts the foot slightly before the heel has risen; the slow way
down, which is what the exercise trains, is in the right order. Fault:

* ``fast_lowering``: the standing heel drops in about half a second right after the top,
  then the person waits flat-footed on one leg before setting the other foot down.
"""

from __future__ import annotations

import numpy as np

from ..body import SIDES, Dimensions, Pose, Skeleton, forward_kinematics
from ..camera import Camera
from ..draw import fill_polygon, shade
from ..ik import arm_angles, leg_angles
from ..motion import Controls, Script, SetPlan, Tempo
from .single_leg import OTHER, hips_arms, single_leg_pose, stance_ankle, stance_code

HEEL_LIFT_DEG = 32.0
FOOT_UP_BY = 0.15        # share of the progress spent lifting / setting down the free foot
WALL_Z_M = 0.5           # wall face, in front of the ankles
LIFTED = {"hip_flex": 10.0, "knee_flex": 90.0, "ankle_flex": -25.0}

SCRIPT = Script(
    start={"rise": 0.0}, turn={"rise": 1.0},
    tempo=Tempo(down_s=1.0, pause_s=0.4, up_s=3.2, rest_s=0.6),
    sets=(SetPlan("left", 12), SetPlan("right", 12)),
    # rise pinned: each rep's random depth would otherwise keep a fast rep's heel on the floor
    faults={"fast_lowering": {"fast": 1.0, "rise": 1.0}},
)


def _phases(c: Controls) -> tuple[float, float]:
    """(heel share 0..1, free-foot lift 0..1) at the progress ``rise``."""
    p = float(np.clip(c.get("rise", 0.0), 0.0, 1.0))
    lift = float(np.clip(p / FOOT_UP_BY, 0.0, 1.0))
    low = FOOT_UP_BY + (0.94 - FOOT_UP_BY) * c.get("fast", 0.0)  # fast: heel down at once
    heel = float(np.clip((p - low) / (1.0 - low), 0.0, 1.0))
    smooth = lambda u: u * u * (3 - 2 * u)  # noqa: E731 - zero speed at both ends
    return smooth(heel), smooth(lift)


def _wall_arms(dims: Dimensions, pose: Pose, stance: str) -> dict[str, float]:
    """The free side's hand flat on the wall at shoulder height, the other on the hip."""
    angles = hips_arms(dims, pose, stance)
    free = OTHER[stance]
    shoulder = forward_kinematics(dims, pose).points[f"shoulder_{free}"]
    wrist = np.array([SIDES[free] * 0.14 * dims.height, shoulder[1] - 0.04, WALL_Z_M - 0.03])
    angles.update(arm_angles(dims, pose, free, wrist, np.array([SIDES[free], -1.0, 0.0])))
    return angles


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the standing leg, whose heel lowers."""
    heel, lift = _phases(controls)
    c = {**controls, "heel_lift": HEEL_LIFT_DEG * heel, "knee_flex": 3.0, "shank_tilt": 3.0}
    pose = single_leg_pose(dims, c, side, _wall_arms)
    free = OTHER[stance_code(side)]
    ankle, foot = stance_ankle(dims, c, SIDES[free])
    planted = leg_angles(dims, pose, free, ankle, foot, np.array([0.0, 0.0, 1.0]))
    angles = dict(pose.angles)
    for name, value in planted.items():
        lifted = LIFTED.get(name[:-2], 0.0)
        angles[name] = value * (1 - lift) + lifted * lift
    return Pose(angles, pose.root_pos, pose.root_rot)


def wall(camera: Camera, skeleton: Skeleton):
    """The wall's edge in front of the person; left out when the camera stands beyond it."""
    corners = np.array([[x, y, z] for x in (-1.2, 0.25) for y in (0.0, 2.3)
                        for z in (WALL_Z_M, WALL_Z_M + 0.12)])

    def draw(image) -> None:
        if camera.position[2] > WALL_Z_M:  # it would stand between the camera and the person
            return
        import cv2
        xy, _ = camera.project(corners)
        hull = cv2.convexHull(xy.astype(np.float32))[:, 0]
        fill_polygon(image, hull, shade((205, 200, 190), 0.85))

    return 1e6, draw


PROP = wall
