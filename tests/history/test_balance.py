"""The left/right symmetry index and its trend, on hand-made numbers."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from trainer.history.balance import (DEAD_BAND_PP_PER_WEEK, BalancePoint, balance_points, balance_trend,
                                     least_squares_slope, symmetry_index)

MONDAY = datetime(2026, 3, 2, 8, 0)


@pytest.mark.parametrize("left, right, expected", [
    (110.0, 90.0, 20.0),      # left larger: positive, difference over the mean (100)
    (90.0, 110.0, -20.0),     # right larger: negative
    (50.0, 50.0, 0.0),        # even
    (None, 50.0, None),       # a side with no reps has no index
    (50.0, None, None),
    (0.0, 0.0, None),         # nothing to compare
])
def test_symmetry_index(left, right, expected):
    assert symmetry_index(left, right) == (None if expected is None else pytest.approx(expected))


def side_rows(session_id: int, when: datetime, left: tuple | None, right: tuple | None) -> list[dict]:
    """Rows as queries.side_summary gives them; a side is (reps, range of motion, rep seconds)."""
    return [{"session_id": session_id, "started_at": when, "exercise": "single_leg_deadlift", "side": side,
             "reps": v[0], "range_of_motion": v[1], "rep_s": v[2]}
            for side, v in (("left", left), ("right", right)) if v is not None]


def test_points_per_session_with_a_missing_side():
    rows = side_rows(1, MONDAY, (8, 80.0, 3.0), (8, 60.0, 3.0)) + \
        side_rows(2, MONDAY + timedelta(days=7), (8, 75.0, 3.3), None)
    points = balance_points(rows)["single_leg_deadlift"]
    assert [(p.session_id, p.left_reps, p.right_reps) for p in points] == [(1, 8, 8), (2, 8, 0)]
    assert points[0].range_of_motion == pytest.approx(100 * 20 / 70)
    assert points[0].rep_time == pytest.approx(0.0)
    assert points[1].range_of_motion is None and points[1].rep_time is None


def weekly(indexes: list[float | None]) -> list[BalancePoint]:
    return [BalancePoint(i, MONDAY + timedelta(weeks=i), 8, 8, value, 0.0) for i, value in enumerate(indexes)]


@pytest.mark.parametrize("indexes, verdict, slope", [
    ([20.0, 16.0, 12.0, 8.0], "closing", -4.0),
    ([-20.0, -16.0, -12.0, -8.0], "closing", -4.0),     # right side leading, gap shrinking
    ([20.0, -16.0, 12.0, -8.0], "closing", -4.0),       # the gap's size counts, not its sign
    ([5.0, 7.0, None, 11.0], "widening", 2.0),          # a session without both sides is skipped
    ([10.0, 10.1, 9.9, 10.0], "steady", None),
])
def test_trend_verdicts(indexes, verdict, slope):
    trend = balance_trend(weekly(indexes))
    assert trend.verdict == verdict
    assert trend.sessions == sum(v is not None for v in indexes)
    if slope is not None:
        assert trend.slope_pp_per_week == pytest.approx(slope)
    else:
        assert abs(trend.slope_pp_per_week) <= DEAD_BAND_PP_PER_WEEK
    assert verdict in trend.describe()


def test_too_few_sessions_or_no_time_between_them_give_no_trend():
    assert balance_trend(weekly([20.0, 10.0])).verdict == "too few sessions"
    same_day = [BalancePoint(i, MONDAY, 8, 8, 10.0 + i, 0.0) for i in range(4)]
    trend = balance_trend(same_day)
    assert trend.slope_pp_per_week is None and trend.verdict == "too few sessions"


def test_trend_of_rep_time():
    points = [BalancePoint(i, MONDAY + timedelta(weeks=i), 8, 8, 0.0, 3.0 * i) for i in range(4)]
    assert balance_trend(points, "rep_time").verdict == "widening"
    assert balance_trend(points, "range_of_motion").verdict == "steady"


def test_least_squares_slope():
    assert least_squares_slope([0, 1, 2], [1, 3, 5]) == pytest.approx(2.0)
    assert least_squares_slope([1, 1], [1, 3]) is None
