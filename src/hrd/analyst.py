"""What analysts add to the tracked series: follow-up statuses, benchmarks and their own round results.

Plain values below both the store (which keeps them: :mod:`hrd.store.followup`,
:mod:`hrd.store.benchmarks`) and the tracker (which applies them:
:mod:`hrd.track.followup`, :mod:`hrd.track.benchmarks`), so that neither
has a copy of the other's vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .record import MeetingKind
from .series import Subject, subject_label

__all__ = ["RESULTS", "STATUSES", "Benchmark", "Override", "Result", "Status"]

#: The status of a follow-up item (an EU call or a partner commitment).
Status = Literal["open", "progressing", "fulfilled", "dropped"]
STATUSES: tuple[Status, ...] = ("open", "progressing", "fulfilled", "dropped")

#: A round assessed against a benchmark.
Result = Literal["met", "partly-met", "not-met", "no-information"]
RESULTS: tuple[Result, ...] = ("met", "partly-met", "not-met", "no-information")


@dataclass(frozen=True, slots=True)
class Benchmark:
    """What analysts expect of one dialogue series.

    ``change`` is a verb ("abolish", "amend", "ratify", "release") or free
    text; ``subject`` a topic code or a provision.
    """

    id: str
    partner: str
    kind: MeetingKind
    subject: Subject
    change: str
    note: str | None = None

    @property
    def label(self) -> str:
        return f"{self.change} — {subject_label(self.subject)}"


@dataclass(frozen=True, slots=True)
class Override:
    """An analyst's result for one round, replacing the computed one."""

    benchmark_id: str
    meeting_id: str
    result: Result
    note: str | None = None
