"""Banded split squat: one foot forward, the back foot far behind on its toes, hands on the hips.

A looped band round the front knee pulls it sideways toward the back leg's side (the anchor is
drawn as a thin line to a post at knee height). Each rep drops the hips straight down until
the back knee almost brushes the floor, the front shin stays near vertical and the trunk
upright, then the person pushes back up. ``side`` is the FRONT leg, which does the work; the
sets go 10 left, 10 right, twice. Faults, on the rep they are put on:

* ``shallow_depth``: the descent stops with the front knee bent only ~55 deg, the back knee
  still far above the floor;
* ``knee_past_toes``: the front shin leans ~40 deg so the knee travels well past the toes;
* ``knee_valgus``: the band wins and the front knee caves in toward the midline;
* ``torso_lean``: the pelvis and back tip the trunk ~40 deg forward.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from ..body import Dimensions, Pose, Skeleton
from ..camera import Camera
from ..draw import polyline, shaded_ellipse, projected_ellipse
from ..motion import Controls, Script, SetPlan, Tempo
from .single_leg import hips_arms
from .split_stance import split_pose

# Feet a long stride apart, centred front-to-back on the origin so both views frame them.
START = {"front_z": 0.22, "stride": 0.47, "width": 0.11, "back_heel": 45.0, "knee_flex": 12.0,
         "shank_tilt": -16.0, "knee_in": 0.0, "toe_out": 5.0, "pelvis_pitch": 2.0,
         "lumbar_flex": 0.0, "thorax_flex": 2.0, "neck_flex": 0.0}
BOTTOM = {**START, "knee_flex": 100.0, "shank_tilt": 8.0, "back_heel": 75.0,
          "pelvis_pitch": 6.0}

FAULTS = {
    "shallow_depth": {"knee_flex": 55.0, "shank_tilt": 6.0, "back_heel": 52.0},
    "knee_past_toes": {"shank_tilt": 40.0, "knee_flex": 100.0, "back_heel": 50.0},
    "knee_valgus": {"knee_in": 16.0},
    "torso_lean": {"pelvis_pitch": 34.0, "lumbar_flex": 10.0, "thorax_flex": 8.0,
                   "neck_flex": -20.0},
}

SCRIPT = Script(
    start=START, turn=BOTTOM,
    tempo=Tempo(down_s=1.4, pause_s=0.3, up_s=1.1, rest_s=0.4),
    sets=(SetPlan("left", 10), SetPlan("right", 10), SetPlan("left", 10), SetPlan("right", 10)),
    faults=FAULTS,
)

BAND = (200.0, 90.0, 60.0)  # BGR: a blue band
POST = (90.0, 90.0, 96.0)
ANCHOR_OUT_M = 0.9
ANCHOR_HEIGHT_M = 0.5


def band(camera: Camera, skeleton: Skeleton) -> tuple[float, Callable[[np.ndarray], None]]:
    """A band from the front knee (the forward one) to a post beside the back leg's side."""
    p = skeleton.points
    front, back = ("l", "r") if p["knee_l"][2] > p["knee_r"][2] else ("r", "l")
    knee = p[f"knee_{front}"]
    out = np.sign(p[f"hip_{back}"][0] - p[f"hip_{front}"][0])
    anchor = np.array([out * ANCHOR_OUT_M, ANCHOR_HEIGHT_M, knee[2]])  # a post at knee height
    depth = float(camera.to_camera(((knee + anchor) / 2)[None])[0, 2])

    def draw(image: np.ndarray) -> None:
        xy, z = camera.project(np.array([knee, anchor]))
        polyline(image, xy, BAND, max(2.0, camera.focal_px * 0.012 / float(z.mean())))
        shaded_ellipse(image, *projected_ellipse(camera, anchor, np.eye(3),
                                                 np.array([0.03, 0.04, 0.03])), POST)

    return depth, draw


PROP = (band,)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the front leg."""
    return split_pose(dims, controls, side, hips_arms)
