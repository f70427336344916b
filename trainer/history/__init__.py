"""Workout history: every session's sets, reps, holds and cues in SQLite, and what they show
over the weeks (``trainer history``, ``trainer progress``)."""

from .store import EmptyHistory, HistoryError, HistoryWriter, default_db_path, open_existing, open_history

__all__ = ["EmptyHistory", "HistoryError", "HistoryWriter", "default_db_path", "open_existing",
           "open_history"]
