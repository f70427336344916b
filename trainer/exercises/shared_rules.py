"""Form rules several exercises share, with the reasoning stated once."""

from __future__ import annotations

from ..cues import FormRule, Phase
from ..geometry import View


def back_rounding(cue: str = "Keep your back flat") -> FormRule:
    return FormRule(
        id="back_rounding", title="Back rounds", cue=cue,
        metric="upper_back_bend", limit=32.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({View.SIDE}), priority=0,
        measures="how far the ear drops forward of the hip-shoulder line at the bottom (side view)",
        why="a flat back keeps ear, shoulder and hip within about 25 deg of one line even when "
            "looking slightly down; past 32 deg the upper back and head have curled forward")


def front_knee_past_toes(cue: str) -> FormRule:
    return FormRule(
        id="knee_past_toes", title="Front knee past the toes", cue=cue,
        metric="shin_lean_{side}", limit=30.0, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({View.SIDE}), priority=1,
        measures="how far the front shin leans forward from vertical at the bottom (side view)",
        why="the routine wants the knee over the ankle or toes: with the toes about a third of a "
            "shank ahead of the ankle, a knee right over them tips the shin about 20 deg; past "
            "30 deg the knee is some 10 cm beyond them. Read from knee and ankle, which the model "
            "places more surely than the toe point of a foot seen end-on or hidden")
