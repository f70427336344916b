"""Silence the native libraries' start-up chatter on the terminal.

MediaPipe's C++ core and TFLite write INFO/WARNING lines straight to file descriptor 2 when a
model loads and on its first inference; Python's logging settings cannot reach them. The user
should see our one-line messages, not those.
"""

from __future__ import annotations

import contextlib
import os
import sys


@contextlib.contextmanager
def native_stderr_silenced():
    """Point fd 2 at /dev/null for the duration (Python's own sys.stderr is flushed first)."""
    if os.environ.get("TRAINER_NATIVE_LOGS"):  # for debugging the model itself
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def keep_native_logs_off_the_terminal() -> None:
    """For the command line: native libraries write to /dev/null for the whole run while
    Python's own stderr (our messages, and tracebacks if it ever comes to that) still reaches
    the terminal. The model logs again later on (tracking set-up), not only at start-up."""
    if os.environ.get("TRAINER_NATIVE_LOGS") or getattr(sys.stderr, "_trainer_rerouted", False):
        return
    sys.stderr.flush()
    terminal = os.dup(2)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 2)
    stream = os.fdopen(terminal, "w", buffering=1, encoding=sys.stderr.encoding or "utf-8",
                       errors="backslashreplace")
    stream._trainer_rerouted = True
    sys.stderr = stream
