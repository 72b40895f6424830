"""Values of the case register: what callers pass in and what case officers get back.

Fields that hold confidential text are left out of ``repr`` so that a value
printed in a traceback or a debug log shows ids and versions only.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from ..errors import ConflictError, InvalidInputError

__all__ = [
    "CLOSED",
    "CaseEdit",
    "CaseInput",
    "CaseRef",
    "CaseSummary",
    "CaseView",
    "Category",
    "Charge",
    "MeetingLink",
    "Reply",
    "Status",
    "StatusEntry",
    "VersionConflictError",
    "check_text",
]

MAX_TEXT = 20_000


class Category(enum.StrEnum):
    JOURNALIST = "journalist"
    DEFENDER = "defender"
    LAWYER = "lawyer"
    RELIGIOUS = "religious"
    POLITICAL = "political"
    OTHER = "other"


class Status(enum.StrEnum):
    DETAINED = "detained"
    SENTENCED = "sentenced"
    RELEASED = "released"
    DIED = "died"
    UNKNOWN = "unknown"


CLOSED = frozenset({Status.RELEASED})
"""Statuses that take a case off the next round's list by default (a death in custody stays on it)."""


class VersionConflictError(ConflictError):
    """A case was edited from a stale version; ``current_version`` is the version to reload."""

    def __init__(self, case_id: int, current_version: int) -> None:
        super().__init__(f"case {case_id} was changed by someone else: it is at version {current_version}")
        self.case_id = case_id
        self.current_version = current_version


def check_text(value: str | None, what: str, *, required: bool = False) -> None:
    """Reject empty required text and oversized text; the message names the field, never the value."""
    if value is None or not value.strip():
        if required:
            raise InvalidInputError(f"{what} is required")
        return
    if len(value) > MAX_TEXT:
        raise InvalidInputError(f"{what} is longer than {MAX_TEXT} characters")


@dataclass(frozen=True, slots=True)
class Charge:
    instrument: str = field(repr=False)
    """The law or code ('Criminal Code')."""
    article: str = field(default="", repr=False)
    note: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class StatusEntry:
    status: Status
    on: dt.date | None = field(default=None, repr=False)
    """The date the status took effect."""
    source: str | None = field(default=None, repr=False)
    note: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class MeetingLink:
    meeting_id: int
    note: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Reply:
    meeting_id: int | None
    text: str = field(repr=False)
    received_on: dt.date | None = field(default=None, repr=False)
    source: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class CaseInput:
    partner: str
    name: str = field(repr=False)
    category: Category = field(repr=False)
    aliases: tuple[str, ...] = field(default=(), repr=False)
    notes: str | None = field(default=None, repr=False)
    charges: tuple[Charge, ...] = field(default=(), repr=False)
    status: StatusEntry | None = field(default=None, repr=False)
    """The first entry of the status history."""


@dataclass(frozen=True, slots=True)
class CaseEdit:
    """A change to a case; ``None`` leaves a field as it is, aliases and charges are replaced whole."""

    name: str | None = field(default=None, repr=False)
    category: Category | None = field(default=None, repr=False)
    notes: str | None = field(default=None, repr=False)
    aliases: tuple[str, ...] | None = field(default=None, repr=False)
    charges: tuple[Charge, ...] | None = field(default=None, repr=False)

    def changed(self) -> list[str]:
        """The names of the fields this edit changes (safe to audit)."""
        return [
            n for n in ("name", "category", "notes", "aliases", "charges") if getattr(self, n) is not None
        ]


@dataclass(frozen=True, slots=True)
class CaseRef:
    """What a write returns: the case and the version it is at now (reload it with ``get_case``)."""

    id: int
    version: int


@dataclass(frozen=True, slots=True)
class CaseSummary:
    id: int
    version: int
    partner: str
    name: str = field(repr=False)
    category: Category = field(repr=False)
    status: Status | None = field(repr=False)
    status_on: dt.date | None = field(repr=False)


@dataclass(frozen=True, slots=True)
class CaseView:
    id: int
    version: int
    partner: str
    created_at: dt.datetime
    updated_at: dt.datetime
    name: str = field(repr=False)
    category: Category = field(repr=False)
    notes: str | None = field(repr=False)
    aliases: tuple[str, ...] = field(repr=False)
    charges: tuple[Charge, ...] = field(repr=False)
    history: tuple[StatusEntry, ...] = field(repr=False)
    """Oldest first (undated entries in the order they were recorded)."""
    meetings: tuple[MeetingLink, ...] = field(repr=False)
    replies: tuple[Reply, ...] = field(repr=False)
    lists: tuple[int, ...] = ()
    """Ids of the handed-over lists the case was on."""

    @property
    def status(self) -> StatusEntry | None:
        return self.history[-1] if self.history else None
