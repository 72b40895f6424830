"""The JSON API's response and request models (API schemas, separate from the store's tables).

Response models are built from the view values of :mod:`hrd.store.views`
and friends with ``from_attributes``; the field names are those of the
views, so the HTML page and the JSON answer show the same data.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..record import LegalRef, Record

__all__ = [
    "ActOut",
    "AddIn",
    "DocumentBriefOut",
    "DocumentHitOut",
    "DocumentOut",
    "EditIn",
    "FactValueOut",
    "HeadOut",
    "IngestOut",
    "ListOf",
    "MatrixCellOut",
    "MeetingOut",
    "NextOut",
    "OutcomeOut",
    "PartnerOut",
    "PartnerSummaryOut",
    "Problem",
    "ProgrammeOut",
    "ProvisionOut",
    "ReportOut",
    "RoundLineOut",
    "RoundOut",
    "SearchOut",
    "SeriesOut",
    "SnippetOut",
    "StatementHitOut",
    "StatementOut",
    "TopicOut",
    "TopicRowOut",
    "UrlIn",
    "VersionIn",
]

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ListOf(_Out, Generic[T]):
    """One page of a list: the items and the number of items in the whole list."""

    data: list[T]
    count: int


class Problem(BaseModel):
    """An error as RFC 9457 problem details (``application/problem+json``)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None


class RoundOut(_Out):
    meeting_id: int
    partner: str
    kind: str
    ordinal: int | None
    start: dt.date | None
    end: dt.date | None
    name: str | None = None
    city: str | None = None
    country: str | None = None
    format: str | None = None


class NextOut(_Out):
    meeting_id: int
    year: int | None
    date: dt.date | None
    city: str | None
    country: str | None


class DocumentBriefOut(_Out):
    id: int
    key: str
    title: str | None
    published: dt.date | None
    issuer: str | None
    source: str | None
    version: int
    media_type: str | None = None


class PartnerSummaryOut(_Out):
    partner: str
    kinds: list[str]
    meetings: int
    documents: int
    statements: int
    last: RoundOut | None
    next: NextOut | None


class SeriesOut(_Out):
    id: int
    partner: str
    kind: str
    meetings: int
    first: dt.date | None
    last: dt.date | None


class HeadOut(_Out):
    party: str
    name: str
    title: str | None


class RoundLineOut(_Out):
    round: RoundOut
    heads: list[HeadOut]
    documents: list[DocumentBriefOut]
    statements: int


class MatrixCellOut(_Out):
    meeting_id: int
    stance: str | None = Field(description="critical, positive, mixed, discussed, or null: not raised")
    statements: int


class TopicRowOut(_Out):
    topic: str
    statements: int
    cells: list[MatrixCellOut]


class ProvisionOut(_Out):
    instrument: str
    article: str | None
    statements: int
    rounds: list[RoundOut]


class ProgrammeOut(_Out):
    name: str
    acronym: str | None
    amount: float | None
    currency: str | None
    rounds: list[RoundOut]


class PartnerOut(_Out):
    partner: str
    rounds: list[RoundLineOut]
    matrix_rounds: list[RoundOut]
    matrix: list[TopicRowOut]
    provisions: list[ProvisionOut]
    programmes: list[ProgrammeOut]
    next: NextOut | None


class StatementOut(_Out):
    id: int
    version: int = Field(description="Send it back with a review action (optimistic locking).")
    state: str
    actor: str
    act: str
    topics: list[str]
    legal_refs: list[LegalRef]
    text: str | None
    span: tuple[int, int] | None
    confidence: float | None
    document_id: int
    document: str
    meeting_id: int


class ReportOut(_Out):
    document: DocumentBriefOut
    statements: list[StatementOut]


class FactValueOut(_Out):
    value: str
    documents: list[str]


class MeetingOut(_Out):
    meeting: RoundOut
    facts: dict[str, list[FactValueOut]]
    reports: list[ReportOut]
    previous: RoundOut | None
    following: RoundOut | None


class DocumentOut(_Out):
    document: DocumentBriefOut
    text: str | None
    record: Record
    meetings: list[RoundOut]
    versions: list[DocumentBriefOut]


class SnippetOut(_Out):
    text: str
    highlights: list[tuple[int, int]] = Field(description="[start, end) of each match in text")


class StatementHitOut(_Out):
    id: int
    version: int
    state: str
    actor: str
    act: str
    topics: list[str]
    document: str
    document_id: int
    meeting_id: int
    partner: str
    kind: str
    date: dt.date | None
    score: float
    snippet: SnippetOut


class DocumentHitOut(_Out):
    id: int
    key: str
    title: str | None
    published: dt.date | None
    source: str | None
    score: float
    snippet: SnippetOut


class SearchOut(BaseModel):
    statements: ListOf[StatementHitOut]
    documents: ListOf[DocumentHitOut]
    facets: dict[str, list[tuple[str, int]]]


class TopicOut(_Out):
    code: str
    group: str
    label: str
    covers: str


class ActOut(_Out):
    code: str
    label: str
    cameo: str
    covers: str


class OutcomeOut(_Out):
    source: str
    status: str = Field(description="ingested, unchanged or failed")
    reason: str | None = None
    document: str | None = None
    document_id: int | None = None
    version: int | None = None
    statements: int = 0


class IngestOut(BaseModel):
    outcomes: list[OutcomeOut]
    meetings: list[RoundOut]
    """The meetings the ingested documents report."""


class UrlIn(BaseModel):
    url: str = Field(min_length=1, max_length=2000, description="An http(s) URL of a page, a PDF or a feed.")


class VersionIn(BaseModel):
    version: int = Field(ge=1, le=2**31 - 1, description="The statement version the reviewer saw.")
    who: str = Field(default="api", min_length=1, max_length=200)


class EditIn(VersionIn):
    actor: str | None = Field(default=None, max_length=10)
    act: str | None = Field(default=None, max_length=40)
    topics: list[str] | None = Field(default=None, max_length=20)
    legal_refs: list[LegalRef] | None = Field(default=None, max_length=20)


class AddIn(BaseModel):
    document: str = Field(min_length=1, max_length=300, description="Document id, key or sha256.")
    meeting: int = Field(default=0, ge=0, le=1000, description="Which meeting of the document (0-based).")
    actor: str = Field(max_length=10)
    act: str = Field(max_length=40)
    topics: list[str] = Field(min_length=1, max_length=20)
    text: str | None = Field(default=None, max_length=5000)
    legal_refs: list[LegalRef] = Field(default_factory=list, max_length=20)
    who: str = Field(default="api", min_length=1, max_length=200)
