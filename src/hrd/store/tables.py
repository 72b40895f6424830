"""The store's tables (SQLAlchemy 2 typed declarative).

These are storage models, not API schemas: :mod:`hrd.record` holds the
record types, and :mod:`hrd.store.mapping` is the one place where rows and
records are translated into each other.

Shape:

- ``documents``: one row per distinct text (``sha256`` unique); a changed
  text at the same source is a new row with ``version`` + 1 and
  ``previous_id`` pointing at the version it replaces (``latest`` marks the
  head of each chain).
- ``series`` (partner + kind) -> ``meetings``: one row per real meeting.
- ``meeting_reports``: what one document says about one meeting. Values
  that sources may disagree on (dates, place, format, heads, ...) live here,
  per source; the meeting row holds the identity keys.
- ``delegations`` (meeting + party) -> ``heads`` (per report).
- ``statements`` (per report) with ``statement_topics`` and
  ``statement_legal_refs`` -> ``provisions`` (partner, instrument, article).
- ``programmes``, ``events``, ``case_mentions`` per report.
- ``review_history``: who changed what, when, before and after.

Full-text indexes are dialect-specific and created by the migrations
(SQLite FTS5 tables kept in sync by triggers; PostgreSQL generated
``tsvector`` columns with GIN indexes); they are not mapped here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "REVIEW_STATES",
    "Base",
    "CaseMention",
    "Delegation",
    "DocumentRow",
    "EventRow",
    "HeadRow",
    "HistoryRow",
    "MeetingReport",
    "MeetingRow",
    "ProgrammeRow",
    "Provision",
    "Series",
    "StatementLegalRef",
    "StatementRow",
    "StatementTopic",
]

REVIEW_STATES = ("proposed", "confirmed", "edited", "rejected", "added")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("source", "version"),
        Index("ix_documents_latest_published", "latest", "published"),  # search's date filter (0004)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), index=True)
    """The record's ``document.id`` (file stem or hash prefix)."""
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str | None] = mapped_column(String(2000))
    media_type: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(20))
    issuer: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str | None] = mapped_column(Text)
    """The text extraction read; ``None`` for documents imported from an export."""
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    latest: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    extractor: Mapped[str | None] = mapped_column(String(50))


class Series(Base):
    """A dialogue series: the meetings of one kind between the EU and one partner."""

    __tablename__ = "series"
    __table_args__ = (UniqueConstraint("partner", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str] = mapped_column(String(40))
    """The parties other than the EU, joined by '+' ('KZ', 'AUC')."""
    kind: Mapped[str] = mapped_column(String(40))


class MeetingRow(Base):
    """One real meeting; what each source says about it is in :class:`MeetingReport`."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id"), index=True)
    ordinal: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)


class MeetingReport(Base):
    """What one document reports about one meeting (its per-source values)."""

    __tablename__ = "meeting_reports"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        Index("ix_meeting_reports_meeting_document", "meeting_id", "document_id"),  # search (0004)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(Text)
    parties: Mapped[list[Any]] = mapped_column(JSON)
    ordinal: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    format: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(10))
    topics: Mapped[list[Any]] = mapped_column(JSON)
    cases_raised: Mapped[bool] = mapped_column(Boolean, default=False)
    list_handed_over: Mapped[bool] = mapped_column(Boolean, default=False)
    next: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    confidence: Mapped[float | None] = mapped_column(Float)


class Delegation(Base):
    __tablename__ = "delegations"
    __table_args__ = (UniqueConstraint("meeting_id", "party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    party: Mapped[str] = mapped_column(String(10))


class HeadRow(Base):
    """A head of a delegation as one report names them."""

    __tablename__ = "heads"

    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegations.id"), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("meeting_reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)


class StatementRow(Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("meeting_reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(10))
    act: Mapped[str] = mapped_column(String(40), index=True)
    text: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float | None] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(12), default="proposed", index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str | None] = mapped_column(String(200))
    # Facet copies (migration 0003), kept by the store so that search needs no joins:
    partner: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str | None] = mapped_column(String(40))
    year: Mapped[int | None] = mapped_column(Integer)
    """Year of the meeting's start as reported, else of the document's publication."""
    current: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    """False once a newer version of the statement's document is stored."""
    topic_list: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The topics joined by ';' (the rows of ``statement_topics`` are the reference)."""

    __table_args__ = (Index("ix_statements_facets", "current", "partner", "kind", "year"),)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class StatementTopic(Base):
    __tablename__ = "statement_topics"

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic: Mapped[str] = mapped_column(String(60))

    __table_args__ = (Index("ix_statement_topics_topic", "topic", "statement_id"),)


class Provision(Base):
    """A legal provision as an entity: the partner whose law it is, the instrument and article."""

    __tablename__ = "provisions"
    __table_args__ = (UniqueConstraint("partner", "instrument", "article"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str] = mapped_column(String(40))
    instrument: Mapped[str] = mapped_column(String(500))
    article: Mapped[str] = mapped_column(String(100), default="")
    """'' when the reference names no article."""


class StatementLegalRef(Base):
    __tablename__ = "statement_legal_refs"

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    provision_id: Mapped[int] = mapped_column(ForeignKey("provisions.id"), index=True)


class ProgrammeRow(Base):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("meeting_reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    acronym: Mapped[str | None] = mapped_column(String(60))
    amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(10))


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("meeting_reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)


class CaseMention(Base):
    """An individual case named in a public readout, exactly as the readout states it."""

    __tablename__ = "case_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("meeting_reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)


class HistoryRow(Base):
    """One change to the reviewed memory: who, when, what, before and after."""

    __tablename__ = "review_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statements.id", ondelete="SET NULL"), index=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
