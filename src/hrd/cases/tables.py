"""Tables of the confidential case register (on the store's declarative base).

Everything that describes a person or their case is sealed field by field
(:mod:`hrd.cases.crypto`): names, aliases, category, notes, charges, every
status with its date and source, replies, notes on links and lists. What
stays in plain text is what links rows: ids, the partner code, the meetings
(rounds) a case was raised at or listed for, list membership, versions and
the times rows were written. So the database alone tells how many cases
there are per partner and round, and nothing about who they are.

:data:`SEALED` lists every sealed column; key rotation and the tests walk it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..store.tables import Base

__all__ = [
    "SEALED",
    "CaseAlias",
    "CaseCharge",
    "CaseListEntry",
    "CaseListRow",
    "CaseMeeting",
    "CaseReply",
    "CaseRow",
    "CaseStatus",
]

Sealed = Mapped[bytes | None]


def _sealed() -> Mapped[bytes | None]:
    return mapped_column(LargeBinary)


class CaseRow(Base):
    """A person and their case."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    name: Sealed = _sealed()
    category: Sealed = _sealed()
    notes: Sealed = _sealed()


class CaseAlias(Base):
    __tablename__ = "case_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    alias: Sealed = _sealed()


class CaseCharge(Base):
    """A charge as a legal provision: instrument and article."""

    __tablename__ = "case_charges"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    instrument: Sealed = _sealed()
    article: Sealed = _sealed()
    note: Sealed = _sealed()


class CaseStatus(Base):
    """One entry of a case's status history: status, the date it took effect, the source."""

    __tablename__ = "case_status"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    status: Sealed = _sealed()
    on_date: Sealed = _sealed()
    source: Sealed = _sealed()
    note: Sealed = _sealed()


class CaseMeeting(Base):
    """A meeting (round) where the case was raised."""

    __tablename__ = "case_meetings"
    __table_args__ = (UniqueConstraint("case_id", "meeting_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    note: Sealed = _sealed()


class CaseReply(Base):
    """The partner's reply about a case at one round."""

    __tablename__ = "case_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    received_on: Sealed = _sealed()
    text: Sealed = _sealed()
    source: Sealed = _sealed()


class CaseListRow(Base):
    """A list of cases handed over to a partner at a round."""

    __tablename__ = "case_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str] = mapped_column(String(40), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    handed_over_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    note: Sealed = _sealed()


class CaseListEntry(Base):
    __tablename__ = "case_list_entries"

    list_id: Mapped[int] = mapped_column(ForeignKey("case_lists.id", ondelete="CASCADE"), primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


SEALED: dict[type[Base], tuple[str, ...]] = {
    CaseRow: ("name", "category", "notes"),
    CaseAlias: ("alias",),
    CaseCharge: ("instrument", "article", "note"),
    CaseStatus: ("status", "on_date", "source", "note"),
    CaseMeeting: ("note",),
    CaseReply: ("received_on", "text", "source"),
    CaseListRow: ("note",),
}
"""Every sealed column, by table."""
