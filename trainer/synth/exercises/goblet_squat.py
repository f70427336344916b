"""Goblet squat: kettlebell at the chest, hips back and down to thighs parallel, stand tall.

Clean rep: knees bend to about 120 deg (thighs near parallel) with the shins leaning about 30 deg (knees over the
toes), the trunk leans about 35 deg and the eyes stay forward. Faults, named like the form
rules in ``trainer.exercises.goblet_squat``, replace part of the turning point:

* ``shallow_depth``: the turn stops at about 65 deg of knee bend, thighs far above parallel;
* ``knee_valgus``: the knees turn in well inside the feet in the lower part of the rep;
* ``knees_past_toes``: the shins lean 45 deg so the knees pass the toes, heels down;
* ``chest_drop``: the pelvis and lower back pitch the trunk about 60 deg from vertical;
* ``back_rounding``: the upper back (thorax) and lower back flex, the pelvis tucks under.
"""

from __future__ import annotations

from ..body import Dimensions, Pose
from ..motion import Controls, Script, SetPlan, Tempo
from .standing import goblet_arms, standing_pose

STANDING = {"knee_flex": 4.0, "shank_tilt": 2.0, "pelvis_pitch": 3.0, "lumbar_flex": 0.0,
            "thorax_flex": 2.0, "neck_flex": 0.0, "knee_in": 0.0, "stance": 0.2, "toe_out": 15.0}
BOTTOM = {**STANDING, "knee_flex": 120.0, "shank_tilt": 31.0, "pelvis_pitch": 27.0,
          "lumbar_flex": 6.0, "thorax_flex": 3.0, "neck_flex": -22.0}

FAULTS = {
    "shallow_depth": {"knee_flex": 65.0, "shank_tilt": 18.0, "pelvis_pitch": 14.0,
                      "neck_flex": -10.0},
    "knee_valgus": {"knee_in": 13.0},
    "knees_past_toes": {"shank_tilt": 45.0, "pelvis_pitch": 16.0, "lumbar_flex": 3.0},
    "chest_drop": {"pelvis_pitch": 46.0, "lumbar_flex": 14.0, "neck_flex": -30.0},
    "back_rounding": {"pelvis_pitch": 0.0, "lumbar_flex": 10.0, "thorax_flex": 50.0,
                      "neck_flex": 38.0},
}

PROP = "kettlebell"

SCRIPT = Script(
    start=STANDING, turn=BOTTOM,
    tempo=Tempo(down_s=1.5, pause_s=0.3, up_s=1.2, rest_s=0.5),
    # The routine asks for 12-15 reps; five keep a demo clip short and still show a pattern.
    sets=(SetPlan("both", 5),),
    faults=FAULTS,
)



def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """Both legs work together, so ``side`` is always "both"."""
    return standing_pose(dims, controls, goblet_arms)
