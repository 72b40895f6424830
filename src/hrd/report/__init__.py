"""Reports over tracked facts: briefing notes, charts and exports (pure; the faces write files)."""

from __future__ import annotations

__all__: list[str] = []
