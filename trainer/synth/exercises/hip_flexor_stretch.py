"""Half-kneeling hip flexor stretch: back knee down, pelvis tucked, a slight lean forward.

The clip shows the person half kneeling, hands on the hips: one knee on the floor under (a
little behind) the hip, the other foot flat in front with both knees near 90 deg. Each hold
tucks the pelvis under and shifts the hips a little forward and down, stretching the front of
the KNEELING leg's hip, then eases back. ``side`` is that kneeling (stretched) leg: "left"
means the left knee is down and the right foot is in front. 3 holds of 30 s per leg.

Faults (overrides of the held position, put on the holds they are asked for, numbered from 1):

* ``front_knee_past_toes``: the front shin leans far forward, the knee well past the ankle;
* ``arched_back``: the pelvis tips forward and the lower back arches instead of tucking.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .kneeling import half_kneeling_pose

UPRIGHT = {"back_tilt": 2.0, "front_shin": 2.0, "pelvis_pitch": 0.0, "lumbar_flex": 0.0,
           "thorax_flex": 0.0}
STRETCH = {"back_tilt": 18.0, "front_shin": 12.0, "pelvis_pitch": -10.0, "lumbar_flex": 6.0,
           "thorax_flex": 8.0}

FAULTS = {
    "front_knee_past_toes": {"front_shin": 38.0, "back_tilt": 30.0},
    "arched_back": {"pelvis_pitch": 18.0, "lumbar_flex": -22.0, "thorax_flex": -6.0},
}

CAMERA = {"distance": 1.6, "eye_height": 0.45, "aim_height": 0.3}

SCRIPT = Script(
    start=UPRIGHT, turn=STRETCH,
    tempo=Tempo(down_s=2.0, pause_s=0.0, up_s=1.5, rest_s=1.5),
    sets=(SetPlan("left", 3, 30.0), SetPlan("right", 3, 30.0)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the kneeling leg, whose hip flexors stretch."""
    return half_kneeling_pose(dims, controls, "l" if side == "left" else "r")
