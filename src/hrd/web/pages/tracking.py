"""Tracking pages: a partner's tracking (concerns, progress, provisions, both sides) with chart downloads,
one legal provision, and the briefing note (as a page and as PDF).

Each page renders the query function that the JSON API under /api/v1 answers with.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse, Response

from ...report.brief import BriefOptions
from ...report.charts import ChartOptions, matrix_svg, svg_to_png, timeline_svg
from ...report.pdf import render_pdf
from ...report.render import render_html
from ...report.stored import stored_brief
from ...track.views.tracking import partner_tracking, provision_view
from ..deps import SessionDep
from ..render import render

__all__ = ["router"]

router = APIRouter()
Partner = Annotated[str, Path(max_length=40, pattern=r"^[A-Za-z+]{2,40}$")]
KIND = r"^(human-rights-dialogue|subcommittee|cooperation-committee|cooperation-council|consultations|other)$"
CHART = r"^(matrix|timeline)\.(svg|png)$"
_BODY = re.compile(r"<body>(.*)</body>", re.S)


@router.get("/partners/{partner}/tracking", response_class=HTMLResponse)
def tracking_page(request: Request, session: SessionDep, partner: Partner) -> HTMLResponse:
    view = partner_tracking(partner=partner, session=session)
    charts = {
        t.series.kind: matrix_svg(t.series, ChartOptions(id_prefix=f"matrix-{t.series.kind}"))
        for t in view.series
        if t.series.rounds
    }
    return render(request, "tracking.html", {"view": view, "charts": charts})


@router.get("/partners/{partner}/charts/{kind}/{chart}")
def chart(
    session: SessionDep,
    partner: Partner,
    kind: Annotated[str, Path(pattern=KIND)],
    chart: Annotated[str, Path(pattern=CHART)],
    topic: Annotated[str | None, Query(max_length=60, pattern=r"^[a-z-]+$")] = None,
) -> Response:
    """The topic x round matrix or the stance timeline of one series, as SVG or PNG (a download)."""
    series = partner_tracking(partner=partner, session=session).kind(kind).series
    name, fmt = chart.split(".")
    svg = matrix_svg(series) if name == "matrix" else timeline_svg(series, topic)
    filename = f"{series.partner}-{kind}-{name}{'-' + topic if topic else ''}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "png":
        return Response(svg_to_png(svg), media_type="image/png", headers=headers)
    return Response(svg, media_type="image/svg+xml", headers=headers)


@router.get("/provisions/{provision_id}", response_class=HTMLResponse)
def provision_page(
    request: Request, session: SessionDep, provision_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> HTMLResponse:
    view = provision_view(provision_id=provision_id, session=session)
    return render(request, "provision.html", {"view": view, "history": view.history})


def _options(today: dt.date | None, stale_after: int) -> BriefOptions:
    return BriefOptions(today=today or dt.date.today(), stale_after=stale_after)


@router.get("/partners/{partner}/brief", response_class=HTMLResponse)
def brief_page(
    request: Request,
    session: SessionDep,
    partner: Partner,
    today: Annotated[dt.date | None, Query()] = None,
    stale_after: Annotated[int, Query(ge=1, le=50)] = 2,
) -> HTMLResponse:
    """The briefing note in the site's frame (its HTML body, escaped by the report's templates)."""
    note = stored_brief(partner=partner, session=session, options=_options(today, stale_after))
    found = _BODY.search(render_html(note))
    body = found.group(1) if found else ""
    return render(request, "brief_page.html", {"note": note, "body": body})


@router.get("/partners/{partner}/brief.pdf")
def brief_pdf(
    session: SessionDep,
    partner: Partner,
    today: Annotated[dt.date | None, Query()] = None,
    stale_after: Annotated[int, Query(ge=1, le=50)] = 2,
) -> Response:
    """The briefing note as PDF (A4), laid out by WeasyPrint."""
    note = stored_brief(partner=partner, session=session, options=_options(today, stale_after))
    pdf = render_pdf(note)
    filename = f"briefing-{note.partner}-{note.today.isoformat()}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
