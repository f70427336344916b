"""Report data built from synthetic squats run through the real engine (no pose model)."""

from __future__ import annotations

import numpy as np
import pytest

from builders import IMAGE, squat_sequence
from trainer.cues import FormFault
from trainer.engine import ExerciseEngine, RepResult
from trainer.exercises import get_exercise
from trainer.report.analysis_report import Section
from trainer.report.timeline import SectionRecorder


def record_squats(recorder: SectionRecorder | None = None, **sequence) -> SectionRecorder:
    """Goblet squats through the engine into a recorder; each frame's picture is a flat grey
    whose brightness is its frame index (so a thumbnail tells which frame it came from)."""
    exercise = get_exercise("goblet_squat")
    recorder = recorder or SectionRecorder(exercise)
    engine = ExerciseEngine(exercise, 30.0)
    for pose in squat_sequence(**{"n_reps": 3, **sequence}):
        image = np.full((IMAGE[1], IMAGE[0], 3), pose.index % 256, np.uint8)
        recorder.on_frame(image, pose, engine.update(pose))
    for item in engine.result().reps[len(recorder.reps):]:
        recorder.on_result(item)
    return recorder


@pytest.fixture(scope="module")
def squats() -> SectionRecorder:
    """Three squats, the second with the knees caving in (the knee_valgus cue)."""
    return record_squats(knees_in_on=(2,))


def rep(index, side, start_s, *, rom=50.0, cues=()):
    """A two-second rep with the given range of motion and cues (each 20 deg against 10)."""
    faults = [FormFault(rule, f"cue for {rule}", 20.0, 10.0, "deg", start_s + 1, index, side, "side")
              for rule in cues]
    metrics = {"range_of_motion": rom, "tempo_down_s": 1.0, "tempo_up_s": 1.2, "pause_s": 0.3}
    return RepResult(index, side, start_s, start_s + 1.0, start_s + 2.0, "side", metrics, faults, [])


@pytest.fixture
def deadlifts() -> Section:
    """A one-sided exercise with a weaker right leg: less range and more cues on the right."""
    reps = [(1, rep(1, "left", 0.0, rom=70.0)), (1, rep(2, "left", 3.0, rom=72.0)),
            (1, rep(3, "right", 6.0, rom=50.0, cues=("back_rounding",))),
            (2, rep(1, "right", 60.0, rom=54.0, cues=("back_rounding", "leg_out_of_line")))]
    return Section(get_exercise("single_leg_deadlift"), reps=reps)
