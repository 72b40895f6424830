"""Cross-round tracking: pure analyses over dialogue series (see :mod:`hrd.track.rounds`)."""

from __future__ import annotations

__all__: list[str] = []
