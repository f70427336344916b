"""The report of one analysis, live session or workout, for a runner and their physical
therapist: per exercise a summary per set, the cues, every rep, the joint angles over time,
left against right for one-sided exercises, and a picture of the worst rep for each cue.

Pure: ``Section`` data in, HTML text out. The rows are plain dicts (``rep_records`` and friends)
so the JSON and CSV exports carry exactly what the page shows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html import escape

from .page import figure, image_data_uri, page, table
from .plots import angles_over_time, side_bars

DEPTH_RULE = "shallow_depth"   # the rule whose measurement is the rep's depth, where one exists
PLOT_MARGIN_S = 2.0


@dataclass
class Section:
    """One exercise's part of a report. ``reps``/``holds``: (set number, RepResult/HoldResult);
    ``timeline``: a report.timeline.Timeline or None; ``thumbnails``: CueThumbnail, worst first."""

    exercise: object   # exercises.base.Exercise
    reps: list = field(default_factory=list)
    holds: list = field(default_factory=list)
    timeline: object = None
    thumbnails: list = field(default_factory=list)

    @property
    def faults(self) -> list[tuple[int, str, object, object]]:
        """(set, "rep"/"hold", item, FormFault) for every cue, in order."""
        return [(number, kind, item, fault) for kind, items in (("rep", self.reps), ("hold", self.holds))
                for number, item in items for fault in item.faults]


def cue_name(fault) -> str:
    """A cue as the runner heard it, with the rule id a therapist can look up."""
    return f"{fault.cue} ({fault.rule_id})"


def depth_of(exercise, metrics: dict) -> tuple[float | None, str]:
    """The rep's depth measurement and its unit, where the exercise judges depth."""
    for rule in exercise.rules:
        if rule.id == DEPTH_RULE:
            return metrics.get(rule.measurement), rule.unit
    return None, ""


def rep_records(section: Section) -> list[dict]:
    rows = []
    for number, rep in section.reps:
        depth, unit = depth_of(section.exercise, rep.measurements)
        metrics = rep.measurements
        rows.append({"exercise": section.exercise.id, "set": number, "rep": rep.index, "side": rep.side,
                     "start_s": round(rep.start_s, 3), "turn_s": round(rep.turn_s, 3),
                     "end_s": round(rep.end_s, 3), "view": rep.view,
                     "range_of_motion": metrics.get("range_of_motion"), "depth": depth, "depth_unit": unit,
                     "tempo_down_s": metrics.get("tempo_down_s"), "tempo_up_s": metrics.get("tempo_up_s"),
                     "pause_s": metrics.get("pause_s"), "cues": [f.rule_id for f in rep.faults],
                     "metrics": metrics})
    return rows


def hold_records(section: Section) -> list[dict]:
    return [{"exercise": section.exercise.id, "set": number, "hold": hold.index, "side": hold.side,
             "start_s": round(hold.start_s, 3), "end_s": round(hold.end_s, 3), "held_s": hold.held_s,
             "view": hold.view, "cues": [f.rule_id for f in hold.faults], "metrics": hold.measurements}
            for number, hold in section.holds]


def cue_records(section: Section) -> list[dict]:
    return [{"exercise": section.exercise.id, "set": number, "kind": kind, "index": item.index,
             "rule": f.rule_id, "cue": f.cue, "t_s": round(f.t_s, 3), "measured": round(f.measured, 2),
             "limit": f.limit, "unit": f.unit, "side": f.side, "view": f.view, "priority": f.priority}
            for number, kind, item, f in section.faults]


def set_summaries(section: Section) -> list[dict]:
    """Per set: reps (and per side), holds with the seconds held, and how often each cue came."""
    numbers = sorted({n for n, _ in section.reps} | {n for n, _ in section.holds})
    rows = []
    for number in numbers:
        reps = [r for n, r in section.reps if n == number]
        holds = [h for n, h in section.holds if n == number]
        cues = Counter(f.rule_id for n, _, _, f in section.faults if n == number)
        rows.append({"set": number, "reps": len(reps), "reps_by_side": dict(Counter(r.side for r in reps)),
                     "holds": len(holds), "held_s": round(sum(h.held_s for h in holds), 1),
                     "cue_counts": dict(cues)})
    return rows


def side_comparison(section: Section) -> list[dict]:
    """Left and right reps of a one-sided exercise: count, mean range of motion, mean rep time
    and cues (empty for exercises that work both legs at once)."""
    if not section.exercise.unilateral:
        return []
    rows = []
    for side in ("left", "right"):
        reps = [r for _, r in section.reps if r.side == side]
        roms = [r.measurements["range_of_motion"] for r in reps if "range_of_motion" in r.measurements]
        rows.append({"side": side, "reps": len(reps),
                     "mean_range_of_motion": round(sum(roms) / len(roms), 2) if roms else None,
                     "mean_rep_s": round(sum(r.end_s - r.start_s for r in reps) / len(reps), 2) if reps else None,
                     "cues": sum(len(r.faults) for r in reps)})
    return rows


def build_report(title: str, subtitle: str, sections: list[Section]) -> str:
    """The whole HTML page."""
    body = "".join(_section_html(s) for s in sections) or '<p class="muted">Nothing was recorded.</p>'
    return page(title, body, subtitle)


def _section_html(section: Section) -> str:
    ex = section.exercise
    parts = [f'<section id="{escape(ex.id)}"><h2>{escape(ex.name)}</h2>'
             f'<p class="muted">{escape(ex.summary)}</p>', _summary_html(section), _cues_html(section)]
    if section.reps:
        parts.append(_reps_html(section))
    if section.holds:
        parts.append(_holds_html(section))
    parts += [_plots_html(section), _sides_html(section), _thumbnails_html(section), "</section>"]
    return "\n".join(parts)


def _summary_html(section: Section) -> str:
    names = {f.rule_id: cue_name(f) for *_, f in section.faults}
    rows = [(s["set"], s["reps"], ", ".join(f"{side} {n}" for side, n in sorted(s["reps_by_side"].items())),
             s["holds"], s["held_s"], "; ".join(f"{n}× {names[r]}" for r, n in s["cue_counts"].items()) or "none")
            for s in set_summaries(section)]
    if not rows:
        return '<p class="muted">No rep or hold was counted.</p>'
    return ("<h3>Sets</h3>" + _notes(table(["Set", "Reps", "Reps per side", "Holds", "Held (s)", "Cues"],
                                           rows, table_id=f"summary-{section.exercise.id}")))


def _cues_html(section: Section) -> str:
    by_rule: dict[str, list] = {}
    for *_, fault in section.faults:
        by_rule.setdefault(fault.rule_id, []).append(fault)
    if not by_rule:
        return '<p class="muted">No form cue was needed.</p>'
    rows = [(cue_name(fs[0]), len(fs), max(fs, key=lambda f: abs(f.measured - f.limit)).measured,
             fs[0].limit, fs[0].unit) for fs in by_rule.values()]
    return ("<h3>Cues</h3>" + table(["Cue (rule)", "Times", "Worst measured", "Limit", "Unit"], rows,
                                    table_id=f"cues-{section.exercise.id}"))


def _reps_html(section: Section) -> str:
    signal = section.exercise.rep_metric
    records = rep_records(section)
    unit = next((r["depth_unit"] for r in records if r["depth_unit"]), "")
    rows = [(r["set"], r["rep"], r["side"], r["range_of_motion"], r["depth"], r["tempo_down_s"],
             r["tempo_up_s"], r["pause_s"], "; ".join(cue_name(f) for f in rep.faults) or "ok")
            for r, (_, rep) in zip(records, section.reps)]
    headers = ["Set", "Rep", "Side", f"Range of motion ({signal})", f"Depth ({unit})" if unit else "Depth",
               "Down (s)", "Up (s)", "Pause (s)", "Cues"]
    caption = (f"Range of motion is how far the rep signal ({signal}) travelled from the start to the "
               "turning point. Down and up are the seconds before and after the turning point; pause "
               "is the time spent still near it.")
    return ("<h3>Reps</h3>" + _notes(table(headers, rows, table_id=f"reps-{section.exercise.id}"))
            + f'<p class="muted">{escape(caption)}</p>')


def _holds_html(section: Section) -> str:
    rows = [(n, h.index, h.side, h.held_s, "; ".join(cue_name(f) for f in h.faults) or "ok")
            for n, h in section.holds]
    return "<h3>Holds</h3>" + _notes(table(["Set", "Hold", "Side", "Held (s)", "Cues"], rows,
                                           table_id=f"holds-{section.exercise.id}"))


def _notes(table_html: str) -> str:
    """A table whose last column is text (the cues), left-aligned."""
    return f'<div class="notes">{table_html}</div>'


def _plots_html(section: Section) -> str:
    timeline = section.timeline
    if timeline is None or not len(timeline):
        return ""
    spans = {}
    for number, item in [*section.reps, *section.holds]:
        start, end = spans.get(number, (item.start_s, item.end_s))
        spans[number] = (min(start, item.start_s), max(end, item.end_s))
    windows = spans or {None: (timeline.t[0], timeline.t[-1])}
    parts = ["<h3>Joint angles over time</h3>"]
    for number, (start, end) in sorted(windows.items(), key=lambda kv: kv[1]):
        frames = timeline.arrays(start - PLOT_MARGIN_S, end + PLOT_MARGIN_S)
        if not len(frames["t"]):
            continue
        items = [item for n, item in [*section.reps, *section.holds] if n == number or number is None]
        bounds = [(i.start_s, getattr(i, "turn_s", None), i.end_s) for i in items]
        cues = [(f.t_s, f.rule_id) for i in items for f in i.faults]
        signal = section.exercise.rep_metric
        svg = angles_over_time(frames, signal, bounds, cues)
        where = f"Set {number}: " if number is not None else ""
        below = f", and below them the rep signal ({signal})," if signal else ""
        parts.append(figure(svg, f"{where}knee and hip angles of each leg in degrees (180 = straight)"
                            f"{below} against time in seconds. Green bands are reps or holds from start "
                            "to end, dotted lines their turning points, red lines and triangles the cues."))
    return "\n".join(parts) if len(parts) > 1 else ""


def _sides_html(section: Section) -> str:
    sides = side_comparison(section)
    if not sides:
        return ""
    rows = [(s["side"], s["reps"], s["mean_range_of_motion"], s["mean_rep_s"], s["cues"]) for s in sides]
    return ("<h3>Left versus right</h3>"
            + table(["Side", "Reps", "Mean range of motion", "Mean rep time (s)", "Cues"], rows,
                    table_id=f"sides-{section.exercise.id}")
            + figure(side_bars(sides), "Each leg's reps, mean range of motion, mean rep time in seconds "
                     "and cues side by side: bars of different height show an imbalance."))


def _thumbnails_html(section: Section) -> str:
    if not section.thumbnails:
        return ""
    sets = {id(item): number for number, item in [*section.reps, *section.holds]}
    cards = []
    for thumb in section.thumbnails:
        f, item = thumb.fault, thumb.item
        where = f"set {sets.get(id(item), '?')}, {thumb.kind} {item.index}, {item.side}"
        caption = (f"{cue_name(f)}: {where}; measured {f.measured:.2f} {f.unit} against a limit of "
                   f"{f.limit:g} (at {thumb.t_s:.1f} s)")
        cards.append(f'<figure><img alt="{escape(cue_name(f))}" src="{image_data_uri(thumb.jpeg)}">'
                     f"<figcaption>{escape(caption)}</figcaption></figure>")
    return ("<h3>Worst rep for each cue</h3><p class=\"muted\">The frame nearest the turning point "
            "of the rep that broke each limit the most.</p>"
            f'<div class="thumbs">{"".join(cards)}</div>')
