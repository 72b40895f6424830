"""The JSON API under /api/v1: one router per resource."""

from __future__ import annotations

from fastapi import APIRouter

from . import codes, documents, ingest, meetings, partners, review, search, series, statements, tracking

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")
for module in (partners, series, meetings, statements, documents, search, codes, ingest, review, tracking):
    router.include_router(module.router)
