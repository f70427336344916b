"""Half pigeon: one shin across the body on the floor, the other leg straight back.

The clip shows the person coming down from a higher hip position into half pigeon: the front
leg's knee on the floor ahead of its hip with the shin lying across the body, the back leg
extended behind with knee and top of the foot down, the trunk leaning forward over the front
leg with the hands on the floor. Each hold lets the hips settle low toward the front shin.
``side`` is the FRONT leg (the one folded in front). 3 holds of 30 s per leg.

Fault (override of the held position, put on the holds it is asked for, numbered from 1):

* ``hips_high``: the hips stay propped well above the front shin instead of settling.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .kneeling import pigeon_pose

ENTRY = {"hip_height": 0.2, "lean": 20.0}
SETTLED = {"hip_height": 0.12, "lean": 35.0}

FAULTS = {"hips_high": {"hip_height": 0.22}}

CAMERA = {"distance": 1.5, "eye_height": 0.6, "aim_height": 0.15}

SCRIPT = Script(
    start=ENTRY, turn=SETTLED,
    tempo=Tempo(down_s=2.5, pause_s=0.0, up_s=2.0, rest_s=1.5),
    sets=(SetPlan("left", 3, 30.0), SetPlan("right", 3, 30.0)),
    faults=FAULTS,
)


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the front (folded) leg."""
    return pigeon_pose(dims, controls, "l" if side == "left" else "r")
