"""Ingest: upload a readout file or give a URL; the result lists the meetings found."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from sqlalchemy.orm import Session

from ...store.engine import read
from ...store.ingest import Outcome
from ...store.upload import ingest_upload, ingest_url
from ...store.views import meetings_of_documents
from ..deps import EngineDep, SettingsDep
from ..schemas import IngestOut, OutcomeOut, RoundOut, UrlIn

__all__ = ["ingest_result", "router"]

router = APIRouter(prefix="/ingest", tags=["ingest"])


def ingest_result(outcomes: list[Outcome], session: Session) -> IngestOut:
    ids = [o.document_id for o in outcomes if o.document_id is not None]
    meetings = meetings_of_documents(ids, session=session)
    return IngestOut(
        outcomes=[OutcomeOut.model_validate(o) for o in outcomes],
        meetings=[RoundOut.model_validate(m) for m in meetings],
    )


@router.post("/file", response_model=IngestOut)
def ingest_file(
    engine: EngineDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="A readout: text, HTML or PDF.")],
) -> IngestOut:
    """Read, extract and store an uploaded readout. Empty or binary files: 4xx; over the limit: 413."""
    data = file.file.read(settings.max_input_bytes + 1)
    outcome = ingest_upload(
        data,
        name=file.filename or "upload",
        media_type=(file.content_type or "").split(";")[0].strip() or None,
        engine=engine,
        settings=settings,
    )
    return read(engine, lambda s: ingest_result([outcome], s))


@router.post("/url", response_model=IngestOut)
def ingest_from_url(engine: EngineDep, settings: SettingsDep, body: UrlIn) -> IngestOut:
    """Fetch a page, a PDF or every entry of a feed, then extract and store each document."""
    report = ingest_url(body.url, engine=engine, settings=settings)
    return read(engine, lambda s: ingest_result(report.outcomes, s))
