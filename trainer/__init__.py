"""trainer: a pose-checking home form coach."""

__version__ = "0.1.0"
