import numpy as np
import pytest

from trainer.holds import Drift, HoldTimer, Settled

FPS = 30.0


def feed(flags, timer=None):
    timer = timer or HoldTimer()
    holds = [h for i, f in enumerate(flags) if (h := timer.update(bool(f), i / FPS))]
    if (last := timer.finish()):
        holds.append(last)
    return holds


def test_a_30_second_hold_is_timed_to_the_frame():
    flags = [0] * 60 + [1] * int(30 * FPS) + [0] * 60
    (hold,) = feed(flags)
    assert hold.start_s == pytest.approx(2.0)
    assert hold.held_s == pytest.approx(30.0, abs=1.5 / FPS)  # within a frame


def test_a_brief_wobble_does_not_end_the_hold():
    flags = [1] * int(10 * FPS) + [0] * 10 + [1] * int(10 * FPS)   # 0.33 s wobble
    (hold,) = feed(flags)
    assert hold.held_s == pytest.approx(20.33, abs=2 / FPS)


def test_leaving_the_position_ends_the_hold_and_a_new_one_starts():
    flags = [1] * int(8 * FPS) + [0] * int(2 * FPS) + [1] * int(6 * FPS)
    holds = feed(flags)
    assert [round(h.held_s) for h in holds] == [8, 6]


def test_passing_through_the_position_is_not_a_hold():
    flags = ([0] * 30 + [1] * 20) * 5                   # 0.67 s touches, under settle time
    assert feed(flags) == []


def test_noisy_detection_still_gives_one_hold():
    rng = np.random.default_rng(2)
    flags = (rng.random(int(30 * FPS)) > 0.1).astype(int)   # 10% of frames miss the position
    flags[0] = flags[-1] = 1
    (hold,) = feed(flags)
    assert hold.held_s == pytest.approx(30, abs=0.5)


def drifts(points, window_s=1.0):
    drift = Drift(window_s)
    return [drift.update(i / FPS, p) for i, p in enumerate(points)]


def test_drift_is_small_for_a_still_point_with_jitter_and_one_frame_jumps():
    rng = np.random.default_rng(3)
    points = rng.normal(0, 0.5, (90, 2))
    points[45] += 30.0                         # one misplaced frame
    assert max(drifts(points)[30:]) < 1.0      # the median barely notices the jump


def test_drift_shows_a_slow_slide_and_settles_after_it():
    x = np.concatenate([np.linspace(0, 20, 60), np.full(60, 20.0)])   # 20 px over 2 s, then still
    values = drifts(np.stack([x, np.zeros_like(x)], axis=1))
    assert values[50] == pytest.approx(5.0, abs=0.5)    # half a window apart at 10 px/s
    assert values[-1] == pytest.approx(0.0)


def test_drift_skips_unseen_frames():
    points = [[0.0, 0.0]] * 20 + [[np.nan, np.nan]] * 10 + [[0.0, 0.0]] * 20
    assert drifts(points)[-1] == pytest.approx(0.0)


def test_settled_needs_rest_to_start_and_only_the_pose_to_go_on():
    settled = Settled()
    steps = [(True, False), (True, True), (True, False), (False, True), (True, False)]
    assert [settled.update(pose, rest) for pose, rest in steps] == [False, True, True, False, False]
