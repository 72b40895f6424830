"""Documents: their text and their dialogue record (with the review applied)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import PlainTextResponse, Response

from ...errors import NotFoundError
from ...store.meeting_view import document_detail
from ...store.overview import recent_documents
from ...store.repo import get_document, get_record
from ..deps import PagingDep, SessionDep
from ..schemas import DocumentBriefOut, DocumentOut, ListOf

__all__ = ["router"]

router = APIRouter(prefix="/documents", tags=["documents"])
Ref = Annotated[str, Path(min_length=1, max_length=300, description="Document id, key or sha256 (8+ chars).")]


@router.get("", response_model=ListOf[DocumentBriefOut])
def documents(session: SessionDep, paging: PagingDep) -> ListOf[DocumentBriefOut]:
    """The latest version of every document, most recently published first."""
    page = recent_documents(session=session, offset=paging.offset, limit=paging.limit)
    return ListOf[DocumentBriefOut].model_validate(page, from_attributes=True)


@router.get("/{ref}", response_model=DocumentOut)
def document(session: SessionDep, ref: Ref) -> DocumentOut:
    """A document: its text, its record, the meetings it reports and its versions."""
    return DocumentOut.model_validate(document_detail(ref=ref, session=session), from_attributes=True)


@router.get(
    "/{ref}/record",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}, "description": "dialogue-record/1 JSON"}},
)
def record(session: SessionDep, ref: Ref) -> Response:
    """The document's dialogue record (dialogue-record/1) as a JSON download."""
    doc = get_document(ref=ref, session=session)
    data = get_record(ref=doc.id, session=session).to_json()
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc.key) or "record"
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{name}.json"'},
    )


@router.get(
    "/{ref}/text",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {}}, "description": "the text extraction read"}},
)
def text(session: SessionDep, ref: Ref) -> PlainTextResponse:
    """The document's text, as extraction read it."""
    doc = get_document(ref=ref, session=session)
    if doc.text is None:
        raise NotFoundError(f"document {doc.key!r} was imported without its text")
    return PlainTextResponse(doc.text)
