"""Left/right balance of one-sided exercises, and whether it is closing over the weeks.

Pure functions (standard library only). The balance index is the symmetry index
``100 * (L - R) / ((L + R) / 2)`` in percent: positive means the left side is larger (more
range of motion, or slower reps), negative the right; 0 is perfect balance. Its trend is the
least-squares slope of the index's size (absolute value) over time, in percentage points per
week, so "closing" means the gap shrinks whichever side leads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Mapping

DEAD_BAND_PP_PER_WEEK = 0.2   # slopes within +-0.2 percentage points a week (about 10 a year) are steady
MIN_SESSIONS = 3              # fewer points than this give no trend


def symmetry_index(left: float | None, right: float | None) -> float | None:
    """100 * (L - R) / mean(L, R); None when a side is missing or both are zero."""
    if left is None or right is None or left + right == 0:
        return None
    return 100.0 * (left - right) / ((left + right) / 2.0)


@dataclass(frozen=True)
class BalancePoint:
    """One session of one exercise: each side's reps and the two indexes (None: a side missing)."""

    session_id: int
    when: datetime
    left_reps: int
    right_reps: int
    range_of_motion: float | None   # symmetry index of mean range of motion, percent
    rep_time: float | None          # symmetry index of mean rep duration, percent


@dataclass(frozen=True)
class BalanceTrend:
    slope_pp_per_week: float | None
    verdict: str          # "closing", "widening", "steady" or "too few sessions"
    sessions: int         # how many sessions with both sides it rests on
    dead_band: float = DEAD_BAND_PP_PER_WEEK

    def describe(self) -> str:
        if self.slope_pp_per_week is None:
            return f"{self.verdict} ({self.sessions} with both sides; needs {MIN_SESSIONS})"
        return (f"{self.verdict}: {self.slope_pp_per_week:+.2f} pp/week over {self.sessions} sessions "
                f"(steady within +-{self.dead_band:g} pp/week)")


def balance_points(rows: Iterable[Mapping]) -> dict[str, list[BalancePoint]]:
    """Per exercise, oldest first, from rows with session_id, started_at (datetime), exercise,
    side ('left'/'right'), reps, range_of_motion and rep_s (per-side means)."""
    sessions: dict[tuple[str, int], dict] = {}
    for row in rows:
        entry = sessions.setdefault((row["exercise"], row["session_id"]), {"when": row["started_at"]})
        entry[row["side"]] = row
    by_exercise: dict[str, list[BalancePoint]] = {}
    for (exercise, session_id), entry in sessions.items():
        left, right = entry.get("left"), entry.get("right")
        by_exercise.setdefault(exercise, []).append(BalancePoint(
            session_id, entry["when"], left["reps"] if left else 0, right["reps"] if right else 0,
            symmetry_index(_value(left, "range_of_motion"), _value(right, "range_of_motion")),
            symmetry_index(_value(left, "rep_s"), _value(right, "rep_s"))))
    for points in by_exercise.values():
        points.sort(key=lambda p: (p.when, p.session_id))
    return by_exercise


def balance_trend(points: list[BalancePoint], measure: str = "range_of_motion",
                  dead_band: float = DEAD_BAND_PP_PER_WEEK) -> BalanceTrend:
    """Least-squares slope of |index| against time in weeks, and its verdict."""
    pairs = [(p.when, abs(getattr(p, measure))) for p in points if getattr(p, measure) is not None]
    if len(pairs) < MIN_SESSIONS:
        return BalanceTrend(None, "too few sessions", len(pairs), dead_band)
    start = pairs[0][0]
    weeks = [(when - start).total_seconds() / (7 * 86400) for when, _ in pairs]
    slope = least_squares_slope(weeks, [size for _, size in pairs])
    if slope is None:   # every session at the same moment: no time to measure a trend over
        return BalanceTrend(None, "too few sessions", len(pairs), dead_band)
    verdict = "closing" if slope < -dead_band else "widening" if slope > dead_band else "steady"
    return BalanceTrend(slope, verdict, len(pairs), dead_band)


def least_squares_slope(xs: list[float], ys: list[float]) -> float | None:
    """Slope of the best straight line through the points; None when all xs are equal."""
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread


def _value(row: Mapping | None, key: str) -> float | None:
    return None if row is None else row[key]
