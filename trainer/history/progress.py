"""`trainer progress`: one self-contained HTML page showing whether the routine pays off.

Sections: volume per week, range of motion and tempo per exercise over time, and the left/right
balance index of each one-sided exercise with its trend. Each section has one figure (weekly
means keep the lines short) and a table with the numbers, so the page renders in well under a
second even for a year of daily sessions.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

from ..report.page import figure, page, table
from . import queries
from .balance import (DEAD_BAND_PP_PER_WEEK, MIN_SESSIONS, BalancePoint, BalanceTrend, balance_points,
                      balance_trend)
from .store import HistoryError, open_existing

TABLE_WEEKS = 12   # the volume table lists this many latest weeks; the figure shows them all


def write_report(db: Path | None, out_path: Path) -> Path:
    """Open the history at ``db`` (EmptyHistory when there is none) and write the page."""
    conn = open_existing(db)
    try:
        return write_progress_report(conn, out_path)
    except OSError as exc:
        raise HistoryError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    finally:
        conn.close()


def write_progress_report(conn: sqlite3.Connection, out_path: Path) -> Path:
    """Write the progress page to ``out_path`` (folders made as needed); returns the path."""
    trends, sides = queries.trends_and_sides(conn)
    balance = balance_points(sides)
    count, first, last = conn.execute("SELECT count(*), min(started_at), max(started_at) FROM sessions").fetchone()
    span = f"{first[:10]} to {last[:10]}" if count else "none yet"
    body = "".join([_volume_section(queries.weekly_volume(conn)), _exercise_section(trends),
                    _balance_section(balance)])
    html = page("Training progress", body, f"{count} sessions, {span} (dates in UTC)")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(html, encoding="utf-8")
    return out_path


def _volume_section(volume: list[queries.WeekVolume]) -> str:
    weeks: dict[str, list] = defaultdict(lambda: [0, 0.0, set()])
    for row in volume:
        weeks[row.week][0] += row.reps
        weeks[row.week][1] += row.held_s
        weeks[row.week][2].add(row.exercise)
    names = sorted(weeks)
    rows = [(w, weeks[w][0], round(weeks[w][1] / 60, 1), len(weeks[w][2])) for w in names]
    shown = rows[-TABLE_WEEKS:]
    fig, ax = _axes((0.08, 0.82))
    ax.plot(range(len(names)), [r[1] for r in rows], label="reps")
    ax.set_ylabel("reps per week")
    ax.set_xlabel(f"week (0 = {names[0]})" if names else "week")
    held = ax.twinx()
    held.plot(range(len(names)), [r[2] for r in rows], color="tab:green", label="held minutes")
    held.set_ylabel("held minutes per week")
    return ("<h2>Volume per week</h2>" +
            figure(_svg(fig), "Reps (blue, left axis) and minutes of stretches held (green, right axis) per ISO week.") +
            f'<p class="muted">The latest {len(shown)} of {len(rows)} weeks:</p>' +
            table(["ISO week", "reps", "held min", "exercises"], shown, table_id="volume"))


def _exercise_section(trends: dict[str, list[queries.TrendRow]]) -> str:
    counted = {ex: rows for ex, rows in trends.items() if any(r.reps for r in rows)}
    fig, rom_ax, tempo_ax = _axes((0.07, 0.33), (0.48, 0.33), height=3.6)
    for exercise, rows in sorted(counted.items()):
        weekly = _weekly_means(rows)
        base = next((v[0] for v in weekly.values() if v[0]), None)
        weeks = sorted(weekly)
        if base:
            rom_ax.plot(weeks, [_nan(weekly[w][0] and 100 * weekly[w][0] / base)
                                for w in weeks], label=exercise)
        tempo_ax.plot(weeks, [_nan(weekly[w][1]) for w in weeks], label=exercise)
    rom_ax.set_ylabel("range of motion, % of first week")
    tempo_ax.set_ylabel("rep time (down + up), s")
    for ax in (rom_ax, tempo_ax):
        ax.set_xlabel("weeks since the first session")
    if counted:
        tempo_ax.legend(fontsize="x-small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    rows = [_exercise_row(ex, r) for ex, r in sorted(trends.items())]
    return ("<h2>Range of motion and tempo per exercise</h2>" +
            figure(_svg(fig), "Weekly means per exercise. Range of motion is relative to the exercise's "
                              "first week, since exercises measure it in different units.") +
            table(["exercise", "sessions", "reps", "held s", "range of motion, first", "range of motion, latest",
                   "tempo down s, latest", "tempo up s, latest", "cues per rep/hold, latest"],
                  rows, table_id="exercises"))


def _exercise_row(exercise: str, rows: list[queries.TrendRow]) -> tuple:
    with_reps = [r for r in rows if r.reps]
    first, last = (with_reps[0], with_reps[-1]) if with_reps else (None, None)
    return (exercise, len(rows), sum(r.reps for r in rows), round(sum(r.held_s for r in rows)),
            first and first.range_of_motion, last and last.range_of_motion,
            last and last.tempo_down_s, last and last.tempo_up_s, rows[-1].cue_rate)


def _balance_section(balance: dict[str, list[BalancePoint]]) -> str:
    head = ("<h2>Left/right balance</h2><p>Symmetry index 100 &times; (L &minus; R) / mean(L, R), in percent: "
            "positive means the left side is larger (more range of motion, slower reps), 0 is even. "
            "The trend is the least-squares slope of the gap's size (its absolute value) in percentage "
            f"points per week: within &plusmn;{DEAD_BAND_PP_PER_WEEK:g} it is steady, below closing, above "
            f"widening; it needs {MIN_SESSIONS} sessions with both sides.</p>")
    if not balance:
        return head + "<p class=\"muted\">No one-sided exercise recorded yet.</p>"
    fig, ax = _axes((0.08, 0.7))
    rows = []
    for exercise, points in sorted(balance.items()):
        start = points[0].when
        ax.plot([(p.when - start).days / 7 for p in points], [_nan(p.range_of_motion) for p in points],
                label=exercise)
        rom, time = balance_trend(points, "range_of_motion"), balance_trend(points, "rep_time")
        latest = points[-1]
        rows.append((exercise, latest.range_of_motion, *_trend_cells(rom), latest.rep_time,
                     *_trend_cells(time)))
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xlabel("weeks since the exercise's first session")
    ax.set_ylabel("range-of-motion index, %")
    ax.legend(fontsize="x-small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return (head + figure(_svg(fig), "Range-of-motion symmetry index per session (+ = left larger).") +
            table(["exercise", "range of motion index, latest %", "trend pp/week", "verdict", "sessions",
                   "rep time index, latest %", "trend pp/week", "verdict", "sessions"],
                  rows, table_id="balance"))


def _trend_cells(trend: BalanceTrend) -> tuple:
    return trend.slope_pp_per_week, trend.verdict, trend.sessions


def _weekly_means(rows: list[queries.TrendRow]) -> dict[float, tuple]:
    """Week number since the exercise's first session -> (mean range of motion, mean rep time)."""
    start = queries.parse_time(rows[0].started_at)
    weeks: dict[int, list] = defaultdict(list)
    for row in rows:
        if row.reps:
            weeks[(queries.parse_time(row.started_at) - start).days // 7].append(row)
    return {week: (_mean([r.range_of_motion for r in group]),
                   _mean([(r.tempo_down_s or 0) + (r.tempo_up_s or 0) for r in group]))
            for week, group in weeks.items()}


def _mean(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _nan(value: float | None) -> float:
    """None as NaN, which a plotted line skips."""
    return float("nan") if value is None else value


def _axes(*boxes: tuple[float, float], height: float = 3.0) -> tuple:
    """A figure with one axes per (left, width) box, as figure shares. Fixed boxes rather than
    constrained layout, which measures every label and took half the drawing time."""
    from ..report.svg import new_figure   # matplotlib loads only when a page is drawn
    fig = new_figure(9.0, height)
    fig.set_layout_engine("none")
    return fig, *(fig.add_axes((left, 0.17, width, 0.78)) for left, width in boxes)


def _svg(fig) -> str:
    from ..report.svg import to_svg
    return to_svg(fig)
