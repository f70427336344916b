"""Single-leg exercise-ball squat: free knee pressing a ball on a side wall, mini squat.

The clip shows the person side-on to a wall (on the free leg's side), the free knee lifted to
about hip height and pressed outward into a ball held against the wall, hands on the hips.
Each rep is a mini squat on the standing leg (knee to about 55 deg, the knee staying over
the ankle, chest up); the ball rolls down the wall with the knee. ``side`` "left" means the
left leg stands and squats. The ball is drawn football-sized so it never covers the legs.
Faults, named like the form rules:

* ``knee_valgus``: the standing knee turns in well inside the foot's line at the bottom;
* ``knee_past_toes``: the shin leans about 38 deg so the knee travels past the toes;
* ``chest_drop``: the pelvis and lower back tip the trunk about 50 deg forward.
"""

from __future__ import annotations

import numpy as np

from ..body import Dimensions, Pose, Skeleton
from ..camera import Camera
from ..draw import fill_polygon, projected_ellipse, shade, shaded_ellipse
from ..motion import Controls, Script, SetPlan, Tempo
from .single_leg import hips_arms, single_leg_pose

BALL_RADIUS_M = 0.12
BALL = (200.0, 90.0, 60.0)
WALL = (205.0, 200.0, 190.0)

START = {"knee_flex": 5.0, "shank_tilt": 2.0, "hinge": 4.0, "lumbar_flex": 0.0,
         "thorax_flex": 2.0, "neck_flex": 0.0, "knee_in": 0.0, "free_hip_flex": 80.0,
         "free_knee": 90.0, "free_hip_abd": 14.0, "free_ankle": 0.0}
BOTTOM = {**START, "knee_flex": 55.0, "shank_tilt": 16.0, "hinge": 22.0, "neck_flex": -12.0,
          "free_hip_flex": 70.0}

FAULTS = {
    "knee_valgus": {"knee_in": 18.0},
    "knee_past_toes": {"shank_tilt": 38.0, "hinge": 12.0},
    "chest_drop": {"hinge": 50.0, "lumbar_flex": 12.0, "neck_flex": -30.0},
}

SCRIPT = Script(
    start=START, turn=BOTTOM,
    tempo=Tempo(down_s=1.5, pause_s=0.3, up_s=1.2, rest_s=0.5),
    sets=(SetPlan("left", 6), SetPlan("right", 6)),
    faults=FAULTS,
)


def _ball_centre(skeleton: Skeleton) -> tuple[np.ndarray, float]:
    """Centre of the ball just outside the lifted knee, and the outward sign along x."""
    p = skeleton.points
    free = "l" if p["ankle_l"][1] > p["ankle_r"][1] else "r"  # the lifted foot is higher
    out = float(np.sign(p[f"hip_{free}"][0] - p["pelvis"][0]))
    # against the outside of the thigh just above the knee, so the knee itself stays in sight
    contact = 0.75 * p[f"knee_{free}"] + 0.25 * p[f"hip_{free}"]
    return contact + np.array([out * (BALL_RADIUS_M + 0.08), 0.0, 0.0]), out


def ball(camera: Camera, skeleton: Skeleton):
    """The ball pressed between the lifted knee and the wall; it rolls with the knee."""
    centre, _ = _ball_centre(skeleton)

    def draw(image) -> None:
        shaded_ellipse(image, *projected_ellipse(camera, centre, np.eye(3),
                                                 np.full(3, BALL_RADIUS_M)), BALL)

    return float(camera.to_camera(centre[None])[0, 2]), draw


def wall(camera: Camera, skeleton: Skeleton):
    """The side wall the ball leans on, drawn behind everything; left out when the camera
    stands on its far side (it would hide the person)."""
    centre, out = _ball_centre(skeleton)
    wall_x = centre[0] + out * BALL_RADIUS_M
    corners = np.array([[wall_x + out * t, y, z] for t in (0.0, 0.1) for y in (0.0, 2.3)
                        for z in (-1.0, 1.0)])

    def draw(image) -> None:
        if camera.position[0] * out < abs(wall_x):
            import cv2
            xy, _ = camera.project(corners)
            fill_polygon(image, cv2.convexHull(xy.astype(np.float32))[:, 0], shade(WALL, 0.85))

    return 1e6, draw


PROP = (wall, ball)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the standing, squatting leg."""
    return single_leg_pose(dims, controls, side, hips_arms)
