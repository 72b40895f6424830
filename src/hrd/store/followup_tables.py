"""Tables of what analysts add to the tracking: follow-up status, benchmarks and round assessments.

- ``followup_status``: the current status of one follow-up item (an EU call
  or a partner commitment, keyed by the statement it comes from), with the
  analyst's note, evidence statement ids, who and when; ``version`` guards
  against two analysts overwriting each other.
- ``followup_history``: every status an item was given, oldest first (append only).
- ``benchmarks``: per dialogue series (partner and meeting kind), a topic or
  a provision and the expected change.
- ``benchmark_assessments``: an analyst's result for one round of a
  benchmark, replacing the computed one. Rows are never updated: the latest
  row of a (benchmark, meeting) pair applies (``result`` None: back to the
  computed result), the earlier ones are its history.

The statement and meeting ids are the store's (``statements.id``, ``meetings.id``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .tables import Base

__all__ = ["AssessmentRow", "BenchmarkRow", "FollowUpHistoryRow", "FollowUpStatusRow"]


class FollowUpStatusRow(Base):
    __tablename__ = "followup_status"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), unique=True, index=True
    )
    """The call or commitment the item follows up."""
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list[Any]] = mapped_column(JSON)
    """Ids of the statements the analyst cites as evidence."""
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class FollowUpHistoryRow(Base):
    __tablename__ = "followup_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list[Any]] = mapped_column(JSON)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class BenchmarkRow(Base):
    __tablename__ = "benchmarks"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    topic: Mapped[str | None] = mapped_column(String(60))
    """A topic code; None when the benchmark follows a provision."""
    instrument: Mapped[str | None] = mapped_column(String(500))
    article: Mapped[str | None] = mapped_column(String(100))
    change: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AssessmentRow(Base):
    __tablename__ = "benchmark_assessments"
    __table_args__ = (Index("ix_benchmark_assessments_pair", "benchmark_id", "meeting_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    benchmark_id: Mapped[int] = mapped_column(ForeignKey("benchmarks.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    result: Mapped[str | None] = mapped_column(String(20))
    """met, partly-met, not-met, no-information; None clears the override."""
    note: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
