"""`trainer synth` renders every exercise of the routine, from the front and the side."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from trainer.cli import cli
from trainer.recognize_train import routine_name
from trainer.routine import ROUTINE_EXERCISE_IDS
from trainer.synth.exercises import EXERCISES


def test_the_generator_has_a_script_for_every_routine_exercise():
    variants = {name: routine_name(name) for name in EXERCISES if routine_name(name) != name}
    assert sorted(set(EXERCISES) - set(variants)) == sorted(ROUTINE_EXERCISE_IDS)
    # the others are variants people do (a calf raise on both feet) of routine exercises
    assert variants and set(variants.values()) <= set(ROUTINE_EXERCISE_IDS)


@pytest.mark.parametrize("view", ["front", "side"])
@pytest.mark.parametrize("exercise", sorted(EXERCISES))
def test_synth_command_renders_each_exercise(tmp_path, exercise, view):
    out = tmp_path / f"{exercise}.mp4"
    result = CliRunner().invoke(cli, ["synth", "--exercise", exercise, "--view", view,
                                      "--reps", "1", "--size", "160x90", "--fps", "8",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    labels = json.loads(out.with_suffix(".json").read_text())
    assert labels["exercise"] == exercise and labels["view"] == view
    assert out.stat().st_size > 0 and labels["n_frames"] > 8
    assert labels["reps"] or labels["holds"]


def test_synth_command_rejects_an_unknown_fault_in_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["synth", "--exercise", "goblet_squat", "--fault",
                                      "wobbly_ears@2", "-o", str(tmp_path / "x.mp4")])
    assert result.exit_code != 0
    assert "wobbly_ears" in result.output and "Traceback" not in result.output
