"""Stage: meetings (placeholder: returns the analysis unchanged)."""

from __future__ import annotations

from .state import Analysis

__all__ = ["run"]


def run(doc: Analysis) -> Analysis:
    return doc
