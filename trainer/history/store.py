"""Where the workout history lives, opening it safely, and writing it as a session goes.

One SQLite file (standard library ``sqlite3``) in WAL mode: a rep is committed in its own small
transaction the moment it is judged, so a crash, Ctrl-C or SIGKILL loses at most the rep in
progress, and a reader (``trainer history``) never blocks the writer.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import sys
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .schema import MIGRATIONS, SCHEMA_VERSION

SESSION_KINDS = ("analysis", "live", "workout")


class HistoryError(Exception):
    """The history database cannot be used; the message is one line for the user."""


class EmptyHistory(HistoryError):
    """There is nothing recorded to show (no database file, no sessions, no such exercise)."""


def default_db_path() -> Path:
    """``$TRAINER_DATA_DIR/history.sqlite3``, else the platform's per-user data folder."""
    if override := os.environ.get("TRAINER_DATA_DIR"):
        return Path(override) / "history.sqlite3"
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "trainer" / "history.sqlite3"


def open_history(path: Path | str | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the history database; rows come as ``sqlite3.Row``.

    Raises HistoryError for a file that is not a database or was written by a newer trainer.
    """
    path = Path(path) if path is not None else default_db_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None)   # autocommit; transactions are explicit
    except (OSError, sqlite3.Error) as exc:
        raise HistoryError(f"cannot open {path}: {exc}") from None
    conn.row_factory = sqlite3.Row
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryError(f"{path} has history schema v{version}, newer than this trainer "
                               f"reads (v{SCHEMA_VERSION}); update trainer to open it")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")   # WAL + NORMAL: safe against process crashes
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, version)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise HistoryError(f"{path} is not a trainer history database ({exc})") from None
    except HistoryError:
        conn.close()
        raise
    return conn


def open_existing(path: Path | str | None = None) -> sqlite3.Connection:
    """Open the history for reading; EmptyHistory when there is no file or no session in it
    (reading never creates a database in the user's data folder)."""
    path = Path(path) if path is not None else default_db_path()
    if not path.is_file():
        raise EmptyHistory(f"no workout history yet: {path} does not exist")
    conn = open_history(path)
    if conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0:
        conn.close()
        raise EmptyHistory(f"no sessions recorded yet in {path}")
    return conn


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Apply each migration after ``from_version``, each with its version bump in one transaction."""
    for number, script in enumerate(MIGRATIONS[from_version:], start=from_version + 1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")


def utc_iso(moment: datetime | None = None) -> str:
    """A moment as UTC ISO 8601 to the second (now when None; naive means local time)."""
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _number(value) -> float | None:
    """A finite float, or None (SQLite and JSON have no NaN)."""
    return float(value) if value is not None and math.isfinite(value) else None


def _metrics_json(measurements: dict) -> str:
    return json.dumps({k: _number(v) for k, v in measurements.items()}, separators=(",", ":"))


class HistoryWriter:
    """Writes one or more sessions as they happen; every ``add_rep``/``add_hold`` is committed
    before it returns. Use as a context manager, or call ``close``."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.conn = open_history(path)
        self._sets: dict[int, tuple[int, str]] = {}   # set id -> (session id, exercise)

    def __enter__(self) -> HistoryWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def start_session(self, kind: str, source: str | None, started_at: datetime | None = None) -> int:
        if kind not in SESSION_KINDS:
            raise ValueError(f"session kind must be one of {', '.join(SESSION_KINDS)}, not {kind!r}")
        cursor = self.conn.execute("INSERT INTO sessions (kind, source, started_at) VALUES (?, ?, ?)",
                                   (kind, source, utc_iso(started_at)))
        return cursor.lastrowid

    def start_set(self, session_id: int, exercise: str, set_no: int, side: str | None = None) -> int:
        cursor = self.conn.execute(
            "INSERT INTO sets (session_id, exercise, set_no, side) VALUES (?, ?, ?, ?)",
            (session_id, exercise, set_no, side))
        self._sets[cursor.lastrowid] = (session_id, exercise)
        return cursor.lastrowid

    def add_rep(self, set_id: int, rep) -> int:
        """Store a RepResult and its cues in one transaction; returns the rep's row id."""
        session_id, exercise = self._set_of(set_id)
        m = rep.measurements
        with self._transaction():
            rep_id = self.conn.execute(
                "INSERT INTO reps (set_id, session_id, exercise, idx, side, start_s, turn_s, end_s,"
                " range_of_motion, tempo_down_s, tempo_up_s, pause_s, view, metrics)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (set_id, session_id, exercise, rep.index, rep.side, rep.start_s, rep.turn_s,
                 rep.end_s, _number(m.get("range_of_motion")), _number(m.get("tempo_down_s")),
                 _number(m.get("tempo_up_s")), _number(m.get("pause_s")), rep.view,
                 _metrics_json(m))).lastrowid
            self._add_cues(session_id, rep.faults, rep_id=rep_id)
        return rep_id

    def add_hold(self, set_id: int, hold) -> int:
        """Store a HoldResult and its cues in one transaction; returns the hold's row id."""
        session_id, exercise = self._set_of(set_id)
        with self._transaction():
            hold_id = self.conn.execute(
                "INSERT INTO holds (set_id, session_id, exercise, idx, side, start_s, end_s, held_s,"
                " view, metrics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (set_id, session_id, exercise, hold.index, hold.side, hold.start_s, hold.end_s,
                 hold.held_s, hold.view, _metrics_json(hold.measurements))).lastrowid
            self._add_cues(session_id, hold.faults, hold_id=hold_id)
        return hold_id

    def finish_session(self, session_id: int, ended: str, duration_s: float,
                       report: Path | str | None = None) -> None:
        self.conn.execute("UPDATE sessions SET ended = ?, duration_s = ?, report = ? WHERE id = ?",
                          (ended, duration_s, None if report is None else str(report), session_id))

    def _add_cues(self, session_id: int, faults, *, rep_id=None, hold_id=None) -> None:
        self.conn.executemany(
            "INSERT INTO cues (session_id, rep_id, hold_id, rule_id, cue, t_s, side, measured,"
            " limit_value, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(session_id, rep_id, hold_id, f.rule_id, f.cue, f.t_s, f.side, _number(f.measured),
              _number(f.limit), f.unit) for f in faults])

    def _set_of(self, set_id: int) -> tuple[int, str]:
        if set_id not in self._sets:
            row = self.conn.execute("SELECT session_id, exercise FROM sets WHERE id = ?", (set_id,)).fetchone()
            if row is None:
                raise ValueError(f"no set {set_id} in the history")
            self._sets[set_id] = (row[0], row[1])
        return self._sets[set_id]

    @contextmanager
    def _transaction(self):
        """BEGIN ... COMMIT, or ROLLBACK when the block raises (the connection is in autocommit)."""
        self.conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
