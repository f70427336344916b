"""Exercise-ball hamstring curl: hips held up in a bridge, heels roll a ball out and back.

The clip shows the person on their back, shoulder blades on the floor, arms along the sides,
heels on top of a large exercise ball. Between reps they hold a bridge with the knees bent
about 90 deg and the ball close; each rep rolls the ball away until the legs are straight and
shoulders, hips and heels form one line, then curls it back, the hips staying up throughout.

Fault (override at the straight-leg point of the rep):

* ``hips_sagging``: the hips drop most of the way toward the floor instead of staying lifted.
"""

from __future__ import annotations

import numpy as np

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .floor_props import sphere_prop
from .supine import planted_leg, supine_pose

BALL_R_M = 0.3     # a 60 cm exercise ball
SOLE_M = 0.035     # ankle joint above the ball's top when the heel rests on it


def _ball_centre(skeleton) -> np.ndarray:
    heels = (skeleton.points["heel_l"] + skeleton.points["heel_r"]) / 2
    return np.array([heels[0], BALL_R_M, heels[2] + 0.02])


CURLED = {"hip_height": 0.17, "foot_z": 0.56, "foot_y": 0.39, "sole_pitch": 55.0,
          "knee_in": 0.0}
# straight legs: heels on the ball's top, on the line from the shoulders through the hips
EXTENDED = {**CURLED, "hip_height": 0.17, "foot_z": 0.74, "sole_pitch": 35.0}

FAULTS = {"hips_sagging": {"hip_height": 0.09}}

PROP = sphere_prop(_ball_centre, BALL_R_M, (60.0, 150.0, 60.0))
CAMERA = {"distance": 1.2, "eye_height": 1.4, "aim_height": 0.0}

SCRIPT = Script(
    start=CURLED, turn=EXTENDED,
    tempo=Tempo(down_s=1.3, pause_s=0.3, up_s=1.3, rest_s=0.3),
    sets=(SetPlan("both", 12), SetPlan("both", 12), SetPlan("both", 12)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """Both legs work together, so ``side`` is always "both"."""
    c = {**controls, "foot_y": (2 * BALL_R_M + SOLE_M) / dims.height}

    def legs(d: Dimensions, pose: Pose) -> dict[str, float]:
        return {**planted_leg(d, pose, "l", c), **planted_leg(d, pose, "r", c)}
    return supine_pose(dims, c, legs)
