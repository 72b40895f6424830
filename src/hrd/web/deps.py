"""Dependencies shared by the routers: the engine, the settings, a read session, pagination."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..settings import Settings
from ..store.engine import ReadPool
from ..store.search import SearchQuery

__all__ = [
    "EngineDep",
    "FiltersDep",
    "Paging",
    "PagingDep",
    "ReadPoolDep",
    "SessionDep",
    "SettingsDep",
    "get_engine",
    "get_settings",
]

MAX_LIMIT = 500


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_read_pool(request: Request) -> ReadPool | None:
    """The app's pool for the parallel parts of read-only requests (None for in-memory SQLite)."""
    pool: ReadPool | None = request.app.state.read_pool
    return pool


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def read_session(engine: Annotated[Engine, Depends(get_engine)]) -> AsyncIterator[Session]:
    """One read session per request, rolled back at the end.

    Async on purpose: opening and closing a session do no I/O worth a worker thread (the
    connection is taken from the pool by the first query, in the endpoint's thread), so a
    request makes one thread hop instead of three.
    """
    with Session(engine) as session:
        yield session


@dataclass(frozen=True, slots=True)
class Paging:
    offset: int
    limit: int


def paging(
    offset: Annotated[int, Query(ge=0, le=100_000, description="Items to skip.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items to return.")] = 50,
) -> Paging:
    return Paging(offset, limit)


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(read_session)]
PagingDep = Annotated[Paging, Depends(paging)]
ReadPoolDep = Annotated[ReadPool | None, Depends(get_read_pool)]


def search_filters(
    q: Annotated[str, Query(max_length=500, description='Words, "phrases", or, -exclude.')] = "",
    partner: Annotated[str | None, Query(max_length=40, description="Partner code, e.g. KZ.")] = None,
    topic: Annotated[str | None, Query(max_length=60, description="Topic code.")] = None,
    act: Annotated[str | None, Query(max_length=40, description="Act code.")] = None,
    actor: Annotated[str | None, Query(max_length=10, description="EU, a party code or both.")] = None,
    kind: Annotated[str | None, Query(max_length=40, description="Meeting kind.")] = None,
    since: Annotated[int | None, Query(ge=1900, le=2200, description="First year.")] = None,
    until: Annotated[int | None, Query(ge=1900, le=2200, description="Last year.")] = None,
) -> SearchQuery:
    """The search filters of the query string (empty values count as absent)."""
    return SearchQuery(
        text=q.strip(),
        partner=partner or None,
        topic=topic or None,
        act=act or None,
        actor=actor or None,
        kind=kind or None,
        since=since,
        until=until,
    )


FiltersDep = Annotated[SearchQuery, Depends(search_filters)]
