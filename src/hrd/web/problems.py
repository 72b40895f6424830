"""Errors as answers: problem details (application/problem+json) for the API, an error page for HTML.

Statuses come from :func:`hrd.errors.http_status` and nowhere else.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import Scope

from ..errors import HRDError, InputTooLargeError, PermissionDeniedError, http_status
from ..read.source import format_size
from .render import render
from .schemas import Problem

__all__ = ["cross_site", "install_handlers", "is_api", "problem_response", "too_large"]

log = logging.getLogger("hrd.web")
PROBLEM = "application/problem+json"


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def problem_response(status: int, title: str, detail: str, instance: str | None = None) -> JSONResponse:
    body = Problem(title=title, status=status, detail=detail, instance=instance)
    return JSONResponse(body.model_dump(), status_code=status, media_type=PROBLEM)


def _answer(request: Request, status: int, title: str, detail: str) -> Response:
    if is_api(request.url.path):
        return problem_response(status, title, detail, request.url.path)
    context = {"status": status, "title": title, "detail": detail}
    return render(request, "error.html", context, status_code=status)


def too_large(scope: Scope, limit: int) -> Response:
    """The answer to a request body over the limit (see :class:`hrd.web.security.BodyLimit`)."""
    error = InputTooLargeError(f"the upload is over the {format_size(limit)} limit")
    request = Request(scope)
    if is_api(request.url.path):
        return problem_response(http_status(error), error.title, str(error), request.url.path)
    if request.url.path == "/ingest":
        from .pages.ingest import ingest_form

        return ingest_form(request, error=error)
    return _answer(request, http_status(error), error.title, str(error))


def cross_site(scope: Scope) -> Response:
    """The answer to a state-changing request from another site (see :class:`hrd.web.security.SameOrigin`)."""
    error = PermissionDeniedError("a request from another site cannot change anything here")
    return _answer(Request(scope), http_status(error), error.title, str(error))


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(x) for x in error.get("loc", ()) if x != "body")
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(HRDError)
    async def _hrd_error(request: Request, exc: HRDError) -> Response:
        return _answer(request, http_status(exc), exc.title, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return _answer(request, 422, "invalid request", _validation_detail(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        titles = {404: "not found", 405: "method not allowed"}
        response = _answer(request, exc.status_code, titles.get(exc.status_code, "error"), str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        status = http_status(exc)
        return _answer(request, status, "internal error", "something went wrong; the error was logged")
