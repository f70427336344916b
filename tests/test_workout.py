"""The guided routine: the sequencing state machine on plain events, then one whole workout
played from generated clips through `trainer workout` with the real pose model."""

import json
import subprocess
from pathlib import Path

import pytest

from trainer.routine import DEFAULT_ROUTINE, RoutineError, load_routine
from trainer.workout import WorkoutCoach

ROOT = Path(__file__).resolve().parents[1]

SQUATS_THEN_CALF_STRETCH = """
name = "test"
rest_between_sets_s = 2
[[phase]]
id = "main"
title = "Main set"
  [[phase.exercise]]
  id = "goblet_squat"
  sets = 2
  reps = 2
  equipment = ["one dumbbell"]
  alternatives = [{ without = "one dumbbell", instead = "hands together at the chest" }]
[[phase]]
id = "cooldown"
title = "Cool-down"
note = "slow breaths"
  [[phase.exercise]]
  id = "calf_stretch"
  sets = 1
  hold_s = 4
  per_side = true
"""


@pytest.fixture
def routine_file(tmp_path) -> Path:
    path = tmp_path / "routine.toml"
    path.write_text(SQUATS_THEN_CALF_STRETCH)
    return path


def coach_for(path, **choose) -> WorkoutCoach:
    routine = load_routine(path)
    coach = WorkoutCoach(routine, routine.exercises(**choose), name_of=lambda i: i.replace("_", " "))
    coach.start(0.0)
    return coach


def hold(coach, side, from_s, seconds):
    """Frames every 0.1 s of a hold on ``side`` lasting ``seconds``, then a release."""
    steps = int(seconds * 10)
    for step in range(steps + 1):
        coach.on_hold(True, step / 10, side, from_s + step / 10)
    coach.on_hold(False, 0.0, "both", from_s + seconds + 0.1)


def test_a_whole_workout_is_announced_in_order(routine_file):
    coach = coach_for(routine_file)
    for t in (1, 2):
        coach.on_rep("both", t)
    coach.on_rep("both", 3)             # resting: not counted
    coach.tick(3.5)                     # 2 s rest not over yet
    assert coach.set_number == 1 and coach.rest_left_s(3.5) == pytest.approx(0.5)
    coach.tick(4.0)
    for t in (5, 6):
        coach.on_rep("both", t)
    hold(coach, "left", 10, 4)
    hold(coach, "right", 20, 4)
    assert [text for _, text in coach.announced] == [
        "Main set", "goblet squat: 2 sets of 2 reps", "You need one dumbbell",
        "No one dumbbell? Instead: hands together at the chest", "Set 1 of 2",
        "Set 1 complete", "Rest 2 seconds", "Set 2 of 2", "Set 2 complete",
        "Cool-down. slow breaths", "calf stretch: 1 set of 4-second holds on each leg", "Set 1 of 1",
        "4 seconds, release", "Switch legs", "4 seconds, release", "Set 1 complete", "Workout complete"]
    assert coach.done
    assert [(log.exercise, log.set_number, log.reps_by_side, [s for s, _ in log.holds]) for log in coach.sets] == [
        ("goblet_squat", 1, {"all": 2}, []), ("goblet_squat", 2, {"all": 2}, []),
        ("calf_stretch", 1, {}, ["left", "right"])]


def test_a_short_hold_or_one_still_held_after_its_target_counts_once(routine_file):
    coach = coach_for(routine_file, start_at="calf_stretch")
    hold(coach, "left", 0, 2)           # let go too soon
    assert coach.current.holds == []
    for step in range(80):              # held twice as long as needed: one hold
        coach.on_hold(True, step / 10, "left", 10 + step / 10)
    assert [side for side, _ in coach.current.holds] == ["left"]
    coach.on_hold(False, 0.0, "both", 18.0)
    hold(coach, "both", 30, 4)          # no leg seen: the leg still to do
    assert [side for side, _ in coach.current.holds] == ["left", "right"] and coach.done


def test_per_side_reps_switch_legs_once_and_a_wrong_leg_counts_for_itself(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text('rest_between_sets_s = 30\n[[phase]]\nid = "main"\n  [[phase.exercise]]\n'
                    '  id = "lateral_lunge"\n  sets = [2, 3]\n  reps = [3, 5]\n  per_side = true\n')
    coach = coach_for(path)
    for side in ("right", "right", "left", "right"):
        coach.on_rep(side, 1)
    assert coach.take_announcements()[-1] == "Switch legs"
    assert coach.leg_now() == "left"
    coach.on_rep("right", 2)            # the finished leg again: counted, nothing said
    coach.on_rep("left", 3)
    assert coach.take_announcements() == []
    coach.on_rep("left", 4)             # the low end of 3-5 completes the set
    assert coach.take_announcements() == ["Set 1 complete", "Rest 30 seconds"]
    assert coach.current.reps_by_side == {"right": 4, "left": 3}


def test_skip_ends_a_rest_then_leaves_the_exercise(routine_file):
    coach = coach_for(routine_file)
    coach.on_rep("both", 1)
    coach.on_rep("both", 2)
    coach.skip(2.5)                     # the rest
    assert coach.counting and coach.position == (0, 2)
    coach.skip(3.0)                     # the exercise
    assert coach.exercise.id == "calf_stretch" and coach.skipped == ["goblet_squat"]
    coach.skip(4.0)
    assert coach.done and coach.announced[-1][1] == "Workout complete"
    coach.skip(5.0)                     # nothing left: nothing happens
    assert coach.announced[-1] == (4.0, "Workout complete")


def test_the_terminal_counts_a_rest_down_every_15_seconds(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text('rest_between_sets_s = 40\n[[phase]]\nid = "main"\n  [[phase.exercise]]\n'
                    '  id = "goblet_squat"\n  sets = 2\n  reps = 1\n')
    coach = coach_for(path)
    assert coach.countdown(0.5) is None           # not resting
    coach.on_rep("both", 1.0)                     # the rest runs from 1 s to 41 s
    shown = []
    for now in (t / 2 for t in range(2, 84)):   # every half second, as the frame loop does
        coach.tick(now)
        if line := coach.countdown(now):
            shown.append((now, line))
    assert shown == [(11.0, "rest: 30 s left"), (26.0, "rest: 15 s left")]
    assert coach.position == (0, 2)

def test_only_and_start_at_choose_the_exercises():
    routine = load_routine(DEFAULT_ROUTINE)
    assert [e.id for _, e in routine.exercises(only_phase="cooldown")][-1] == "hip_flexor_stretch"
    assert [e.id for _, e in routine.exercises(start_at="calf_stretch")] == ["calf_stretch", "hip_flexor_stretch"]
    with pytest.raises(RoutineError, match="choose one of: warmup, activation, main, cooldown"):
        routine.exercises(only_phase="stretching")


def test_the_first_exercise_of_a_partial_workout_announces_its_phase(routine_file):
    coach = coach_for(routine_file, only_phase="cooldown")
    assert coach.take_announcements()[:2] == ["Cool-down. slow breaths",
                                              "calf stretch: 1 set of 4-second holds on each leg"]


def test_unknown_ids_are_one_line_errors(routine_file, tmp_path):
    for option, value, valid in (("--only", "stretch", "main, cooldown"),
                                 ("--start-at", "burpee", "goblet_squat, calf_stretch")):
        done = subprocess.run([str(ROOT / ".venv/bin/trainer"), "workout", "--routine", str(routine_file),
                               option, value, "--camera", "0", "--out", str(tmp_path)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and valid in done.stderr


def test_a_lost_camera_saves_the_workout_and_exits_nonzero(monkeypatch, routine_file, model_info, tmp_path):
    from click.testing import CliRunner
    from test_live import StoppingCamera

    from trainer.cli import cli
    from trainer.io import camera
    monkeypatch.setattr(camera, "_open_device", lambda index: StoppingCamera(frames=10))
    result = CliRunner().invoke(cli, ["workout", "--routine", str(routine_file), "--camera", "0", "--no-window",
                                      "--no-voice", "--out", str(tmp_path), "--model", str(model_info.path)])
    assert result.exit_code == 3
    assert [line for line in result.output.splitlines() if line.startswith("trainer: error:")] == [
        "trainer: error: camera lost: camera 0 stopped sending frames (unplugged?); "
        f"0 sets done in 0 s, saved to {tmp_path / 'workout.json'} and {tmp_path / 'report.html'}"]
    saved = json.loads((tmp_path / "workout.json").read_text())
    assert saved["ended"].startswith("camera lost") and saved["sets"][0]["reps_by_side"] == {}
    assert saved["exercises"][0]["frames"]["processed"] >= 1


def test_keys_skip_exercises_and_ctrl_c_saves_the_workout_as_interrupted(monkeypatch, routine_file,
                                                                        model_info, tmp_path):
    from test_live import KeyPresser, write_video

    from trainer import live
    from trainer.workout_session import run_workout
    presser = KeyPresser("s.s.", then=KeyboardInterrupt(), session_file=tmp_path / "workout.json")
    monkeypatch.setattr(live, "display_available", lambda: True)
    monkeypatch.setattr(live.cv2, "imshow", presser.imshow)
    monkeypatch.setattr(live.cv2, "waitKey", presser.waitKey)
    monkeypatch.setattr(live.cv2, "destroyWindow", lambda title: None)
    clip = write_video(tmp_path / "room.avi", frames=60, fps=30.0)
    record = run_workout(load_routine(routine_file), str(clip), model_info.path, out_dir=tmp_path,
                         no_voice=True, print_cue=lambda text: None)
    assert record.ended == "interrupted" and len(presser.shown) == 5
    saved = json.loads((tmp_path / "workout.json").read_text())
    assert saved["ended"] == "interrupted" and saved["skipped"] == ["goblet_squat", "calf_stretch"]
    assert saved["announcements"][-1]["text"] == "Workout complete"
    assert presser.saved_before_then["announcements"] == saved["announcements"]   # saved as it went

def _frames(path: Path) -> list:
    import cv2
    capture = cv2.VideoCapture(str(path))
    frames = []
    while (frame := capture.read()[1]) is not None:
        frames.append(frame)
    capture.release()
    return frames


@pytest.fixture(scope="module")
def workout_video(tmp_path_factory) -> Path:
    """About 50 s at 15 fps: standing 2 s, 2 goblet squats, standing 5 s (the 2 s rest runs
    here), 2 more squats, standing 3 s (set-up for the stretch), then 7-second calf stretches
    on the left and on the right leg (the target is 4 s: the hold timer settles first)."""
    import cv2

    from trainer.synth import generate_clip
    folder = tmp_path_factory.mktemp("workout")
    size = dict(fps=15, width=480, height=270)
    generate_clip("goblet_squat", view="side", reps=2, out=folder / "squats.mp4", **size)
    generate_clip("calf_stretch", view="side", reps=1, hold_s=7, out=folder / "calf.mp4", **size)
    squats, calf = _frames(folder / "squats.mp4"), _frames(folder / "calf.mp4")
    video = ([squats[0]] * 30 + squats + [squats[-1]] * 75 + squats + [calf[0]] * 45 + calf)
    writer = cv2.VideoWriter(str(folder / "workout.mp4"), cv2.VideoWriter_fourcc(*"mp4v"), 15, (480, 270))
    for frame in video:
        writer.write(frame)
    writer.release()
    return folder / "workout.mp4"


@pytest.mark.slow
def test_a_whole_guided_workout_from_generated_clips(workout_video, routine_file, model_info, tmp_path):
    result = subprocess.run([str(ROOT / ".venv/bin/trainer"), "workout", "--routine", str(routine_file),
                             "--camera", str(workout_video), "--no-window", "--no-voice", "--out", str(tmp_path),
                             "--model", str(model_info.path)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    saved = json.loads((tmp_path / "workout.json").read_text())
    assert saved["ended"] == "finished" and saved["routine"] == "test"
    said = [a["text"] for a in saved["announcements"]]
    assert said == ["Main set", "Goblet squat: 2 sets of 2 reps", "You need one dumbbell",
                    "No one dumbbell? Instead: hands together at the chest", "Set 1 of 2",
                    "Set 1 complete", "Rest 2 seconds", "Set 2 of 2", "Set 2 complete",
                    "Cool-down. slow breaths", "Runner's calf stretch: 1 set of 4-second holds on each leg",
                    "Set 1 of 1", "4 seconds, release", "Switch legs", "4 seconds, release",
                    "Set 1 complete", "Workout complete"]
    assert [(s["exercise"], s["set"], s["reps_by_side"], [h["side"] for h in s["holds"]]) for s in saved["sets"]] == [
        ("goblet_squat", 1, {"all": 2}, []), ("goblet_squat", 2, {"all": 2}, []),
        ("calf_stretch", 1, {}, ["left", "right"])]
    assert all(h["held_s"] >= 4 for h in saved["sets"][2]["holds"])
    assert [e["exercise"] for e in saved["exercises"]] == ["goblet_squat", "calf_stretch"]
    assert "Workout complete" in [u["text"] for u in saved["utterances"]]   # the voice got to say it
    assert "Workout complete" in result.stdout and "finished; 3 sets done" in result.stdout
