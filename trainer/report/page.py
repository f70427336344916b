"""The HTML page every report shares: one style sheet, escaped text, plain tables.

Everything is inline so the file opens offline and can be mailed to a physical therapist.
"""

from __future__ import annotations

import base64
from html import escape
from typing import Iterable, Sequence

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1d2433;
       padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 2px solid #d5dbe6; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #d5dbe6; padding: .25rem .55rem; text-align: right; }
th { background: #eef2f8; }
td.text, th.text { text-align: left; }
.muted { color: #5b6577; }
.cue { color: #a33a12; }
figure { margin: .8rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #5b6577; }
.thumbs { display: flex; flex-wrap: wrap; gap: 1rem; }
.thumbs figure { width: auto; max-width: 16rem; }
.thumbs img { width: auto; max-width: 100%; max-height: 15rem; border: 1px solid #d5dbe6; }
.notes td:last-child, .notes th:last-child { text-align: left; }
"""


def page(title: str, body: str, subtitle: str = "") -> str:
    """A whole HTML document; ``body`` is already HTML, ``title`` and ``subtitle`` are text."""
    sub = f'<p class="muted">{escape(subtitle)}</p>' if subtitle else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n"
            f"<body><h1>{escape(title)}</h1>{sub}\n{body}\n</body></html>\n")


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, text_columns: int = 1,
          table_id: str = "") -> str:
    """A table of escaped cells; the first ``text_columns`` columns are left-aligned text,
    numbers are right-aligned. None shows as an empty cell, floats with two decimals."""
    def cell(tag: str, i: int, value: object) -> str:
        css = ' class="text"' if i < text_columns else ""
        return f"<{tag}{css}>{escape(_shown(value))}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>"
                   for row in rows)
    ident = f' id="{escape(table_id)}"' if table_id else ""
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def figure(svg: str, caption: str) -> str:
    """An inline SVG plot with its caption."""
    return f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


def image_data_uri(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if value != value else f"{value:.2f}"   # NaN shows empty
    return str(value)
