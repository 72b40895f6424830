"""The document page, and adding a statement the extraction missed from it.

The document page shows the text beside the form, so an analyst copies the
words that make the statement from the text into the form. The span is
computed from those words (:func:`~.statement_forms.occurrences`); when they
stand in the text more than once, the page lists each place with its context
and the analyst picks one (nothing is stored until then). Every refusal
re-renders the page with what the analyst typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Path, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ...auth import Action, Resource
from ...errors import HRDError, InvalidInputError, NotFoundError, http_status
from ...record import Statement
from ...store import review as actions
from ...store.engine import read, write
from ...store.meeting_view import DocumentDetail, StatementView, document_detail, get_statement
from ..deps import get_engine
from ..render import render
from .statement_forms import Occurrence, legal_refs_from_rows, occurrences

__all__ = ["AddForm", "document_page", "router", "who_of"]

router = APIRouter()
REF_ROWS = 3
MAX_TEXT = 5000


def who_of(request: Request) -> str:
    """The name the history records for a change made through a page: the signed-in user."""
    principal = getattr(request.state, "principal", None)
    name = getattr(principal, "name", None)
    return name if isinstance(name, str) and name else "web"


def _number(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


@dataclass(frozen=True, slots=True)
class AddForm:
    """What the analyst typed into the add form (kept to re-render it after a refusal)."""

    meeting: int = 0
    actor: str = ""
    act: str = ""
    topics: list[str] = field(default_factory=list)
    text: str = ""
    instruments: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    occurrence: int | None = None

    @classmethod
    def of(cls, form: FormData) -> AddForm:
        def one(name: str) -> str:
            value = form.get(name)
            return value if isinstance(value, str) else ""

        def many(name: str) -> list[str]:
            return [v for v in form.getlist(name) if isinstance(v, str)]

        return cls(
            meeting=_number(one("meeting")) or 0,
            actor=one("actor").strip(),
            act=one("act").strip(),
            topics=list(dict.fromkeys(t.strip() for v in many("topics") for t in v.split(",") if t.strip())),
            text=one("text"),
            instruments=many("ref_instrument"),
            articles=many("ref_article"),
            occurrence=_number(one("occurrence")),
        )

    def ref_rows(self) -> list[tuple[str, str]]:
        """The legal-reference rows to show: those typed, and at least one empty one."""
        typed = [
            (i, a)
            for i, a in zip(self.instruments, [*self.articles, *[""] * len(self.instruments)], strict=False)
            if i.strip() or a.strip()
        ]
        return [*typed, *[("", "")] * max(1, REF_ROWS - len(typed))]


def _latest(detail: DocumentDetail) -> bool:
    return not detail.versions or detail.versions[-1].id == detail.document.id


def _add(session: Session, ref: str, form: AddForm, who: str) -> tuple[int, int] | list[Occurrence]:
    """Add the statement (its document's and its own id), or the places its words stand when several."""
    detail = document_detail(ref=ref, session=session)
    if not _latest(detail):
        raise InvalidInputError("this is an older version of the document: add statements to the latest one")
    if detail.text is None:
        raise InvalidInputError("the text of this document was not stored, so the evidence cannot be found")
    meetings = detail.record.meetings
    if not 0 <= form.meeting < len(meetings):
        raise InvalidInputError("choose one of the meetings the document reports")
    parties = meetings[form.meeting].parties
    if not form.actor:
        raise InvalidInputError("choose who made the statement (the actor)")
    if not form.act:
        raise InvalidInputError("choose the act (what the actor did: concern, call, welcome, ...)")
    if form.actor not in [*parties, "both"]:
        allowed = ", ".join([*parties, "both"])
        raise InvalidInputError(f"actor {form.actor!r} is not a party of that meeting ({allowed})")
    refs = legal_refs_from_rows(form.instruments, form.articles)
    draft = Statement(actor=form.actor, act=form.act, topics=form.topics, legal_refs=refs)
    actions.validate_statement(draft)
    if not form.text.strip():
        raise InvalidInputError("give the evidence: the words of the document that make the statement")
    if len(form.text) > MAX_TEXT:
        raise InvalidInputError(f"the evidence is longer than {MAX_TEXT} characters")
    found = occurrences(detail.text, form.text)
    if not found:
        raise InvalidInputError(
            "the evidence does not occur in the document's text: copy the words from the text beside the form"
        )
    if len(found) > 1:
        chosen = [o for o in found if o.start == form.occurrence]
        if not chosen:
            return found
        found = chosen
    place = found[0]
    statement = draft.model_copy(
        update={"text": detail.text[place.start : place.end], "span": (place.start, place.end)}
    )
    item = actions.add(
        document=detail.document.id, meeting=form.meeting, statement=statement, who=who, session=session
    )
    return detail.document.id, item.id


def document_page(
    request: Request,
    session: Session,
    ref: str,
    *,
    form: AddForm | None = None,
    error: HRDError | None = None,
    choices: list[Occurrence] | None = None,
    added: int | None = None,
) -> HTMLResponse:
    """The document page: text, record and the form to add a missed statement (filled in with ``form``)."""
    detail = document_detail(ref=ref, session=session)
    record_json = detail.record.model_dump_json(by_alias=True, indent=2)
    added_view: StatementView | None = None
    if added is not None:
        try:
            added_view = get_statement(statement_id=added, session=session)
        except NotFoundError:
            added_view = None
        if added_view is not None and added_view.document_id != detail.document.id:
            added_view = None
    principal = getattr(request.state, "principal", None)
    context = {
        "detail": detail,
        "record_json": record_json,
        "latest": _latest(detail),
        "may_add": principal is not None and principal.can(Action.WRITE, Resource.PUBLIC),
        "form": form or AddForm(),
        "add_error": error,
        "choices": choices or [],
        "added": added_view,
    }
    status = http_status(error) if error else 200
    return render(request, "document.html", context, status_code=status)


@router.post("/documents/{ref}/statements", response_class=HTMLResponse)
async def add_statement(
    request: Request, ref: Annotated[str, Path(min_length=1, max_length=300)]
) -> Response:
    engine = get_engine(request)
    form = AddForm.of(await request.form(max_files=0, max_fields=100))
    who = who_of(request)
    try:
        outcome = await run_in_threadpool(write, engine, lambda s: _add(s, ref, form, who))
    except HRDError as exc:
        error = exc
        return await run_in_threadpool(
            read, engine, lambda s: document_page(request, s, ref, form=form, error=error)
        )
    if isinstance(outcome, list):
        return await run_in_threadpool(
            read, engine, lambda s: document_page(request, s, ref, form=form, choices=outcome)
        )
    doc_id, statement_id = outcome
    return RedirectResponse(f"/documents/{doc_id}?added={statement_id}#added", status_code=303)
