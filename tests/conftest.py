"""Shared fixtures: where the shared real clips and the pose model live."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_VIDEOS = ROOT.parent / "shared" / "videos"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # for tests/builders.py


@pytest.fixture(autouse=True, scope="session")
def _history_in_a_throwaway_folder(tmp_path_factory):
    """Commands under test (and their subprocesses) store sessions in a temporary history,
    never in the user's data folder."""
    os.environ["TRAINER_DATA_DIR"] = str(tmp_path_factory.mktemp("trainer-data"))


# Results tables of the model-validation tests wait here for the next test report, which carries
# them to the run's closing summary: pytest-xdist runs tests in worker processes whose own
# output never reaches the terminal, and reports are what it sends back.
_tables_waiting: list[str] = []
_tables_reported: list[str] = []


@pytest.fixture(scope="session")
def show_table():
    """Shows a table of lines in the closing summary of the run (with or without ``-n``)."""
    return lambda lines: _tables_waiting.append("\n".join(lines))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    while _tables_waiting:
        report.user_properties.append(("table", _tables_waiting.pop(0)))
    return report


def pytest_runtest_logreport(report):
    _tables_reported.extend(value for name, value in report.user_properties if name == "table")


def pytest_terminal_summary(terminalreporter):
    for table in _tables_reported:
        terminalreporter.write_line(table)


@pytest.fixture(scope="session")
def shared_videos() -> Path:
    if not (SHARED_VIDEOS / "labels.json").exists():
        pytest.skip("../shared/videos is not here")
    return SHARED_VIDEOS


@pytest.fixture(scope="session")
def labels(shared_videos) -> list[dict]:
    return json.loads((shared_videos / "labels.json").read_text())


@pytest.fixture(scope="session")
def model_info():
    """The pose model bundle, provisioned the way the CLI does (skip when none can be had)."""
    from trainer.io.model_store import ModelError, resolve_model
    try:
        return resolve_model()
    except ModelError as exc:
        pytest.skip(f"no pose model: {exc}")


@pytest.fixture(scope="session")
def squat_clip(tmp_path_factory) -> Path:
    """Four goblet squats seen side-on, the second one too shallow (labels in squats.json).

    The generated person starts squatting one second in; in front of a real camera people
    stand in position first, and counting waits for them to be set up and still. So the clip
    played here opens with its first frame held for two seconds.
    """
    from trainer.synth import generate_clip
    folder = tmp_path_factory.mktemp("live")
    generate_clip("goblet_squat", view="side", reps=4, faults={2: ["shallow_depth"]}, fps=15,
                  width=480, height=270, out=folder / "squats.mp4")
    return _hold_first_frame(folder / "squats.mp4", folder / "squats_live.mp4", seconds=2.0)


def _hold_first_frame(clip: Path, out: Path, seconds: float) -> Path:
    import cv2

    capture = cv2.VideoCapture(str(clip))
    fps = capture.get(cv2.CAP_PROP_FPS)
    frames = []
    while (frame := capture.read()[1]) is not None:
        frames.append(frame)
    capture.release()
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(out), cv2.VideoWriter_fourcc(*"mp4v"), fps, (width, height))
    for frame in [frames[0]] * round(seconds * fps) + frames:
        writer.write(frame)
    writer.release()
    return out
