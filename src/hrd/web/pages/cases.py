"""The case register's pages (case officers): list, open, view and change a case, lists per round.

Every page reads case data, which is audited, so each runs in a write transaction. Pages are
never cached (``Cache-Control: no-store``, from :mod:`hrd.web.security`). A change names the
version it was made from; a stale one answers 409 with the current version and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ...auth import Principal
from ...cases import (
    CaseEdit,
    CaseInput,
    Category,
    Charge,
    Keyring,
    MeetingLink,
    Reply,
    Status,
    StatusEntry,
    VersionConflictError,
    add_reply,
    add_status,
    create_case,
    edit_case,
    get_case,
    link_meeting,
    list_cases,
    next_round_list,
    record_list,
    suggestions,
)
from ...errors import HRDError, InvalidInputError, http_status
from ...store.engine import write
from ..auth import KeysDep, PrincipalDep, keyring
from ..deps import get_engine
from ..render import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
CaseId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Partner = Annotated[str, Path(min_length=2, max_length=40, pattern=r"^[A-Z]{2,3}(\+[A-Z]{2,3})*$")]
PartnerQuery = Annotated[str | None, Query(max_length=40, pattern=r"^([A-Z]{2,3}(\+[A-Z]{2,3})*)?$")]
CASE_ACTIONS = {"edit", "status", "reply", "meeting"}


def _text(form: FormData, name: str) -> str | None:
    value = str(form.get(name) or "").strip()
    return value or None


def _date(form: FormData, name: str) -> dt.date | None:
    value = _text(form, name)
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise InvalidInputError(f"the {name.replace('_', ' ')} is not a date (YYYY-MM-DD)") from None


def _int(form: FormData, name: str, *, required: bool = False) -> int | None:
    value = _text(form, name)
    if value is None and not required:
        return None
    if value is None or not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 2**31 - 1:
        raise InvalidInputError(f"the {name.replace('_', ' ')} must be a number")
    return int(value)


def _choice(enum: type[Category] | type[Status], form: FormData, name: str) -> Any:
    value = _text(form, name) or ""
    try:
        return enum(value)
    except ValueError:
        raise InvalidInputError(f"choose a {name}") from None


def _lines(form: FormData, name: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in str(form.get(name) or "").splitlines() if line.strip())


def _charges(form: FormData) -> tuple[Charge, ...]:
    """One charge a line: ``law | article | note``."""
    out = []
    for line in _lines(form, "charges"):
        parts = [p.strip() for p in line.split("|")]
        out.append(Charge(parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else None))
    return tuple(out)


def _page(
    request: Request, name: str, context: dict[str, Any], error: HRDError | None = None
) -> HTMLResponse:
    status = http_status(error) if error else 200
    return render(request, name, {**context, "error": error}, status_code=status)


async def _run(request: Request, work: Callable[[Session], Any]) -> Any:
    return await run_in_threadpool(write, get_engine(request), work)


@router.get("/cases", response_class=HTMLResponse)
def cases_page(
    request: Request, principal: PrincipalDep, keys: KeysDep, partner: PartnerQuery = None
) -> HTMLResponse:
    found = write(
        get_engine(request),
        lambda s: list_cases(principal=principal, keys=keys, session=s, partner=partner or None),
    )
    partners = sorted({c.partner for c in found})
    context = {"cases": found, "partner": partner, "partners": partners, "categories": list(Category)}
    return _page(request, "cases/list.html", {**context, "statuses": list(Status)})


def _new_input(form: FormData) -> CaseInput:
    status = _text(form, "status")
    first = None
    if status:
        first = StatusEntry(_choice(Status, form, "status"), _date(form, "status_on"), _text(form, "source"))
    return CaseInput(
        partner=str(_text(form, "partner") or "").upper(),
        name=_text(form, "name") or "",
        category=_choice(Category, form, "category"),
        aliases=_lines(form, "aliases"),
        notes=_text(form, "notes"),
        charges=_charges(form),
        status=first,
    )


@router.post("/cases", response_class=HTMLResponse)
async def case_create(request: Request, principal: PrincipalDep) -> Response:
    form = await request.form(max_files=0, max_fields=20)
    keys = keyring(request)
    try:
        data = _new_input(form)
        ref = await _run(request, lambda s: create_case(data=data, principal=principal, keys=keys, session=s))
    except HRDError as exc:
        context = {"cases": [], "partner": None, "partners": [], "categories": list(Category)}
        return _page(request, "cases/list.html", {**context, "statuses": list(Status)}, exc)
    return RedirectResponse(f"/cases/{ref.id}?done=created", status_code=303)


def _case_page(
    request: Request,
    session: Session,
    principal: Principal,
    keys: Keyring,
    case_id: int,
    *,
    done: str | None = None,
    error: HRDError | None = None,
    attempt: dict[str, str] | None = None,
) -> HTMLResponse:
    view = get_case(case_id=case_id, principal=principal, keys=keys, session=session)
    context = {
        "case": view,
        "done": done,
        "categories": list(Category),
        "statuses": list(Status),
        "conflict": error if isinstance(error, VersionConflictError) else None,
        "attempt": attempt or {},
    }
    return _page(request, "cases/case.html", context, error)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(
    request: Request,
    principal: PrincipalDep,
    keys: KeysDep,
    case_id: CaseId,
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    done = done if done in {"created", *CASE_ACTIONS} else None
    return write(get_engine(request), lambda s: _case_page(request, s, principal, keys, case_id, done=done))


def _change(form: FormData, case_id: int, principal: Principal, keys: Keyring) -> Callable[[Session], Any]:
    """The change a case form asks for, as work for a write transaction."""
    action, version = str(form.get("action") or ""), _int(form, "version", required=True) or 0
    common: dict[str, Any] = {"case_id": case_id, "version": version, "principal": principal, "keys": keys}
    if action == "edit":
        edit = CaseEdit(
            name=_text(form, "name") or "",
            category=_choice(Category, form, "category"),
            notes=str(form.get("notes") or ""),
            aliases=_lines(form, "aliases"),
            charges=_charges(form),
        )
        return lambda s: edit_case(edit=edit, session=s, **common)
    if action == "status":
        entry = StatusEntry(
            _choice(Status, form, "status"), _date(form, "on"), _text(form, "source"), _text(form, "note")
        )
        return lambda s: add_status(entry=entry, session=s, **common)
    if action == "reply":
        answer = Reply(
            _int(form, "meeting_id"),
            _text(form, "text") or "",
            _date(form, "received_on"),
            _text(form, "source"),
        )
        return lambda s: add_reply(reply=answer, session=s, **common)
    if action == "meeting":
        link = MeetingLink(_int(form, "meeting_id", required=True) or 0, _text(form, "note"))
        return lambda s: link_meeting(link=link, session=s, **common)
    raise InvalidInputError("unknown change to a case")


@router.post("/cases/{case_id}", response_class=HTMLResponse)
async def case_submit(request: Request, principal: PrincipalDep, case_id: CaseId) -> Response:
    form = await request.form(max_files=0, max_fields=20)
    keys = keyring(request)
    try:
        await _run(request, _change(form, case_id, principal, keys))
    except HRDError as exc:
        error = exc
        # What was typed is shown again (not saved), so that nothing is lost to a conflict.
        typed = {
            k: str(v) for k, v in form.items() if k not in {"csrf", "version", "action"} and str(v).strip()
        }
        page: HTMLResponse = await _run(
            request, lambda s: _case_page(request, s, principal, keys, case_id, error=error, attempt=typed)
        )
        return page
    return RedirectResponse(f"/cases/{case_id}?done={form.get('action')}", status_code=303)


def _round_page(
    request: Request,
    session: Session,
    principal: Principal,
    keys: Keyring,
    partner: str,
    *,
    done: bool = False,
    error: HRDError | None = None,
) -> HTMLResponse:
    lst = next_round_list(partner=partner, principal=principal, keys=keys, session=session)
    names = suggestions(partner=partner, principal=principal, keys=keys, session=session)
    context = {"lst": lst, "partner": partner, "names": names, "done": done, "today": dt.date.today()}
    return _page(request, "cases/round.html", context, error)


@router.get("/cases/partners/{partner}", response_class=HTMLResponse)
def round_page(
    request: Request,
    principal: PrincipalDep,
    keys: KeysDep,
    partner: Partner,
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    return write(
        get_engine(request), lambda s: _round_page(request, s, principal, keys, partner, done=bool(done))
    )


@router.post("/cases/partners/{partner}/lists", response_class=HTMLResponse)
async def list_submit(request: Request, principal: PrincipalDep, partner: Partner) -> Response:
    form = await request.form(max_files=0, max_fields=1000)
    keys = keyring(request)
    try:
        ids = [int(str(v)) for v in form.getlist("case_ids") if str(v).isdigit() and len(str(v)) < 10]
        if not ids:
            raise InvalidInputError("tick the cases handed over")
        on = _date(form, "handed_over_on") or dt.date.today()
        meeting, note = _int(form, "meeting_id"), _text(form, "note")
        await _run(
            request,
            lambda s: record_list(
                partner=partner,
                case_ids=ids,
                handed_over_on=on,
                meeting_id=meeting,
                note=note,
                principal=principal,
                keys=keys,
                session=s,
            ),
        )
    except HRDError as exc:
        error = exc
        page: HTMLResponse = await _run(
            request, lambda s: _round_page(request, s, principal, keys, partner, error=error)
        )
        return page
    return RedirectResponse(f"/cases/partners/{partner}?done=list", status_code=303)
