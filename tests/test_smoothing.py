from dataclasses import replace

import numpy as np
from builders import squat_sequence

from trainer.pose import PoseFrame
from trainer.smoothing import OneEuroFilter, PoseSmoother


def run(filter_, values, fps=30.0):
    return np.array([filter_(np.array([v]), i / fps)[0] for i, v in enumerate(values)])


def test_jitter_on_a_still_point_is_cut_down():
    rng = np.random.default_rng(1)
    noisy = 0.5 + rng.normal(0, 0.01, 300)
    smoothed = run(OneEuroFilter(min_cutoff_hz=1.0, beta=1.0), noisy)
    assert np.std(smoothed[30:]) < 0.35 * np.std(noisy[30:])


def test_fast_movement_is_followed_with_little_lag():
    # A 0.5 Hz, 0.3-unit sine: a squat-like movement in image heights.
    t = np.arange(300) / 30.0
    truth = 0.5 + 0.3 * np.sin(2 * np.pi * 0.5 * t)
    smoothed = run(OneEuroFilter(min_cutoff_hz=1.5, beta=1.0), truth)
    lags = range(0, 15)
    errors = [np.mean(np.abs(smoothed[60:] - np.roll(truth, lag)[60:])) for lag in lags]
    assert int(np.argmin(errors)) <= 3  # at most 0.1 s behind at 30 fps


def test_dropout_passes_nan_and_resumes_without_a_jump_back():
    f = OneEuroFilter(max_gap_s=0.5)
    f(np.array([1.0]), 0.0)
    assert np.isnan(f(np.array([np.nan]), 1 / 30)[0])
    # After a long gap the filter restarts at the new value instead of gliding from the old one.
    assert f(np.array([5.0]), 2.0)[0] == 5.0


def test_landmark_reappearing_starts_from_its_raw_value():
    f = OneEuroFilter()
    f(np.array([1.0, np.nan]), 0.0)
    out = f(np.array([1.0, 3.0]), 1 / 30)
    assert out[1] == 3.0


def followed(frame: PoseFrame) -> PoseFrame:
    return replace(frame, followed=True)


def test_poses_followed_through_detector_misses_are_dropped_unless_the_exercise_uses_them():
    frames = squat_sequence(1, view="front")[:4]
    stream = [frames[0], followed(frames[1]), followed(frames[2]), frames[3]]
    dropped = [PoseSmoother()(f) for f in stream]
    assert [f.has_person for f in dropped] == [True, False, False, True]
    used = [PoseSmoother(use_followed=True)(f) for f in stream]
    assert [f.has_person for f in used] == [True] * 4
    # smoothing keeps the mark, so later stages can still tell a followed pose from a detected one
    assert [f.followed for f in used] == [False, True, True, False]
