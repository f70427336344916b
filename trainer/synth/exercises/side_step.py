"""Banded side step: a held quarter squat, the lead foot steps far out, the other follows.

Bands above the knees and ankles, feet a little wider than the hips, knees slightly bent and
hands on the hips. The lead foot steps out sideways as far as it goes and lands heel first
(the turn), then the trailing foot comes after it until the feet are back at the start width:
the body has moved one step along. ``side`` is the lead foot and the direction of travel; the
sets go 10 steps right, 10 back left, twice, so each pair of sets returns to where it began
(``motion.Travel``; the camera stands far enough back to keep the whole walk in the frame).
Faults, named like the form rules, on the rep they are put on:

* ``narrow_step``: the lead foot goes out only about 60% as far (a shuffle, not a step);
* ``standing_tall``: the knees straighten to ~6 deg and the hips rise out of the quarter squat
  during the step, sinking again as the feet close;
* ``bobbing``: the hips drop into a ~68 deg knee bend as the foot lands and rise again as the
  feet close, instead of staying at one height.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo, Travel
from .banded_walk import WALK_CAMERA, travel_shift, walk_pose

SQUAT = {"knee_flex": 34.0, "shank_tilt": 14.0, "toe_out": 8.0, "pelvis_pitch": 18.0,
         "lumbar_flex": 0.0, "thorax_flex": 2.0, "neck_flex": -8.0}
START = {"phase": 0.0, "width": 0.22, "follow": 1.0, "lift": 0.035, **SQUAT}
STEP = {"step_out": 0.17, "heel_first": 18.0}

FAULTS = {"narrow_step": {"step_out": 0.105},
          "standing_tall": {"knee_flex": 6.0, "shank_tilt": 2.0, "pelvis_pitch": 5.0,
                            "neck_flex": 0.0},
          "bobbing": {"knee_flex": 68.0, "shank_tilt": 26.0, "pelvis_pitch": 28.0}}

SCRIPT = Script(
    start=START, turn={**START, **STEP, "phase": 1.0},
    # the step's keys are left out so the lead foot stays where it landed (``motion.mix``)
    finish={**START, "phase": 2.0},
    tempo=Tempo(down_s=0.7, pause_s=0.15, up_s=0.6, rest_s=0.25),
    sets=(SetPlan("right", 10), SetPlan("left", 10), SetPlan("right", 10), SetPlan("left", 10)),
    faults=FAULTS,
    travel=Travel(travel_shift),
)
CAMERA = WALK_CAMERA


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the lead foot, the way the body travels."""
    return walk_pose(dims, controls, side)
