"""One coaching session's rows in the history, written the moment each rep or hold is judged.

The history is a record, not the coaching: when it cannot be opened or written (a read-only
folder, a full disk, a file from a newer trainer) the session goes on, the user is told once in
one line, and session.json / analysis.json still hold everything.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from .store import HistoryError, HistoryWriter


class SessionLog:
    """``add`` a finished rep or hold with its exercise and set number; ``finish`` at the end.
    The session's row is written with its first rep or hold, so a session in which nothing was
    counted (no model, no camera, nobody in view, quit at once) leaves nothing behind."""

    def __init__(self, writer: HistoryWriter, kind: str, source: str,
                 warn: Callable[[str], None] = print) -> None:
        self.writer, self.warn = writer, warn
        self.kind, self.source = kind, source
        self.session_id: int | None = None   # the row is made when something happened
        self._sets: dict[tuple[str, int], int] = {}

    @classmethod
    def open(cls, db: Path | None, kind: str, source: str,
             warn: Callable[[str], None] = print) -> SessionLog | None:
        """A log in the history at ``db`` (default: the user's data folder), or None, said in
        one line, when that history cannot be used."""
        try:
            return cls(HistoryWriter(db), kind, source, warn)
        except (HistoryError, sqlite3.Error, OSError) as exc:
            warn(f"note: this session is not saved to the workout history ({exc})")
            return None

    def add(self, exercise: str, set_number: int, item) -> None:
        """Store a RepResult or HoldResult (with its cues) now, committed before returning."""
        if self.writer is None:
            return
        try:
            key = (exercise, set_number)
            self._ensure_session()
            if key not in self._sets:
                self._sets[key] = self.writer.start_set(self.session_id, exercise, set_number)
            if hasattr(item, "held_s"):
                self.writer.add_hold(self._sets[key], item)
            else:
                self.writer.add_rep(self._sets[key], item)
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)

    def finish(self, ended: str, duration_s: float, report: Path | None = None) -> None:
        """Say how the session ended, and close the database."""
        if self.writer is None:
            return
        if self.session_id is None:   # no rep or hold: nothing worth a row in the history
            self.writer.close()
            self.writer = None
            return
        try:
            self.writer.finish_session(self.session_id, ended, round(duration_s, 2), report)
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)
            return
        self.writer.close()
        self.writer = None

    def _ensure_session(self) -> None:
        if self.session_id is None:
            self.session_id = self.writer.start_session(self.kind, self.source)

    def _give_up(self, exc: Exception) -> None:
        self.warn(f"note: the workout history could not be written ({exc}); "
                  "the rest of this session is kept in its JSON file only")
        self.writer.close()
        self.writer = None
