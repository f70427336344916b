"""Matplotlib figures as inline SVG text. Figures are made directly (not through pyplot), so no
GUI backend or display is involved."""

from __future__ import annotations

import io

import matplotlib
from matplotlib.figure import Figure

matplotlib.rcParams["svg.fonttype"] = "none"   # text stays text: smaller files, selectable labels


def new_figure(width_in: float = 9.0, height_in: float = 3.0) -> Figure:
    """A figure not registered with pyplot, so many reports never pile up open figures."""
    return Figure(figsize=(width_in, height_in), layout="constrained")


def to_svg(fig: Figure) -> str:
    """The figure as an ``<svg>`` element (without the XML prologue) for inlining in HTML."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg"):]
