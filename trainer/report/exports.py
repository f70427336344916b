"""Write a report and its data: report.html, plus report.json, reps.csv, holds.csv and cues.csv
beside it for people who want the numbers in a spreadsheet.

The CSV files have one row per rep, hold or cue over every exercise of the report; metrics an
exercise does not measure are empty cells.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

from ..io.files import write_text_atomically

from .analysis_report import (Section, build_report, cue_records, hold_records, rep_records,
                              set_summaries, side_comparison)

REPORT_VERSION = 1
REP_COLUMNS = ["exercise", "set", "rep", "side", "start_s", "turn_s", "end_s", "view", "range_of_motion",
               "depth", "depth_unit", "tempo_down_s", "tempo_up_s", "pause_s", "cues"]
HOLD_COLUMNS = ["exercise", "set", "hold", "side", "start_s", "end_s", "held_s", "view", "cues"]
CUE_COLUMNS = ["exercise", "set", "kind", "index", "rule", "cue", "t_s", "measured", "limit", "unit",
               "side", "view", "priority"]


def report_json(title: str, subtitle: str, sections: list[Section]) -> dict:
    """Everything the page shows except the pictures and the per-frame plot data."""
    return {"version": REPORT_VERSION, "title": title, "subtitle": subtitle,
            "exercises": [{"exercise": s.exercise.id, "name": s.exercise.name,
                           "unilateral": s.exercise.unilateral, "sets": set_summaries(s),
                           "sides": side_comparison(s), "reps": rep_records(s), "holds": hold_records(s),
                           "cues": cue_records(s),
                           "worst_cue_frames": [{"rule": t.fault.rule_id, "kind": t.kind, "index": t.item.index,
                                                 "t_s": round(t.t_s, 3), "violation": round(t.severity, 3)}
                                                for t in s.thumbnails]}
                          for s in sections]}


def _finite(value):
    """NaN (a metric that could not be measured) as None: empty in CSV, null in strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _flat_rows(records: list[dict], columns: list[str]) -> tuple[list[str], list[dict]]:
    """Rows for a CSV: lists joined with ';', the extra metrics spread into their own columns."""
    extra = sorted({k for r in records for k in r.get("metrics", {})} - set(columns))
    rows = []
    for record in records:
        row = {c: (";".join(v) if isinstance(v := record.get(c), list) else v) for c in columns}
        row.update({k: record.get("metrics", {}).get(k) for k in extra})
        rows.append(_finite(row))
    return columns + extra, rows


def write_csv(path: Path, records: list[dict], columns: list[str]) -> None:
    header, rows = _flat_rows(records, columns)
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def write_report(out_dir: Path, title: str, subtitle: str, sections: list[Section]) -> Path:
    """Write report.html, report.json, reps.csv, holds.csv and cues.csv into ``out_dir``;
    returns the HTML file's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(out_dir / "reps.csv", [r for s in sections for r in rep_records(s)], REP_COLUMNS)
    write_csv(out_dir / "holds.csv", [h for s in sections for h in hold_records(s)], HOLD_COLUMNS)
    write_csv(out_dir / "cues.csv", [c for s in sections for c in cue_records(s)], CUE_COLUMNS)
    data = _finite(report_json(title, subtitle, sections))
    write_text_atomically(out_dir / "report.json", json.dumps(data, indent=2, allow_nan=False) + "\n")
    html_path = out_dir / "report.html"
    write_text_atomically(html_path, build_report(title, subtitle, sections))
    return html_path
