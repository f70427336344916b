"""Reading the history: session lists, per-exercise trends, weekly volume and CSV export.

Each function runs one aggregate query per table it reads (indexed on exercise and session),
so a year of daily sessions answers in milliseconds. Rows are plain dataclasses.
"""

from __future__ import annotations

import csv
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class SessionRow:
    id: int
    kind: str
    source: str | None
    started_at: str
    ended: str | None
    duration_s: float | None
    exercises: str
    reps: int
    held_s: float
    cues: int


@dataclass(frozen=True)
class TrendRow:
    """One session's work on one exercise."""

    session_id: int
    started_at: str
    reps: int
    range_of_motion: float | None
    tempo_down_s: float | None
    tempo_up_s: float | None
    cues: int
    holds: int
    held_s: float

    @property
    def cue_rate(self) -> float | None:
        """Cues per rep or hold: how often the form slipped."""
        done = self.reps + self.holds
        return self.cues / done if done else None


@dataclass(frozen=True)
class WeekVolume:
    week: str          # ISO week, e.g. "2026-W48"
    exercise: str
    reps: int
    held_s: float


def parse_time(iso: str) -> datetime:
    """A stored ``started_at`` as a naive UTC datetime."""
    return datetime.fromisoformat(iso.rstrip("Z"))


def iso_week(iso: str) -> str:
    year, week, _ = parse_time(iso).isocalendar()
    return f"{year}-W{week:02d}"


def count_sessions(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sessions").fetchone()[0]


def list_sessions(conn: sqlite3.Connection, exercise: str | None = None,
                  limit: int | None = 30) -> list[SessionRow]:
    """The latest sessions first; with ``exercise``, only sessions with it and only its counts."""
    rows = conn.execute(
        """SELECT s.id, s.kind, s.source, s.started_at, s.ended, s.duration_s,
             (SELECT group_concat(DISTINCT exercise) FROM sets
               WHERE session_id = s.id AND (:ex IS NULL OR exercise = :ex)),
             (SELECT count(*) FROM reps WHERE session_id = s.id AND (:ex IS NULL OR exercise = :ex)),
             (SELECT coalesce(sum(held_s), 0) FROM holds
               WHERE session_id = s.id AND (:ex IS NULL OR exercise = :ex)),
             (SELECT count(*) FROM cues c LEFT JOIN reps r ON r.id = c.rep_id
               LEFT JOIN holds h ON h.id = c.hold_id
               WHERE c.session_id = s.id AND (:ex IS NULL OR coalesce(r.exercise, h.exercise) = :ex))
           FROM sessions s
           WHERE :ex IS NULL OR EXISTS (SELECT 1 FROM sets WHERE session_id = s.id AND exercise = :ex)
           ORDER BY s.started_at DESC, s.id DESC LIMIT :limit""",
        {"ex": exercise, "limit": -1 if limit is None else limit}).fetchall()
    return [SessionRow(*row[:6], row[6] or "", row[7], row[8], row[9]) for row in rows]


def exercise_trend(conn: sqlite3.Connection, exercise: str) -> list[TrendRow]:
    """One exercise's sessions, oldest first: reps, mean range of motion and tempo, cues, holds."""
    return trends_and_sides(conn, exercise)[0].get(exercise, [])


def side_summary(conn: sqlite3.Connection, exercise: str | None = None) -> list[dict]:
    """Per session, exercise and side (left/right only), oldest first: reps, mean range of
    motion and mean rep time (``started_at`` as a datetime); the input of ``balance_points``."""
    return trends_and_sides(conn, exercise)[1]


def trends_and_sides(conn: sqlite3.Connection, exercise: str | None = None
                     ) -> tuple[dict[str, list[TrendRow]], list[dict]]:
    """``exercise_trend`` of every exercise (or just ``exercise``) and ``side_summary``, from one
    pass over the reps grouped by session, exercise and side."""
    only = "WHERE exercise = :ex" if exercise else ""
    groups = conn.execute(
        f"""SELECT session_id, exercise, side, count(*), sum(range_of_motion), count(range_of_motion),
                   sum(tempo_down_s), count(tempo_down_s), sum(tempo_up_s), count(tempo_up_s),
                   avg(end_s - start_s)
            FROM reps {only} GROUP BY session_id, exercise, side""", {"ex": exercise}).fetchall()
    holds = {(row[0], row[1]): row[2:] for row in conn.execute(
        f"SELECT session_id, exercise, count(*), sum(held_s) FROM holds {only} GROUP BY session_id, exercise",
        {"ex": exercise})}
    cues = {(row[0], row[1]): row[2] for row in conn.execute(
        """SELECT c.session_id, coalesce(r.exercise, h.exercise) AS ex, count(*) FROM cues c
           LEFT JOIN reps r ON r.id = c.rep_id LEFT JOIN holds h ON h.id = c.hold_id
           GROUP BY c.session_id, ex""")}
    started = dict(conn.execute("SELECT id, started_at FROM sessions").fetchall())
    reps = _rep_totals(groups)
    trends: dict[str, list[TrendRow]] = defaultdict(list)
    for key in sorted(set(reps) | set(holds), key=lambda k: (started[k[0]], k[0])):
        n, rom, rom_n, down, down_n, up, up_n = reps.get(key, [0] * 7)
        hold_count, held = holds.get(key, (0, 0.0))
        trends[key[1]].append(TrendRow(key[0], started[key[0]], n, _ratio(rom, rom_n), _ratio(down, down_n),
                                       _ratio(up, up_n), cues.get(key, 0), hold_count, held or 0.0))
    return dict(trends), _side_rows(groups, started)


def _rep_totals(groups) -> dict[tuple[int, str], list[float]]:
    """(session, exercise) -> [reps, then sum and count of range of motion, tempo down, tempo
    up], adding up the sides."""
    totals: dict[tuple[int, str], list[float]] = defaultdict(lambda: [0] * 7)
    for session_id, exercise, _side, n, *sums, _rep_s in groups:
        key = session_id, exercise
        totals[key] = [a + b for a, b in zip(totals[key], [n, *(v or 0 for v in sums)])]
    return totals


def _side_rows(groups, started: dict[int, str]) -> list[dict]:
    """The left and right groups as ``side_summary`` rows, oldest first."""
    rows = [{"session_id": session_id, "started_at": parse_time(started[session_id]), "exercise": exercise,
             "side": side, "reps": n, "range_of_motion": _ratio(sums[0] or 0, sums[1]), "rep_s": rep_s}
            for session_id, exercise, side, n, *sums, rep_s in groups if side in ("left", "right")]
    return sorted(rows, key=lambda row: (row["started_at"], row["session_id"]))


def _ratio(total: float, count: int) -> float | None:
    return total / count if count else None


def weekly_volume(conn: sqlite3.Connection) -> list[WeekVolume]:
    """Reps and held seconds per ISO week and exercise, oldest week first."""
    totals: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0.0])
    for started, exercise, count in conn.execute(
            """SELECT s.started_at, r.exercise, count(*) FROM reps r JOIN sessions s ON s.id = r.session_id
               GROUP BY r.session_id, r.exercise"""):
        totals[iso_week(started), exercise][0] += count
    for started, exercise, held in conn.execute(
            """SELECT s.started_at, h.exercise, sum(h.held_s) FROM holds h JOIN sessions s ON s.id = h.session_id
               GROUP BY h.session_id, h.exercise"""):
        totals[iso_week(started), exercise][1] += held or 0.0
    return [WeekVolume(week, exercise, reps, held) for (week, exercise), (reps, held) in sorted(totals.items())]


REP_COLUMNS = ("session_id", "started_at", "kind", "exercise", "set_no", "set_side", "rep", "side",
               "start_s", "turn_s", "end_s", "range_of_motion", "tempo_down_s", "tempo_up_s",
               "pause_s", "view", "cues", "metrics")
SESSION_COLUMNS = ("id", "kind", "source", "started_at", "ended", "duration_s", "report")


def export_reps_csv(conn: sqlite3.Connection, out: Path, exercise: str | None = None) -> int:
    """Every rep (one row each, its cue rule ids joined by ';') to a CSV file; returns the count."""
    rows = conn.execute(
        """SELECT r.session_id, s.started_at, s.kind, r.exercise, t.set_no, t.side, r.idx, r.side,
                  r.start_s, r.turn_s, r.end_s, r.range_of_motion, r.tempo_down_s, r.tempo_up_s,
                  r.pause_s, r.view,
                  (SELECT group_concat(rule_id, ';') FROM cues WHERE rep_id = r.id), r.metrics
           FROM reps r JOIN sessions s ON s.id = r.session_id JOIN sets t ON t.id = r.set_id
           WHERE :ex IS NULL OR r.exercise = :ex ORDER BY s.started_at, r.id""", {"ex": exercise})
    return _write_csv(out, REP_COLUMNS, rows)


def export_sessions_csv(conn: sqlite3.Connection, out: Path) -> int:
    rows = conn.execute(f"SELECT {', '.join(SESSION_COLUMNS)} FROM sessions ORDER BY started_at, id")
    return _write_csv(out, SESSION_COLUMNS, rows)


def _write_csv(out: Path, columns, rows) -> int:
    count = 0
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            count += 1
    return count
