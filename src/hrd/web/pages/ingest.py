"""The ingest page: upload a readout or give a URL, then see what was found."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse

from ...errors import HRDError, InvalidInputError, http_status
from ...store.engine import read
from ...store.upload import ingest_upload, ingest_url
from ..api.ingest import ingest_result
from ..deps import get_engine, get_settings
from ..render import render
from ..schemas import IngestOut

__all__ = ["ingest_form", "router"]

router = APIRouter()


def ingest_form(
    request: Request, *, error: HRDError | None = None, result: IngestOut | None = None
) -> HTMLResponse:
    status = http_status(error) if error else 200
    return render(request, "ingest.html", {"error": error, "result": result}, status_code=status)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> HTMLResponse:
    return ingest_form(request)


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_submit(request: Request) -> HTMLResponse:
    engine, settings = get_engine(request), get_settings(request)
    try:
        form = await request.form(max_files=1, max_fields=10)
        upload, url = form.get("file"), str(form.get("url") or "").strip()
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(settings.max_input_bytes + 1)
            name, media = upload.filename, (upload.content_type or "").split(";")[0].strip() or None
            outcome = await run_in_threadpool(
                lambda: ingest_upload(data, name=name, media_type=media, engine=engine, settings=settings)
            )
            outcomes = [outcome]
        elif url:
            report = await run_in_threadpool(lambda: ingest_url(url, engine=engine, settings=settings))
            outcomes = report.outcomes
        else:
            raise InvalidInputError("choose a file to upload or give a URL")
    except HRDError as exc:
        return ingest_form(request, error=exc)
    result = await run_in_threadpool(lambda: read(engine, lambda s: ingest_result(outcomes, s)))
    return ingest_form(request, result=result)
