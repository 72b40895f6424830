"""The web application: JSON API under /api/v1, HTML pages, static assets, one error mapping.

:func:`create_app` opens the configured database (which must be migrated:
see ``hrd db upgrade`` or ``hrd demo``) and wires the routers. The OpenAPI
document is at /api/openapi.json and its reference at /api/docs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from starlette.responses import JSONResponse

from .. import __version__
from ..settings import Settings
from ..store.engine import open_engine, read_pool
from . import api, pages
from .api import auth as accounts_api
from .api import cases as cases_api
from .auth import authorize
from .cache import ViewCache
from .pages import account
from .pages import cases as case_pages
from .problems import cross_site, install_handlers, too_large
from .schemas import Problem
from .security import BodyLimit, SameOrigin, SecurityHeaders

__all__ = ["ENVELOPE", "create_app"]

STATIC = Path(__file__).parent / "static"
ENVELOPE = 64 * 1024
"""Bytes allowed on top of ``max_input_bytes`` for the multipart envelope of an upload."""

DESCRIPTION = """A structured, searchable memory of human-rights dialogues.

Lists are paginated (`offset`, `limit`) and answer `{data, count}`; errors are
problem details (`application/problem+json`). Review actions take the
`version` of the statement the reviewer saw: a stale version answers 409.
"""


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """The application for ``settings`` (read from ``HRD_*`` variables when not given)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """While serving, read-only requests run their independent parts in parallel (search)."""
        app.state.read_pool = read_pool(app.state.engine)
        try:
            yield
        finally:
            pool, app.state.read_pool = app.state.read_pool, None
            if pool is not None:
                pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="HRD Tracker",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=None,  # served below, behind the authorization dependency like every route
        docs_url=None,
        dependencies=[Depends(authorize)],  # hrd.web.auth: the role each route needs
        redoc_url=None,
        responses={
            404: {"model": Problem, "description": "Not found"},
            422: {"model": Problem, "description": "Invalid request"},
        },
    )
    app.state.settings = settings
    app.state.engine = engine or open_engine(settings)
    app.state.read_pool = None  # set while the app is served (lifespan)
    app.state.views = ViewCache()
    install_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(accounts_api.router, prefix="/api/v1")
    app.include_router(account.router)
    app.include_router(cases_api.router, prefix="/api/v1")
    app.include_router(case_pages.router)

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi_document(request: Request) -> JSONResponse:
        return JSONResponse(request.app.openapi())

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_input_bytes + ENVELOPE, too_large=too_large)
    app.add_middleware(SameOrigin, forbidden=cross_site)
    app.add_middleware(SecurityHeaders)
    return app
