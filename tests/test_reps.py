import math

import numpy as np
import pytest

from trainer.reps import Rep, RepCounter, RepThresholds, pause_at_turn

SQUAT = RepThresholds(enter=55, exit=35, min_range=35, min_duration_s=0.5, direction=+1)
FPS = 30.0


def reps_signal(n, *, depth=110, rest=10, rep_s=2.0, pause_s=1.0, lead_s=1.0):
    """Knee flexion: rest, then n cosine dips to ``depth``, each followed by a pause."""
    values = [rest] * int(lead_s * FPS)
    for _ in range(n):
        k = np.arange(int(rep_s * FPS)) / (rep_s * FPS)
        values += list(rest + (depth - rest) * (1 - np.cos(2 * np.pi * k)) / 2)
        values += [rest] * int(pause_s * FPS)
    return np.array(values, dtype=float)


def count(values, counter=None, ready=None):
    counter = counter or RepCounter(SQUAT)
    reps = []
    for i, v in enumerate(values):
        rep = counter.update(float(v), i / FPS, True if ready is None else bool(ready[i]))
        if rep:
            reps.append(rep)
    return reps


def test_counts_clean_reps_with_turning_points():
    reps = count(reps_signal(5))
    assert len(reps) == 5
    # Each rep's turn is at its deepest point: 1 s into each 3 s cycle after a 1 s lead-in.
    assert [round(r.turn_s, 1) for r in reps] == [2.0, 5.0, 8.0, 11.0, 14.0]
    assert all(r.start_s < r.turn_s < r.end_s for r in reps)
    assert reps[0].range == pytest.approx(100, abs=1)


def test_jitter_around_a_threshold_adds_no_reps():
    rng = np.random.default_rng(0)
    hovering = 55 + rng.normal(0, 4, 300)   # person hovering at the enter threshold
    assert count(hovering) == []


def test_noisy_reps_count_exactly():
    rng = np.random.default_rng(3)
    values = reps_signal(6) + rng.normal(0, 3, reps_signal(6).size)
    assert len(count(values)) == 6


def test_small_bobs_are_not_reps():
    assert count(reps_signal(4, depth=40)) == []


def test_getting_into_position_is_not_a_rep():
    # The dip happens while the caller says "not ready" (walking in, picking up the weight).
    values = reps_signal(3)
    ready = np.ones(values.size, dtype=bool)
    ready[: int(4 * FPS)] = False    # the first rep happens before the person is set up
    assert len(count(values, ready=ready)) == 2


def test_short_dropouts_mid_rep_are_bridged():
    values = reps_signal(3)
    values[40:45] = math.nan          # 5 frames lost near the bottom of rep 1
    assert len(count(values)) == 3


def test_long_dropout_mid_rep_abandons_that_rep():
    values = reps_signal(3)
    values[45:90] = math.nan          # 1.5 s lost through the bottom and the rise of rep 1
    assert len(count(values)) == 2


def test_too_fast_a_twitch_is_not_a_rep():
    values = reps_signal(2, rep_s=0.3)
    assert count(values) == []


def test_falling_signal_direction():
    hip_height = 100 - reps_signal(3)   # signal falls toward the turn
    th = RepThresholds(enter=45, exit=25, min_range=35, direction=-1)
    reps = count(hip_height, RepCounter(th))
    assert len(reps) == 3 and reps[0].turn_value == pytest.approx(-10, abs=1)


def test_thresholds_follow_the_persons_own_rest_level():
    # Someone whose "standing" reads 30 deg (camera angle, bent knees) still counts.
    assert len(count(reps_signal(4) + 20)) == 4


def test_starting_the_next_rep_before_standing_fully_still_counts():
    values = reps_signal(3, depth=110)
    values[(values > 10) & (values < 25)] = 25   # never quite back to the standing 10
    assert len(count(values)) == 3


def test_a_tracking_spike_is_not_a_rep():
    values = reps_signal(1)
    values[10:12] = 90                   # two wild frames while standing
    assert len(count(values)) == 1


@pytest.mark.parametrize("kwargs", [
    dict(enter=35, exit=55, min_range=10, direction=+1),   # exit beyond enter: no hysteresis
    dict(enter=55, exit=35, min_range=0, direction=+1),    # no minimum range
    dict(enter=55, exit=35, min_range=10, direction=0),
])
def test_invalid_thresholds_are_rejected(kwargs):
    with pytest.raises(ValueError):
        RepThresholds(**kwargs)


def test_settling_into_a_new_stance_becomes_the_rest_level():
    # Standing (10), stepping into a split stance (35, held), then lunges from there down to 95.
    lunges = reps_signal(4, depth=95, rest=35, lead_s=2.0)
    values = np.concatenate([np.full(60, 10.0), np.linspace(10, 35, 30), lunges])
    reps = count(values)
    assert len(reps) == 4
    assert all(r.rest_value == pytest.approx(35, abs=2) for r in reps[1:])


def test_stepping_in_and_lunging_at_once_still_counts_every_rep():
    lunges = reps_signal(4, depth=95, rest=35, lead_s=0.3)
    values = np.concatenate([np.full(60, 10.0), np.linspace(10, 35, 15), lunges])
    assert len(count(values)) == 4


def test_a_glitch_dip_just_after_the_turn_does_not_end_the_rep_unseen():
    # the model halves the depth for two frames right after the bottom, then the person stands
    # up as usual: one rep, ending when they are back up
    values = reps_signal(1, rep_s=2.0)
    bottom = int(2.0 * FPS)
    values[bottom + 2: bottom + 4] = 50
    reps = count(values)
    assert len(reps) == 1 and reps[0].end_s > 2.5


def test_pause_at_turn_measures_a_held_bottom():
    times = np.arange(0, 4, 0.1)
    # down in 1 s to 90, held 1 s (with a tremor and a lost frame), up in 1 s
    values = np.interp(times, [0, 1, 2, 3, 4], [0, 90, 90, 0, 0]) + 0.5 * np.sin(times * 20)
    values[15] = np.nan
    rep = Rep(1, 0.0, 1.5, 3.0, 0.0, 90.0)
    assert pause_at_turn(times, values, rep) == pytest.approx(1.1, abs=0.15)   # 1 s held + the ramps' last 10%


def test_pause_at_turn_is_short_for_a_bounce():
    times = np.arange(0, 2, 0.05)
    values = np.interp(times, [0, 1, 2], [0, 90, 0])
    assert pause_at_turn(times, values, Rep(1, 0.0, 1.0, 2.0, 0.0, 90.0)) < 0.25


def count_settling(values, settle_frames, counter=None):
    """Like ``count``, with the first ``settle_frames`` seen while the person settles in view."""
    counter = counter or RepCounter(SQUAT)
    reps = []
    for i, v in enumerate(values):
        rep = counter.update(float(v), i / FPS, ready=i >= settle_frames, settling=i < settle_frames)
        if rep:
            reps.append(rep)
    return reps


def test_a_rep_begun_while_settling_is_timed_from_its_start():
    # A clip that opens as a quick 0.7 s squat starts; counting begins 4 frames into it, which
    # leaves 0.4 s until the rep is most of the way back: too short to count on its own.
    k = np.arange(int(0.7 * FPS)) / (0.7 * FPS)
    values = np.r_[10 + 100 * (1 - np.cos(2 * np.pi * k)) / 2, [10] * 15]
    settle = 4
    assert count(values, ready=np.arange(values.size) >= settle) == []
    [rep] = count_settling(values, settle)
    assert rep.start_s == pytest.approx(0.0, abs=0.05)
    # The rest level is still the first counted value: the depth is not made bigger than seen.
    assert rep.rest_value == pytest.approx(values[settle], abs=1e-6)


def test_jitter_while_settling_adds_no_rep():
    # Measurements still settling wander (a step tracker's first frames), then the person
    # stands still: nothing was done, nothing is counted.
    values = np.r_[[0, 40, 80, 60, 90, 30, 100, 110], [112] * 30, [10] * 60]
    assert count_settling(values, 8) == []


def test_values_seen_before_the_person_was_lost_do_not_time_a_rep():
    # Settling, lost for a while, then found already 4 frames into the quick squat above:
    # where that movement began was not seen, so it is too short to count.
    k = np.arange(int(0.7 * FPS)) / (0.7 * FPS)
    squat = 10 + 100 * (1 - np.cos(2 * np.pi * k)) / 2
    counter = RepCounter(SQUAT)
    for i in range(5):
        counter.update(10.0, i / FPS, ready=False, settling=True)
    counter.update(math.nan, 0.2, ready=False)
    reps = [r for i, v in enumerate(squat[4:]) if (r := counter.update(float(v), 1.0 + i / FPS))]
    assert reps == []


def test_a_rep_fragment_seen_after_a_dropout_mid_set_is_not_timed_from_the_settling():
    # The same quick squat, but the person was counted before and lost: found again 4 frames
    # into it, they may be anywhere in a rep, so its unseen start does not make it count.
    k = np.arange(int(0.7 * FPS)) / (0.7 * FPS)
    squat = 10 + 100 * (1 - np.cos(2 * np.pi * k)) / 2
    counter = RepCounter(SQUAT)
    assert len(count(reps_signal(2), counter)) == 2
    t0 = 20.0
    for i in range(4):
        counter.update(float(squat[i]), t0 + i / FPS, ready=False, settling=True)
    reps = [r for i, v in enumerate(squat[4:], 4) if (r := counter.update(float(v), t0 + i / FPS))]
    assert reps == []


def test_a_jump_just_as_counting_begins_is_not_timed_from_the_settling():
    # A slow drift while settling, then a one-frame jump out and a slide back: the way out
    # was not a movement on the frames counted, whatever the drift before them.
    drift = np.linspace(20, 40, 8)
    values = np.r_[drift, 40, np.linspace(100, 40, 25), [40] * 10]
    assert count_settling(values, drift.size) == []
