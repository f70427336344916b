"""The live session: camera source (newest frame wins, lost camera), the session file, the CLI.

A video file stands in for the webcam (played at its real frame rate); a capture object that
stops sending frames stands in for an unplugged camera, and a patched cv2.imshow/waitKey for a
display with a person pressing keys.
"""

import json
import os
import sqlite3
import subprocess
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner

from trainer import live
from trainer.cli import cli
from trainer.io import camera
from trainer.io.camera import CameraError, CameraLost, CameraSource

ROOT = Path(__file__).resolve().parents[1]


def write_video(path, frames=30, fps=30.0, size=(160, 120)):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
    for i in range(frames):
        writer.write(np.full((size[1], size[0], 3), i * 8 % 255, np.uint8))
    writer.release()
    return path


class StoppingCamera:
    """A webcam that sends ``frames`` black frames, then nothing (unplugged)."""

    def __init__(self, frames: int = 10, opened: bool = True) -> None:
        self.left, self.opened = frames, opened

    def isOpened(self):
        return self.opened

    def get(self, prop):
        return 30.0 if prop == cv2.CAP_PROP_FPS else 0.0

    def read(self):
        if self.left <= 0:
            return False, None
        self.left -= 1
        time.sleep(1 / 30)
        return True, np.zeros((120, 160, 3), np.uint8)

    def release(self):
        pass


@pytest.mark.slow
def test_live_on_a_clip_counts_reps_and_says_the_cue(squat_clip, model_info, tmp_path):
    truth = json.loads(squat_clip.with_name("squats.json").read_text())
    db = tmp_path / "history.sqlite3"
    result = subprocess.run([str(ROOT / ".venv/bin/trainer"), "live", "--camera", str(squat_clip),
                             "--no-window", "--exercise", "goblet_squat", "--out", str(tmp_path),
                             "--model", str(model_info.path), "--db", str(db)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    session = json.loads((tmp_path / "session.json").read_text())
    assert session["ended"] == "finished"
    assert len(session["reps"]) == len(truth["reps"]) == 4
    for rep, labelled in zip(session["reps"], truth["reps"]):
        assert set(labelled["faults"]) <= set(rep["cues"]), rep
    assert session["reps"][1]["said"] == ["shallow_depth"]
    cues = [u for u in session["utterances"] if u["kind"] == "cue"]
    assert [u["rule"] for u in cues] == ["shallow_depth"]
    assert cues[0]["text"] == "Sit deeper, thighs to parallel"
    assert cues[0]["t_s"] >= session["reps"][1]["t_s"]
    assert (f"finished; 4 reps in 17 s, saved to {tmp_path / 'session.json'} and "
            f"{tmp_path / 'report.html'}") in result.stdout
    with sqlite3.connect(db) as conn:   # the same session in the workout history
        assert conn.execute("SELECT kind, ended FROM sessions").fetchall() == [("live", "finished")]
        reps = conn.execute("SELECT idx, (SELECT group_concat(rule_id) FROM cues WHERE rep_id = reps.id)"
                            " FROM reps ORDER BY idx").fetchall()
    assert reps == [(1, None), (2, "shallow_depth"), (3, None), (4, None)]


def test_file_source_skips_frames_for_a_slow_reader_and_ends(tmp_path):
    clip = write_video(tmp_path / "clip.avi", frames=30, fps=30.0)
    with CameraSource(str(clip)) as source:
        seen = []
        while (frame := source.read()) is not None:
            seen.append(frame)
            time.sleep(0.1)   # a model three times slower than the camera
        assert source.read() is None   # ended stays ended
        assert source.dropped > 0 and len(seen) + source.dropped == source.grabbed == 30
    indices = [f.index for f in seen]
    assert indices == sorted(set(indices)) and indices[-1] == 29
    assert [f.t_s for f in seen] == pytest.approx([i / 30 for i in indices], abs=0.002)


def test_file_source_hands_over_the_newest_frame_not_the_oldest(tmp_path):
    clip = write_video(tmp_path / "clip.avi", frames=30, fps=30.0)
    with CameraSource(str(clip)) as source:
        assert source.read().index == 0
        time.sleep(0.5)
        assert source.read().index > 5


def test_a_looped_file_starts_over_with_its_clock_running_on(tmp_path):
    clip = write_video(tmp_path / "clip.avi", frames=10, fps=50.0)
    with CameraSource(str(clip), loop=True) as source:
        times = []
        while len(times) < 25:
            times.append(source.read().t_s)
    assert times == sorted(times) and times[-1] > 10 / 50.0   # into the second pass or later
    assert source.grabbed >= 25


def test_camera_that_stops_sending_raises_camera_lost():
    with CameraSource("0", lost_after_s=0.3, open_device=lambda index: StoppingCamera(5)) as source:
        assert source.name == "camera 0"
        with pytest.raises(CameraLost, match=r"^camera 0 stopped sending frames \(unplugged\?\)$"):
            while source.read() is not None:
                pass
        assert source.grabbed == 5


def test_camera_that_cannot_open_is_one_line():
    with pytest.raises(CameraError, match="camera 3 could not be opened") as error:
        CameraSource("3", open_device=lambda index: StoppingCamera(opened=False))
    assert "\n" not in str(error.value)


def test_unplugged_camera_saves_the_session_and_exits_nonzero(monkeypatch, model_info, tmp_path):
    monkeypatch.setattr(camera, "_open_device", lambda index: StoppingCamera(frames=10))
    result = CliRunner().invoke(cli, ["live", "--camera", "0", "--no-window", "--no-voice",
                                      "--exercise", "goblet_squat", "--out", str(tmp_path),
                                      "--model", str(model_info.path)])
    assert result.exit_code == 3
    error = [line for line in result.output.splitlines() if line.startswith("trainer: error:")]
    assert error == [f"trainer: error: camera lost: camera 0 stopped sending frames (unplugged?); "
                     f"0 reps in 0 s, saved to {tmp_path / 'session.json'} and {tmp_path / 'report.html'}"]
    session = json.loads((tmp_path / "session.json").read_text())
    assert session["ended"] == "camera lost: camera 0 stopped sending frames (unplugged?)"
    assert session["frames"]["processed"] >= 1 and session["reps"] == []


def test_nobody_in_view_is_a_nonzero_exit_with_the_session_saved(model_info, tmp_path):
    clip = write_video(tmp_path / "empty_room.avi", frames=10, fps=30.0)
    result = CliRunner().invoke(cli, ["live", "--camera", str(clip), "--no-window", "--no-voice",
                                      "--exercise", "goblet_squat", "--out", str(tmp_path / "out"),
                                      "--model", str(model_info.path)])
    assert result.exit_code == 3
    assert f"trainer: error: no person was seen in any frame; saved to {tmp_path / 'out'}" in result.output
    assert json.loads((tmp_path / "out" / "session.json").read_text())["ended"] == "finished"


@pytest.mark.parametrize("spec, message", [
    ("missing.mp4", "missing.mp4: no such file"),   # a typo in the file name
    ("notes.mp4", "not a readable video"),          # not a video at all
])
def test_bad_camera_path_is_a_one_line_error(tmp_path, spec, message):
    (tmp_path / "notes.mp4").write_text("not a video\n" * 50)
    result = subprocess.run([str(ROOT / ".venv/bin/trainer"), "live", "--camera", spec, "--no-window",
                             "--exercise", "goblet_squat", "--out", "out"], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("trainer: error:") and message in lines[0]
    assert not (tmp_path / "out").exists()


class KeyPresser:
    """The display boundary: records what was shown and presses the scripted keys in turn
    ("." for none); then raises ``then``, if given, noting what session.json held just before."""

    def __init__(self, keys: str, then=None, session_file: Path | None = None) -> None:
        self.keys, self.then, self.session_file, self.shown = list(keys), then, session_file, []
        self.saved_before_then = None

    def imshow(self, title, image):
        self.shown.append(image.copy())

    def waitKey(self, delay):
        if self.keys:
            key = self.keys.pop(0)
            return 255 if key == "." else ord(key)
        if self.then:
            self.saved_before_then = json.loads(self.session_file.read_text())
            raise self.then
        return 255


def _live_with_keys(monkeypatch, presser, clip, model_info, out):
    monkeypatch.setattr(live, "display_available", lambda: True)
    monkeypatch.setattr(live.cv2, "imshow", presser.imshow)
    monkeypatch.setattr(live.cv2, "waitKey", presser.waitKey)
    monkeypatch.setattr(live.cv2, "destroyWindow", lambda title: None)
    return live.run_live("goblet_squat", str(clip), model_info.path, out_dir=out, no_voice=True,
                         print_cue=lambda text: None)


def test_window_keys_pause_mute_and_skip(monkeypatch, squat_clip, model_info, tmp_path):
    presser = KeyPresser("..pm.p.s")
    session = _live_with_keys(monkeypatch, presser, squat_clip, model_info, tmp_path)
    assert session.ended == "skipped" and session.clean_end
    assert len(presser.shown) == 8
    assert session.frames == 5   # the three paused frames were shown but not coached
    raw = cv2.VideoCapture(str(squat_clip)).read()[1]
    assert np.abs(presser.shown[0].astype(int) - raw).sum() > 0   # the overlay was drawn
    assert json.loads((tmp_path / "session.json").read_text())["ended"] == "skipped"


def test_ctrl_c_keeps_the_reps_done_and_saves_the_session_as_interrupted(monkeypatch, squat_clip,
                                                                         model_info, tmp_path):
    # 105 frames shown: at least 7 s into the clip, so after rep 1 (it ends at 6 s)
    presser = KeyPresser("." * 105, then=KeyboardInterrupt(), session_file=tmp_path / "session.json")
    session = _live_with_keys(monkeypatch, presser, squat_clip, model_info, tmp_path)
    assert session.ended == "interrupted" and not session.clean_end
    saved = json.loads((tmp_path / "session.json").read_text())
    assert saved["ended"] == "interrupted" and saved["reps"][0]["index"] == 1
    assert presser.saved_before_then["reps"] == saved["reps"]   # each rep was saved as it ended
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.slow
def test_sigkill_mid_session_leaves_every_completed_rep_in_the_history(squat_clip, model_info, tmp_path):
    db = tmp_path / "history.sqlite3"
    child = subprocess.Popen([str(ROOT / ".venv/bin/trainer"), "live", "--camera", str(squat_clip),
                              "--no-window", "--no-voice", "--exercise", "goblet_squat",
                              "--out", str(tmp_path), "--model", str(model_info.path), "--db", str(db)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    session_file, done = tmp_path / "session.json", []
    deadline = time.monotonic() + 120
    while len(done) < 2 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        if session_file.exists():   # rewritten atomically after each rep, once it is stored
            done = json.loads(session_file.read_text())["reps"]
    child.kill()   # SIGKILL mid-session: no cleanup, no report, no closing of the database
    child.wait()
    assert len(done) >= 2, "the session never got two reps in"
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT idx, start_s, end_s FROM reps ORDER BY idx").fetchall()
        assert conn.execute("SELECT ended FROM sessions").fetchall() == [(None,)]
    assert len(stored) >= len(done)
    for rep, row in zip(done, stored):
        assert (rep["index"], rep["start_s"], rep["end_s"]) == (row[0], round(row[1], 3), round(row[2], 3))
    listed = subprocess.run([str(ROOT / ".venv/bin/trainer"), "history", "--db", str(db)],
                            capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    assert listed.returncode == 0 and "cut off" in listed.stdout


def test_each_exercise_of_a_session_sets_whether_the_pose_model_follows_detector_misses(tmp_path):
    # Following costs a fresh landmarker per miss: only the exercise that uses the followed poses
    # (a pole in front of the face) pays for it, also when a workout moves on to the next one.
    from types import SimpleNamespace

    from trainer.exercises import get_exercise
    from trainer.session_record import LiveSession
    from trainer.voice import LiveVoice

    estimator, voice = SimpleNamespace(follow_misses=True), LiveVoice(None, print_cue=lambda text: None)
    for exercise_id, follows in [("goblet_squat", False), ("squat_to_overhead_reach", True), ("good_morning", False)]:
        session = LiveSession(exercise_id, "test", tmp_path / f"{exercise_id}.json")
        loop = live.ExerciseLoop(get_exercise(exercise_id), 30.0, estimator, voice, session)
        assert estimator.follow_misses is follows and loop.smoother.use_followed is follows
