"""Glute star: side-lying on a forearm, knees bent 90 deg, lift the hips, then the top leg.

The clip shows the person lying on one side, propped on the bottom forearm, the top hand on
the hip, knees bent 90 deg with the thighs in line with the trunk. Each rep lifts the hips
off the floor (knees and forearm stay down), raises the top knee toward the ceiling while the
hips stay up, then lowers the leg and the hips. ``side`` is the TOP (working) leg: "left"
means lying on the right side. The band above the knees is left out.

Faults (overrides at the top of the rep):

* ``hips_down``: the hips stay on the floor while the top leg lifts;
* ``leg_not_raised``: the hips lift but the top knee barely rises.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .side_lying import side_lying_pose

DOWN = {"hip_height": 0.1, "top_lift": 0.0}
UP = {"hip_height": 0.2, "top_lift": 40.0}

FAULTS = {
    "hips_down": {"hip_height": 0.1},
    "leg_not_raised": {"top_lift": 6.0},
}

CAMERA = {"distance": 1.5, "eye_height": 0.6, "aim_height": 0.15}

SCRIPT = Script(
    start=DOWN, turn=UP,
    tempo=Tempo(down_s=1.5, pause_s=0.6, up_s=1.5, rest_s=0.5),
    sets=(SetPlan("left", 8), SetPlan("right", 8), SetPlan("left", 8), SetPlan("right", 8)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the top leg, the one that lifts."""
    return side_lying_pose(dims, controls, "l" if side == "left" else "r")
