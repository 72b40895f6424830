"""Dialogue series: the meetings of one kind with one partner."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ...errors import NotFoundError
from ...store.views import list_meetings, list_series
from ..deps import PagingDep, SessionDep
from ..schemas import ListOf, RoundOut, SeriesOut

__all__ = ["router"]

router = APIRouter(prefix="/series", tags=["series"])


@router.get("", response_model=ListOf[SeriesOut])
def series(
    session: SessionDep, paging: PagingDep, partner: Annotated[str | None, Query(max_length=40)] = None
) -> ListOf[SeriesOut]:
    """Dialogue series with their number of meetings and first and last dates."""
    page = list_series(session=session, partner=partner, offset=paging.offset, limit=paging.limit)
    return ListOf[SeriesOut].model_validate(page, from_attributes=True)


@router.get("/{series_id}", response_model=SeriesOut)
def one_series(session: SessionDep, series_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> SeriesOut:
    page = list_series(session=session, series_id=series_id, limit=1)
    if not page.data:
        raise NotFoundError(f"no series {series_id}")
    return SeriesOut.model_validate(page.data[0], from_attributes=True)


@router.get("/{series_id}/meetings", response_model=ListOf[RoundOut])
def series_meetings(
    session: SessionDep, paging: PagingDep, series_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> ListOf[RoundOut]:
    """The meetings of a series, newest first."""
    one_series(session, series_id)
    page = list_meetings(session=session, series_id=series_id, offset=paging.offset, limit=paging.limit)
    return ListOf[RoundOut].model_validate(page, from_attributes=True)
