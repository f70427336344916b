"""Single-leg deadlift: dumbbells in both hands, hinge on one leg, free leg reaches back.

The clip shows the person standing on the working (stance) leg, the other foot just off the
floor. Each rep tips the whole trunk forward to nearly horizontal while the free leg rises
behind, straight and in line with the back, the stance knee softening a little and the
dumbbells hanging toward the floor; then the trunk comes back up. ``side`` "left" means the
left leg stands and works. Faults, named like the form rules:

* ``back_rounding``: the upper and lower back flex so the shoulders curl toward the hips and
  the pelvis tips less;
* ``hip_opening``: the free leg's side of the pelvis turns up toward the ceiling and the leg
  turns out, so the hips are no longer square to the floor;
* ``leg_out_of_line``: the free leg hangs well below the trunk's line with the knee bent.
"""

from __future__ import annotations

import numpy as np

from ..body import Dimensions, Pose, Skeleton
from ..camera import Camera
from ..draw import projected_ellipse, shaded_ellipse
from ..motion import Controls, Script, SetPlan, Tempo
from .single_leg import hanging_arms, single_leg_pose

START = {"knee_flex": 8.0, "shank_tilt": 4.0, "hinge": 2.0, "lumbar_flex": 0.0,
         "thorax_flex": 2.0, "neck_flex": 0.0, "hip_open": 0.0, "free_hip_flex": 8.0,
         "free_hip_abd": 0.0, "free_hip_rot": 0.0, "free_knee": 25.0, "free_ankle": -10.0}
# The trunk stops a little above horizontal; the free leg (hip angle 0) continues its line.
TURN = {**START, "knee_flex": 22.0, "shank_tilt": 9.0, "hinge": 75.0, "neck_flex": -30.0,
        "free_hip_flex": -2.0, "free_knee": 4.0, "free_ankle": -20.0}

FAULTS = {
    "back_rounding": {"hinge": 50.0, "lumbar_flex": 22.0, "thorax_flex": 45.0,
                      "neck_flex": 10.0},
    "hip_opening": {"hip_open": 35.0, "free_hip_rot": -30.0, "free_hip_abd": 10.0},
    "leg_out_of_line": {"free_hip_flex": 45.0, "free_knee": 55.0},
}

SCRIPT = Script(
    start=START, turn=TURN,
    tempo=Tempo(down_s=1.8, pause_s=0.4, up_s=1.5, rest_s=0.5),
    sets=(SetPlan("left", 8), SetPlan("right", 8)),
    faults=FAULTS,
)

DUMBBELL_RADII = (0.1, 0.045, 0.045)  # an elongated shaded handle-and-plates silhouette
IRON = (60.0, 60.0, 66.0)


def dumbbells(camera: Camera, skeleton: Skeleton):
    """A dumbbell in each hand, across the palm; drawn behind the fingers."""
    p = skeleton.points
    centres = [(p[f"wrist_{s}"] + p[f"index_{s}"] + p[f"pinky_{s}"]) / 3 for s in "lr"]
    depth = max(float(camera.to_camera(c[None])[0, 2]) for c in centres) + 0.03

    def draw(image) -> None:
        for side, centre in zip("lr", centres):
            frame = skeleton.frames[f"wrist_{side}"]
            shaded_ellipse(image, *projected_ellipse(camera, centre, frame[:, [2, 1, 0]],
                                                              np.array(DUMBBELL_RADII)),
                           IRON)

    return depth, draw


PROP = dumbbells


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the stance (working) leg."""
    return single_leg_pose(dims, controls, side, hanging_arms)
