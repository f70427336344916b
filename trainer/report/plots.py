"""The report's plots, as inline SVG: joint angles over time, and left against right.

Pure drawing: numbers in, ``<svg>`` text out (matplotlib figures made without pyplot).
"""

from __future__ import annotations

import numpy as np

from .svg import new_figure, to_svg

MAX_POINTS = 1500   # per line: more only makes the SVG heavier, not the plot clearer
ANGLE_LINES = (("knee_left", "knee, left", "#1f6fb4", "-"), ("knee_right", "knee, right", "#d9480f", "-"),
               ("hip_left", "hip, left", "#1f6fb4", "--"), ("hip_right", "hip, right", "#d9480f", "--"))
SIDE_COLOURS = {"left": "#1f6fb4", "right": "#d9480f", "both": "#6c757d"}


def _thinned(t: np.ndarray, *series: np.ndarray) -> tuple[np.ndarray, ...]:
    step = max(1, int(np.ceil(len(t) / MAX_POINTS)))
    return (t[::step], *(values[::step] for values in series))


def angles_over_time(frames: dict[str, np.ndarray], signal_label: str | None, boundaries: list[tuple],
                     cue_times: list[tuple[float, str]]) -> str:
    """Knee and hip angles of both legs (top) and the rep signal (bottom, if any) against time.

    ``frames``: ``t`` plus the angle arrays and ``signal`` (Timeline.arrays); ``boundaries``:
    (start_s, turn_s, end_s) per rep (a hold has no turn: None); ``cue_times``: (t_s, rule id).
    """
    has_signal = signal_label is not None and np.isfinite(frames["signal"]).any()
    fig = new_figure(9.0, 4.6 if has_signal else 3.0)
    axes = fig.subplots(2 if has_signal else 1, 1, sharex=True, squeeze=False)[:, 0]
    t = frames["t"]
    for key, label, colour, style in ANGLE_LINES:
        axes[0].plot(*_thinned(t, frames[key]), style, color=colour, linewidth=1.2, label=label)
    axes[0].set_ylabel("angle (degrees)")
    axes[0].legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), fontsize=8, ncol=4, frameon=False)
    if has_signal:
        axes[1].plot(*_thinned(t, frames["signal"]), color="#2b2d42", linewidth=1.2)
        axes[1].set_ylabel(signal_label)
    for ax in axes:
        _mark_reps(ax, boundaries)
        for t_s, _ in cue_times:
            ax.axvline(t_s, color="#c92a2a", linewidth=1.0, alpha=0.8)
    limits = axes[-1].get_ylim()
    axes[-1].plot([c[0] for c in cue_times], [limits[0]] * len(cue_times), "^", color="#c92a2a",
                  markersize=7, clip_on=False)
    axes[-1].set_ylim(limits)   # the markers sit on the bottom edge without widening the axis
    axes[-1].set_xlabel("time (s)")
    return to_svg(fig)


def _mark_reps(ax, boundaries: list[tuple]) -> None:
    """Shade each rep from start to end; a dotted line at its turning point."""
    for start_s, turn_s, end_s in boundaries:
        ax.axvspan(start_s, end_s, color="#2f9e44", alpha=0.08)
        if turn_s is not None:
            ax.axvline(turn_s, color="#2f9e44", linestyle=":", linewidth=1.0)


def side_bars(sides: list[dict]) -> str:
    """Left against right: reps, mean range of motion, mean rep time and cues, one panel each.

    ``sides``: one dict per side with ``side``, ``reps``, ``mean_range_of_motion``,
    ``mean_rep_s`` and ``cues`` (side_comparison's rows).
    """
    panels = (("reps", "reps"), ("mean_range_of_motion", "mean range of motion"),
              ("mean_rep_s", "mean rep time (s)"), ("cues", "cues"))
    fig = new_figure(9.0, 2.2)
    names = [row["side"] for row in sides]
    colours = [SIDE_COLOURS.get(name, "#6c757d") for name in names]
    for ax, (key, title) in zip(fig.subplots(1, len(panels)), panels):
        values = [row[key] if row[key] is not None else 0.0 for row in sides]
        ax.bar(names, values, color=colours)
        ax.set_title(title, fontsize=9)
        ax.tick_params(labelsize=8)
    return to_svg(fig)
