"""The code lists of dialogue-record/1: topics and acts."""

from __future__ import annotations

from fastapi import APIRouter

from ...codes import acts, topics
from ..schemas import ActOut, ListOf, TopicOut

__all__ = ["router"]

router = APIRouter(prefix="/codes", tags=["codes"])


@router.get("/topics", response_model=ListOf[TopicOut])
def topic_list() -> ListOf[TopicOut]:
    items = topics()
    return ListOf[TopicOut].model_validate({"data": items, "count": len(items)}, from_attributes=True)


@router.get("/acts", response_model=ListOf[ActOut])
def act_list() -> ListOf[ActOut]:
    items = acts()
    return ListOf[ActOut].model_validate({"data": items, "count": len(items)}, from_attributes=True)
