"""Jab step: feet together in a held half squat, one foot taps out to the side and back.

The person sinks into a half squat with the feet close together and hands on the hips, and
stays that low for the whole set while one foot jabs out sideways about a shoulder-width and a
half, touches the floor and returns beside the other. ``side`` is the tapping leg; the sets
go 10 left, 10 right, twice. Fault, on the rep it is put on:

* ``standing_up``: during the tap the standing knee straightens to ~15 deg, the hips rise out
  of the half squat, and sink again as the foot comes back.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .single_leg import hips_arms
from .split_stance import lateral_pose

OTHER_SIDE = {"left": "right", "right": "left"}

# Built by ``lateral_pose`` from the standing leg: its foot stays put while ``trail_x`` (the
# tapping foot's distance from the midline) and ``step`` (the feet's distance) grow together.
START = {"trail_x": 0.06, "step": 0.12, "hip_in": 0.0, "knee_flex": 60.0, "shank_tilt": 22.0,
         "knee_in": 0.0, "toe_out": 8.0, "pelvis_pitch": 25.0, "lumbar_flex": 0.0,
         "thorax_flex": 2.0, "neck_flex": -12.0}
TAP = {**START, "trail_x": 0.30, "step": 0.36, "hip_in": 0.015}

FAULTS = {"standing_up": {"knee_flex": 15.0, "shank_tilt": 5.0, "pelvis_pitch": 6.0,
                          "trail_x": 0.19, "step": 0.25,
                          "neck_flex": 0.0}}

SCRIPT = Script(
    start=START, turn=TAP,
    tempo=Tempo(down_s=0.5, pause_s=0.15, up_s=0.5, rest_s=0.3),
    sets=(SetPlan("left", 10), SetPlan("right", 10), SetPlan("left", 10), SetPlan("right", 10)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the tapping leg; the builder is given the standing leg."""
    return lateral_pose(dims, controls, OTHER_SIDE.get(side, "right"), hips_arms)
