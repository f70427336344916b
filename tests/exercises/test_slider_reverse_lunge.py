"""Slider reverse lunge: the front shin is read from the picture, not from the model's sides."""

import math

import numpy as np
import pytest

from tests.builders import SHANK, THIGH, squat_world, to_frame
from trainer.exercises import lunge_measures
from trainer.exercises.slider_reverse_lunge import EXERCISE
from trainer.pose import Landmark as L


def lunge_frame(front: str, front_lean_deg: float, visibility: float = 0.99):
    """Side view of a lunge at the bottom: the ``front`` leg's shin leans forward by
    ``front_lean_deg``, the other knee sits just above the floor behind, its shin near flat."""
    world = squat_world(0.0)
    back = "right" if front == "left" else "left"
    lean = math.radians(front_lean_deg)
    legs = {front: (0.35, np.array([0.0, math.cos(lean), math.sin(lean)])),
            back: (-0.45, np.array([0.0, 0.15, 0.99]))}
    for side, (ankle_z, shin) in legs.items():
        name = side.upper()
        ankle = np.array([0.0, 0.08, ankle_z])
        knee = ankle + SHANK * shin / np.linalg.norm(shin)
        world[L[f"{name}_ANKLE"]] = ankle
        world[L[f"{name}_KNEE"]] = knee
        world[L[f"{name}_HIP"]] = knee + [0.0, THIGH, 0.0] if side == back else [0.0, 0.6, 0.0]
    return to_frame(world, 0.0, 0, view="side", visibility=visibility)


@pytest.mark.parametrize("front", ["left", "right"])
@pytest.mark.parametrize("lean", [5.0, 40.0])
def test_front_shin_lean_reads_the_upright_shin_whichever_side_is_front(front, lean):
    assert lunge_measures.front_shin_lean(lunge_frame(front, lean)) == pytest.approx(lean, abs=1.0)


def test_front_shin_lean_needs_both_shins_seen_surely():
    # a leg the model half loses behind the other could be either leg
    assert math.isnan(lunge_measures.front_shin_lean(lunge_frame("left", 5.0, visibility=0.5)))


def test_knee_past_toes_judges_the_typical_lean_at_the_bottom():
    rule = next(r for r in EXERCISE.rules if r.id == "knee_past_toes")
    measure = EXERCISE.rep_measures[rule.metric.removeprefix("rep:")]
    depth = np.concatenate([np.linspace(0, 0.5, 20), np.full(20, 0.5), np.linspace(0.5, 0, 20)])
    upright = np.full(60, 5.0)
    flicker = upright.copy()
    flicker[26:34] = 45.0          # the model slides the front ankle back for a moment
    held = upright.copy()
    held[14:46] = 40.0             # the knee pushed past the toes through the bottom
    lost = np.full(60, np.nan)     # the front shin never seen surely
    lean = {"flicker": flicker, "held": held, "lost": lost}
    value = {k: measure({"hip_drop": depth, "front_shin_lean": v}) for k, v in lean.items()}
    assert not rule.is_fault(value["flicker"])
    assert rule.is_fault(value["held"])
    assert math.isnan(value["lost"])
