"""Meetings with their facts (per source) and statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ...store.meeting_view import meeting_detail
from ...store.views import list_meetings
from ..deps import PagingDep, SessionDep
from ..schemas import ListOf, MeetingOut, RoundOut

__all__ = ["router"]

router = APIRouter(prefix="/meetings", tags=["meetings"])


@router.get("", response_model=ListOf[RoundOut])
def meetings(
    session: SessionDep,
    paging: PagingDep,
    partner: Annotated[str | None, Query(max_length=40)] = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
) -> ListOf[RoundOut]:
    """Reported meetings, newest first."""
    page = list_meetings(
        session=session, partner=partner, kind=kind, offset=paging.offset, limit=paging.limit
    )
    return ListOf[RoundOut].model_validate(page, from_attributes=True)


@router.get("/{meeting_id}", response_model=MeetingOut)
def meeting(session: SessionDep, meeting_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> MeetingOut:
    """A meeting: its facts as each source gives them, and the statements of each reporting document."""
    return MeetingOut.model_validate(
        meeting_detail(meeting_id=meeting_id, session=session, with_text=False), from_attributes=True
    )
