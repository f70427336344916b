"""The history database's schema as an ordered list of migrations.

``PRAGMA user_version`` is the number of migrations applied. A migration is never edited once
shipped: a change to the schema is a new entry at the end, so any older file can be brought up
to date step by step.
"""

from __future__ import annotations

# v1: the base tables.
V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('analysis', 'live', 'workout')),
    source TEXT,
    started_at TEXT NOT NULL,          -- UTC, ISO 8601
    ended TEXT,                        -- how it ended ('finished', 'interrupted', ...); NULL while running
    duration_s REAL,
    report TEXT                        -- path of its report, if any
);
CREATE TABLE sets (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    exercise TEXT NOT NULL,
    set_no INTEGER NOT NULL,
    side TEXT
);
CREATE TABLE reps (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    exercise TEXT NOT NULL,
    idx INTEGER NOT NULL,
    side TEXT NOT NULL,
    start_s REAL, turn_s REAL, end_s REAL,
    range_of_motion REAL, tempo_down_s REAL, tempo_up_s REAL,
    view TEXT,
    metrics TEXT NOT NULL              -- JSON: every measurement of the rep
);
CREATE TABLE holds (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    exercise TEXT NOT NULL,
    idx INTEGER NOT NULL,
    side TEXT NOT NULL,
    start_s REAL, end_s REAL, held_s REAL,
    view TEXT,
    metrics TEXT NOT NULL
);
CREATE TABLE cues (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    rep_id INTEGER REFERENCES reps(id) ON DELETE CASCADE,
    hold_id INTEGER REFERENCES holds(id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    cue TEXT NOT NULL,
    t_s REAL, side TEXT, measured REAL, limit_value REAL, unit TEXT,
    CHECK ((rep_id IS NULL) <> (hold_id IS NULL))
);
CREATE INDEX sets_by_session ON sets(session_id);
CREATE INDEX cues_by_rep ON cues(rep_id);
CREATE INDEX cues_by_hold ON cues(hold_id);
"""

# v2: the pause at the turning point gets its own column (filled from the metrics JSON of
# reps stored before), and the per-exercise queries get indexes.
V2 = """
ALTER TABLE reps ADD COLUMN pause_s REAL;
UPDATE reps SET pause_s = json_extract(metrics, '$.pause_s');
CREATE INDEX reps_by_exercise ON reps(exercise, session_id);
CREATE INDEX reps_by_session ON reps(session_id, exercise, side);
CREATE INDEX holds_by_exercise ON holds(exercise, session_id);
CREATE INDEX holds_by_session ON holds(session_id, exercise);
CREATE INDEX cues_by_session ON cues(session_id);
CREATE INDEX sessions_by_start ON sessions(started_at);
"""

MIGRATIONS: tuple[str, ...] = (V1, V2)
SCHEMA_VERSION = len(MIGRATIONS)
