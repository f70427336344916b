"""Lizard to half split: from a low lunge with the back knee down, hips shift back over the
back knee and the front leg straightens.

The clip starts each hold in lizard: back knee and top of the back foot down, front foot
flat outside its hand, hips low and forward, both hands on the floor. It then walks the
hands back and moves the hips back above the back knee while the front knee straightens and
the front toes lift (heel down): the half split, held, before sliding forward again.
``side`` is the FRONT leg (the one stretched in the half split). 3 holds per leg.

Fault (override of the held position, put on the holds it is asked for, numbered from 1):

* ``front_knee_bent``: the front knee stays clearly bent in the half split.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .kneeling import low_lunge_pose

LIZARD = {"back_tilt": 40.0, "front_reach": 0.3, "front_out": 0.1, "sole_pitch": 0.0,
          "lean": 55.0, "hands_back": 0.02}
HALF_SPLIT = {"back_tilt": 0.0, "front_reach": 0.5, "front_out": 0.03, "sole_pitch": 60.0,
              "lean": 60.0, "hands_back": 0.2}

FAULTS = {"front_knee_bent": {"front_reach": 0.36}}

CAMERA = {"distance": 1.6, "eye_height": 0.35, "aim_height": 0.15}

SCRIPT = Script(
    start=LIZARD, turn=HALF_SPLIT,
    tempo=Tempo(down_s=2.5, pause_s=0.0, up_s=2.0, rest_s=1.5),
    sets=(SetPlan("left", 3, 30.0), SetPlan("right", 3, 30.0)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the front leg; the other knee is down."""
    return low_lunge_pose(dims, controls, "r" if side == "left" else "l")
