"""The web faces: a JSON API under /api/v1 and server-rendered HTML pages over the same view queries."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
