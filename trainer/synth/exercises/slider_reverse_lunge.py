"""Slider reverse lunge: one foot glides straight back on a slider while the other leg bends.

The person starts with the feet hip-width apart, hands on the hips, the moving foot's toes on a
slider (a flat grey disc). Each rep slides that foot back, its heel rising, while the standing
leg bends to about 90 deg with the knee kept above the ankle, then pulls it forward again.
``side`` is the standing (front) leg, which works; the sets go 12 left, 12 right, twice.
Faults, on the rep they are put on:

* ``knee_past_toes``: the standing shin leans ~38 deg, driving the knee well past the toes;
* ``shallow_depth``: the standing knee bends only ~50 deg, the back foot slides half as far.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from ..body import Dimensions, Pose, Skeleton
from ..camera import Camera
from ..draw import projected_ellipse, shaded_ellipse
from ..motion import Controls, Script, SetPlan, Tempo
from .single_leg import hips_arms
from .split_stance import split_pose

# The slider foot starts 1-2 cm behind the other so the slider always knows which foot it is.
START = {"front_z": 0.0, "stride": 0.012, "width": 0.12, "back_heel": 0.0, "knee_flex": 4.0,
         "shank_tilt": 1.0, "knee_in": 0.0, "toe_out": 5.0, "pelvis_pitch": 3.0,
         "lumbar_flex": 0.0, "thorax_flex": 2.0, "neck_flex": 0.0}
BOTTOM = {**START, "stride": 0.47, "back_heel": 72.0, "knee_flex": 95.0, "shank_tilt": 6.0,
          "pelvis_pitch": 8.0}

FAULTS = {
    "knee_past_toes": {"shank_tilt": 38.0, "knee_flex": 100.0, "stride": 0.36,
                       "back_heel": 55.0},
    "shallow_depth": {"knee_flex": 50.0, "shank_tilt": 4.0, "stride": 0.3, "back_heel": 40.0},
}

SCRIPT = Script(
    start=START, turn=BOTTOM,
    tempo=Tempo(down_s=1.5, pause_s=0.3, up_s=1.3, rest_s=0.4),
    sets=(SetPlan("left", 12), SetPlan("right", 12), SetPlan("left", 12), SetPlan("right", 12)),
    faults=FAULTS,
)

DISC = (150.0, 150.0, 155.0)
DISC_RADII = np.array([0.09, 0.008, 0.09])


def slider(camera: Camera, skeleton: Skeleton) -> tuple[float, Callable[[np.ndarray], None]]:
    """A flat disc on the floor under the toes of the back foot."""
    p = skeleton.points
    back = "l" if p["toe_l"][2] < p["toe_r"][2] else "r"
    centre = np.array([p[f"toe_{back}"][0], 0.008, p[f"toe_{back}"][2] - 0.03])
    depth = float(camera.to_camera(centre[None])[0, 2]) + 0.1  # under the shoe

    def draw(image: np.ndarray) -> None:
        shaded_ellipse(image, *projected_ellipse(camera, centre, np.eye(3), DISC_RADII), DISC)

    return depth, draw


PROP = (slider,)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the standing leg; the other foot slides."""
    return split_pose(dims, controls, side, hips_arms)
