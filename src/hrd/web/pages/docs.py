"""/api/docs: the API reference, rendered on the server from the OpenAPI document (no CDN, no script)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from ..render import render

__all__ = ["operations", "router"]

router = APIRouter()


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The operations of an OpenAPI document, in path order, with their parameters and body."""
    out = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            body = op.get("requestBody", {}).get("content", {})
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tag": (op.get("tags") or ["other"])[0],
                    "parameters": op.get("parameters", []),
                    "body": next(iter(body), None),
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return out


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    ops = operations(request.app.openapi())
    tags: dict[str, list[dict[str, Any]]] = {}
    for op in ops:
        tags.setdefault(op["tag"], []).append(op)
    return render(request, "api_docs.html", {"tags": tags})
