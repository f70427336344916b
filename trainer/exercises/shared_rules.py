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
        metric="knee_ahead_of_toes_{side}", limit=0.4, fault_when="above", phase=Phase.BOTTOM,
        views=frozenset({View.SIDE}), priority=1, unit="foot",
        measures="how far the front knee travels in front of the front toes, in foot lengths",
        why="the routine wants the knee over the ankle or toes; a deep lunge may edge a little "
            "past them, 0.4 of a foot (about 10 cm) is clearly beyond")
