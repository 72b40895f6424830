"""The HTML pages: server-rendered, readable without JavaScript."""

from __future__ import annotations

from fastapi import APIRouter

from . import add_statement, browse, docs, followup, ingest, review, search, tracking

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
for module in (browse, search, ingest, review, add_statement, docs, tracking, followup):
    router.include_router(module.router)
