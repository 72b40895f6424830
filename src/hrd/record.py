"""Typed models of dialogue-record/1 (``record.schema.json``).

The models serialise exactly to the schema: :meth:`Record.to_json` gives a
dict that validates against it, and :meth:`Record.model_validate` reads one
back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA_ID",
    "Cases",
    "DocumentInfo",
    "Event",
    "Head",
    "LegalRef",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "NextRound",
    "Programme",
    "Record",
    "Statement",
    "meeting_topics",
]

SCHEMA_ID: Final = "dialogue-record/1"

MeetingKind = Literal[
    "human-rights-dialogue",
    "subcommittee",
    "cooperation-committee",
    "cooperation-council",
    "consultations",
    "other",
]
MeetingFormat = Literal["in-person", "online", "hybrid"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class LegalRef(_Model):
    instrument: str
    article: str | None = None


class Statement(_Model):
    actor: str
    act: str
    topics: list[str]
    text: str | None = None
    span: tuple[int, int] | None = None
    legal_refs: list[LegalRef] = Field(default_factory=list)
    confidence: float | None = Field(default=None, ge=0, le=1)


class Head(_Model):
    party: str
    name: str
    title: str | None = None


class Cases(_Model):
    raised: bool = False
    list_handed_over: bool = False
    names: list[str] = Field(default_factory=list)


class Programme(_Model):
    name: str
    acronym: str | None = None
    amount: float | None = None
    currency: str | None = None


class Event(_Model):
    what: str
    date: dt.date | None = None


class NextRound(_Model):
    city: str | None = None
    country: str | None = None
    year: int | None = None
    date: dt.date | None = None


class Meeting(_Model):
    kind: MeetingKind
    name: str | None = None
    parties: list[str]
    ordinal: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    format: MeetingFormat | None = None
    city: str | None = None
    country: str | None = None
    heads: list[Head] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    cases: Cases = Field(default_factory=Cases)
    programmes: list[Programme] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    next: NextRound | None = None
    confidence: float | None = Field(default=None, ge=0, le=1)


class DocumentInfo(_Model):
    id: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    language: str | None = None
    sha256: str | None = None
    issuer: str | None = None


class Record(_Model):
    schema_: Literal["dialogue-record/1"] = Field(default=SCHEMA_ID, alias="schema")
    document: DocumentInfo
    meetings: list[Meeting] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON-ready dict in dialogue-record/1 form."""
        return self.model_dump(mode="json", by_alias=True)


def meeting_topics(statements: Iterable[Statement], listed: Iterable[str] = ()) -> list[str]:
    """A meeting's topics: those listed as discussed, then each statement's, first seen first, once."""
    return list(dict.fromkeys([*listed, *(t for st in statements for t in st.topics)]))
