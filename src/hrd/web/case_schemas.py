"""Request and response models of the case register's API, and their conversion to library values.

Confidential: no field carries an example, so the OpenAPI document never shows case data.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..cases import (
    CaseEdit,
    CaseInput,
    CaseView,
    Category,
    Charge,
    MeetingLink,
    Reply,
    Status,
    StatusEntry,
)
from ..cases.lists import NextList

__all__ = [
    "CaseEditIn",
    "CaseIn",
    "CaseOut",
    "CaseRefOut",
    "CaseSummaryOut",
    "ChargeIO",
    "ListIn",
    "MeetingIn",
    "NextListOut",
    "ReplyIn",
    "StatusChangeIn",
    "StatusIn",
    "SuggestionOut",
    "case_out",
    "next_out",
]

TEXT = 20_000
Short = Field(default=None, max_length=TEXT)


class _Model(BaseModel):
    model_config = ConfigDict(from_attributes=True, extra="forbid")


class ChargeIO(_Model):
    instrument: str = Field(min_length=1, max_length=TEXT, description="The law or code.")
    article: str = Field(default="", max_length=TEXT)
    note: str | None = Short

    def value(self) -> Charge:
        return Charge(self.instrument, self.article, self.note)


class StatusIn(_Model):
    status: Status
    on: dt.date | None = None
    source: str | None = Short
    note: str | None = Short

    def value(self) -> StatusEntry:
        return StatusEntry(self.status, self.on, self.source, self.note)


class Versioned(_Model):
    version: int = Field(ge=1, le=2**31 - 1, description="The version of the case the change was made from.")


class StatusChangeIn(Versioned, StatusIn):
    pass


class CaseIn(_Model):
    partner: str = Field(min_length=2, max_length=40, description="Partner code, e.g. KZ.")
    name: str = Field(min_length=1, max_length=TEXT)
    category: Category
    aliases: list[str] = Field(default_factory=list, max_length=50)
    notes: str | None = Short
    charges: list[ChargeIO] = Field(default_factory=list, max_length=50)
    status: StatusIn | None = None

    def value(self) -> CaseInput:
        return CaseInput(
            partner=self.partner,
            name=self.name,
            category=self.category,
            aliases=tuple(self.aliases),
            notes=self.notes,
            charges=tuple(c.value() for c in self.charges),
            status=self.status.value() if self.status else None,
        )


class CaseEditIn(Versioned):
    """Fields left out stay as they are; aliases and charges are replaced whole."""

    name: str | None = Field(default=None, min_length=1, max_length=TEXT)
    category: Category | None = None
    notes: str | None = Short
    aliases: list[str] | None = Field(default=None, max_length=50)
    charges: list[ChargeIO] | None = Field(default=None, max_length=50)

    def value(self) -> CaseEdit:
        return CaseEdit(
            name=self.name,
            category=self.category,
            notes=self.notes,
            aliases=tuple(self.aliases) if self.aliases is not None else None,
            charges=tuple(c.value() for c in self.charges) if self.charges is not None else None,
        )


class MeetingIn(Versioned):
    meeting_id: int = Field(ge=1, le=2**31 - 1)
    note: str | None = Short

    def value(self) -> MeetingLink:
        return MeetingLink(self.meeting_id, self.note)


class ReplyIn(Versioned):
    meeting_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    text: str = Field(min_length=1, max_length=TEXT)
    received_on: dt.date | None = None
    source: str | None = Short

    def value(self) -> Reply:
        return Reply(self.meeting_id, self.text, self.received_on, self.source)


class ListIn(_Model):
    case_ids: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] = Field(min_length=1, max_length=1000)
    handed_over_on: dt.date
    meeting_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    note: str | None = Short


class CaseRefOut(_Model):
    id: int
    version: int


class CaseSummaryOut(_Model):
    id: int
    version: int
    partner: str
    name: str
    category: Category
    status: Status | None
    status_on: dt.date | None


class StatusOut(_Model):
    status: Status
    on: dt.date | None
    source: str | None
    note: str | None


class MeetingOut(_Model):
    meeting_id: int
    note: str | None


class ReplyOut(_Model):
    meeting_id: int | None
    text: str
    received_on: dt.date | None
    source: str | None


class CaseOut(_Model):
    id: int
    version: int
    partner: str
    created_at: dt.datetime
    updated_at: dt.datetime
    name: str
    category: Category
    notes: str | None
    aliases: list[str]
    charges: list[ChargeIO]
    history: list[StatusOut]
    """Oldest first."""
    meetings: list[MeetingOut]
    replies: list[ReplyOut]
    lists: list[int]


class PreviousOut(_Model):
    id: int
    handed_over_on: dt.date
    meeting_id: int | None
    case_ids: list[int]


class NextListOut(_Model):
    partner: str
    prepared_on: dt.date
    previous: PreviousOut | None
    cases: list[CaseSummaryOut]
    added: list[int]
    dropped: list[int]
    status_changes: list[int]
    """Ids of the cases whose status changed since the previous list."""
    replies: list[int]
    """Ids of the cases with a reply since the previous list."""


class SuggestionOut(_Model):
    name: str
    document_id: int
    meeting_id: int
    case_id: int | None


def case_out(view: CaseView) -> CaseOut:
    return CaseOut.model_validate(view)


def next_out(lst: NextList) -> NextListOut:
    return NextListOut(
        partner=lst.partner,
        prepared_on=lst.prepared_on,
        previous=PreviousOut.model_validate(lst.previous) if lst.previous else None,
        cases=[CaseSummaryOut.model_validate(s) for s in lst.cases],
        added=[s.id for s in lst.added],
        dropped=[s.id for s in lst.dropped],
        status_changes=[c.case_id for c in lst.status_changes],
        replies=[r.case_id for r in lst.replies],
    )
