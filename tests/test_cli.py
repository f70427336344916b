"""The command line on bad input and its listing commands (no model run needed)."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

from trainer.cli import cli


def run_trainer(*args):
    """Run as a user would, to see exactly what reaches the terminal."""
    return subprocess.run([sys.executable, "-m", "trainer", *args], capture_output=True, text=True)


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("", "empty"),
    ("hello\n" * 100, "not a readable video"),   # a text file named .mp4
])
def test_bad_video_gives_one_line_and_nonzero_exit(tmp_path, content, message):
    path = tmp_path / "clip.mp4"
    if content is not None:
        path.write_text(content)
    result = run_trainer("analyze", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("trainer: error:")
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_exercise_lists_the_valid_ones(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", "x.mp4", "--exercise", "burpee"])
    assert result.exit_code == 2
    assert "unknown exercise 'burpee'" in result.output and "goblet_squat" in result.output


def test_missing_model_file_is_explained(tmp_path):
    video = tmp_path / "v.avi"
    import cv2
    import numpy as np
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (64, 48))
    writer.write(np.zeros((48, 64, 3), np.uint8))
    writer.release()
    result = run_trainer("analyze", str(video), "--model", str(tmp_path / "none.task"))
    assert result.returncode == 2
    assert "none.task" in result.stderr and "Traceback" not in result.stderr


def test_exercises_lists_rules_with_their_views():
    result = CliRunner().invoke(cli, ["exercises"])
    assert result.exit_code == 0
    assert "goblet_squat" in result.output and "knee_valgus [front]" in result.output


def test_markdown_catalogue_has_a_row_per_rule():
    from trainer.exercises import EXERCISES
    result = CliRunner().invoke(cli, ["exercises", "--markdown"])
    for exercise in EXERCISES.values():
        assert f"(`{exercise.id}`)" in result.output
        for rule in exercise.rules:
            assert f"| `{rule.id}` | {rule.cue} |" in result.output


def test_docs_rule_catalogue_is_current():
    """docs/rules.md is the generated catalogue; regenerate it with
    `trainer exercises --markdown > docs/rules.md` after changing a rule."""
    from pathlib import Path
    result = CliRunner().invoke(cli, ["exercises", "--markdown"])
    shipped = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text()
    assert shipped == result.output
