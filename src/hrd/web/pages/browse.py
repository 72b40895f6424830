"""Reading pages: home, partner, meeting and document."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse

from ...store.meeting_view import meeting_detail
from ...store.overview import list_partners, recent_documents, totals
from ...track.views.partner import partner_view
from ..deps import SessionDep
from ..render import render
from .add_statement import document_page

__all__ = ["router"]

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep) -> HTMLResponse:
    cache = request.app.state.views
    context = {
        "partners": cache.get("home-partners", session, lambda: list_partners(session=session, limit=500)),
        "documents": recent_documents(session=session, limit=8),
        "totals": cache.get("home-totals", session, lambda: totals(session=session)),
    }
    return render(request, "home.html", context)


@router.get("/partners/{partner}", response_class=HTMLResponse)
def partner(
    request: Request,
    session: SessionDep,
    partner: Annotated[str, Path(max_length=40)],
    rounds: Annotated[int, Query(ge=0, le=200)] = 12,
) -> HTMLResponse:
    view = partner_view(partner=partner, session=session, matrix_size=rounds)
    return render(request, "partner.html", {"view": view, "matrix_size": rounds})


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting(
    request: Request, session: SessionDep, meeting_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> HTMLResponse:
    detail = meeting_detail(meeting_id=meeting_id, session=session)
    return render(request, "meeting.html", {"detail": detail})


@router.get("/documents/{ref}", response_class=HTMLResponse)
def document(
    request: Request,
    session: SessionDep,
    ref: Annotated[str, Path(min_length=1, max_length=300)],
    added: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> HTMLResponse:
    """A document's text and record, and the form to add a statement the extraction missed."""
    return document_page(request, session, ref, added=added)
