"""Files a reader may open at any moment (a session record rewritten after every rep, a report)."""

from __future__ import annotations

import os
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    """Write beside ``path``, then move into place: a reader never sees half a file, and a
    crash mid-write leaves the previous version."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
