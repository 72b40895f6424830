"""Jinja2 rendering of the pages: one autoescaping environment and the display filters."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..codes import acts, topics
from ..report.labels import act_label, topic_label
from .auth import with_csrf_fields

__all__ = ["country_name", "environment", "render", "round_label"]

TEMPLATES = Path(__file__).parent / "templates"

KINDS = {
    "human-rights-dialogue": "Human rights dialogue",
    "subcommittee": "Subcommittee",
    "cooperation-committee": "Cooperation committee",
    "cooperation-council": "Cooperation council",
    "consultations": "Consultations",
    "other": "Meeting",
}
STANCES = {
    "critical": "concern or call",
    "positive": "welcome or acknowledgement",
    "mixed": "both concern and welcome",
    "discussed": "discussed",
}


@cache
def _country_names() -> dict[str, str]:
    from ..extract.gazetteer import gazetteer

    return dict(gazetteer().country_names)


def country_name(code: str | None) -> str:
    """'KZ' gives 'Kazakhstan'; several parties joined by '+' give their names joined by ' and '."""
    if not code:
        return ""
    names = _country_names()
    return " and ".join(names.get(part, part) for part in code.split("+"))


def _date(value: dt.date | None, fmt: str = "%-d %b %Y") -> str:
    return value.strftime(fmt) if value else "undated"


def _ordinal(n: int | None) -> str:
    if n is None:
        return ""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def round_label(r: Any) -> str:
    """'12th human rights dialogue' or 'Subcommittee, 3 Mar 2023' for a round brief."""
    kind = KINDS.get(str(r.kind), str(r.kind))
    if r.ordinal is not None:
        return f"{_ordinal(r.ordinal)} {kind[0].lower()}{kind[1:]}"
    return kind


def _ref_rows(refs: Any, blanks: int = 2) -> list[tuple[str, str]]:
    """A statement's legal references as (instrument, article) form rows, and ``blanks`` empty ones."""
    return [(r.instrument, r.article or "") for r in refs] + [("", "")] * blanks


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        country=country_name,
        topic=topic_label,
        act=act_label,
        date=_date,
        ordinal=_ordinal,
        roundname=round_label,
        kind=lambda k: KINDS.get(k, k),
        percent=_percent,
        ref_rows=_ref_rows,
        stance=lambda s: STANCES.get(s, "not raised") if s else "not raised",
    )
    env.globals.update(all_topics=topics(), all_acts=acts(), kinds=KINDS, stances=STANCES)
    return env


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render template ``name`` with ``context`` (and the request) as an HTML response."""
    html = environment().get_template(name).render(request=request, **context)
    html = with_csrf_fields(html, getattr(request.state, "csrf", None))  # every POST form (hrd.web.auth)
    return HTMLResponse(html, status_code=status_code)
