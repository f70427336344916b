import numpy as np
import pytest

from trainer.holds import HoldTimer

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
