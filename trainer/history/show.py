"""What ``trainer history`` prints: the session list, one exercise's trend and its balance."""

from __future__ import annotations

from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from . import queries
from .balance import balance_points, balance_trend
from .store import EmptyHistory, HistoryError, open_existing


def show_history(db: Path | None, out: Console, exercise: str | None = None, limit: int = 30,
                 csv_path: Path | None = None) -> None:
    """Print the latest sessions, or with ``exercise`` its per-session trend and (one-sided
    exercises) its left/right balance; export CSV files when ``csv_path`` is given.
    Raises EmptyHistory when nothing of what was asked is recorded."""
    conn = open_existing(db)
    try:
        if exercise is None:
            _print_sessions(out, queries.list_sessions(conn, limit=limit), queries.count_sessions(conn))
        else:
            trend = queries.exercise_trend(conn, exercise)
            if not trend:
                raise EmptyHistory(f"no reps or holds of {exercise!r} in the history")
            _print_trend(out, exercise, trend, limit)
            _print_balance(out, exercise, queries.side_summary(conn, exercise))
        if csv_path is not None:
            _export(out, conn, csv_path, exercise)
    finally:
        conn.close()


def _print_sessions(out: Console, rows: list[queries.SessionRow], total: int) -> None:
    # A light frame, the source's file name, and only the long names folding: the table still
    # reads in an 80-column terminal.
    table = Table(title=f"sessions (latest {len(rows)} of {total})", box=box.SIMPLE_HEAD, padding=(0, 1),
                  pad_edge=False, collapse_padding=True)
    for column in ("id", "started (UTC)", "kind", "exercises", "reps", "held s", "cues", "ended", "source"):
        table.add_column(column, no_wrap=column not in ("exercises", "source"), overflow="fold")
    for row in rows:
        exercises = row.exercises.split(",") if row.exercises else []
        table.add_row(str(row.id), _when(row.started_at), row.kind,
                      exercises[0] if len(exercises) == 1 else f"{len(exercises)} exercises", str(row.reps),
                      f"{row.held_s:.0f}", str(row.cues), row.ended or "cut off",
                      Path(row.source).name if row.source else "")
    out.print(table)


def _print_trend(out: Console, exercise: str, trend: list[queries.TrendRow], limit: int) -> None:
    shown = trend[-limit:]
    table = Table(title=f"{exercise}: per session (latest {len(shown)} of {len(trend)})")
    for column in ("started (UTC)", "reps", "range of motion", "tempo down s", "tempo up s",
                   "holds", "held s", "cues per rep/hold"):
        table.add_column(column, no_wrap=column == "started (UTC)")
    for row in shown:
        table.add_row(_when(row.started_at), str(row.reps), _num(row.range_of_motion, 1),
                      _num(row.tempo_down_s, 2), _num(row.tempo_up_s, 2), str(row.holds),
                      f"{row.held_s:.0f}", _num(row.cue_rate, 2))
    out.print(table)


def _print_balance(out: Console, exercise: str, side_rows: list[dict]) -> None:
    points = balance_points(side_rows).get(exercise)
    if not points:
        out.print(f"{exercise}: no one-sided reps, so no left/right balance.", highlight=False)
        return
    latest = next((p for p in reversed(points) if p.range_of_motion is not None), points[-1])
    out.print(f"left/right balance (symmetry index, percent; + means the left side is larger), "
              f"latest session with both sides ({latest.when:%Y-%m-%d}): range of motion "
              f"{_signed(latest.range_of_motion)}, rep time {_signed(latest.rep_time)}", highlight=False)
    for measure, label in (("range_of_motion", "range-of-motion gap"), ("rep_time", "rep-time gap")):
        out.print(f"  {label}: {balance_trend(points, measure).describe()}", highlight=False)


def _export(out: Console, conn, csv_path: Path, exercise: str | None) -> None:
    sessions_path = csv_path.with_name(f"{csv_path.stem}_sessions.csv")
    try:
        reps = queries.export_reps_csv(conn, csv_path, exercise)
        sessions = queries.export_sessions_csv(conn, sessions_path)
    except OSError as exc:
        raise HistoryError(f"cannot write {csv_path}: {exc.strerror or exc}") from None
    out.print(f"wrote {reps} reps to {csv_path} and {sessions} sessions to {sessions_path}", highlight=False)


def _when(iso: str) -> str:
    """A stored UTC time as 'YYYY-MM-DD HH:MM'."""
    return iso[:16].replace("T", " ")


def _num(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _signed(value: float | None) -> str:
    return "n/a (a side has no reps)" if value is None else f"{value:+.1f}%"
