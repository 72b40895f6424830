"""Partners: who the EU holds dialogues with, and each partner's history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ...store.overview import list_partners
from ...track.views.partner import partner_view
from ..deps import PagingDep, SessionDep
from ..schemas import ListOf, PartnerOut, PartnerSummaryOut

__all__ = ["router"]

router = APIRouter(prefix="/partners", tags=["partners"])


@router.get("", response_model=ListOf[PartnerSummaryOut])
def partners(request: Request, session: SessionDep, paging: PagingDep) -> ListOf[PartnerSummaryOut]:
    """Every partner with meetings: counts, the last round and the next one announced."""
    page = request.app.state.views.get(
        ("partners", paging.offset, paging.limit),
        session,
        lambda: list_partners(session=session, offset=paging.offset, limit=paging.limit),
    )
    return ListOf[PartnerSummaryOut].model_validate(page, from_attributes=True)


@router.get("/{partner}", response_model=PartnerOut)
def partner(
    session: SessionDep,
    partner: Annotated[str, Path(max_length=40)],
    rounds: Annotated[int, Query(ge=0, le=200, description="Rounds in the topic matrix.")] = 12,
) -> PartnerOut:
    """A partner's rounds, topic x round stance matrix, legal provisions raised and programmes."""
    return PartnerOut.model_validate(
        partner_view(partner=partner, session=session, matrix_size=rounds), from_attributes=True
    )
