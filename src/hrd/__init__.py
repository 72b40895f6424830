"""HRD Tracker: a structured, searchable memory of human-rights dialogues."""

from __future__ import annotations

from .errors import HRDError
from .extract import extract
from .record import Record

__all__ = ["HRDError", "Record", "__version__", "extract"]

__version__ = "0.1.0"
