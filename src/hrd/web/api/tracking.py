"""Tracking: recurring concerns, progress, provisions, follow-up items and benchmarks, as JSON.

The pages under /partners/{partner}/... render the same query functions.
Setting a follow-up status takes the ``version`` the analyst saw (0: never
set): a stale one answers 409.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from ...store.benchmarks import add_benchmark, set_assessment
from ...store.engine import read, write
from ...store.followup import set_followup
from ...track.rounds import Provision, Subject
from ...track.views.benchmarks import benchmark_views
from ...track.views.followup import followup_board
from ...track.views.tracking import partner_tracking, provision_view
from ..deps import EngineDep, SessionDep
from ..tracking_json import benchmarks_json, board_json, provision_json, tracking_json

__all__ = ["AssessmentIn", "BenchmarkIn", "FollowUpIn", "router"]

router = APIRouter(tags=["tracking"])
Partner = Annotated[str, Path(max_length=40, pattern=r"^[A-Za-z+]{2,40}$")]
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
STATUS = "^(open|progressing|fulfilled|dropped)$"
RESULT = "^(met|partly-met|not-met|no-information)$"


class FollowUpIn(BaseModel):
    status: str = Field(pattern=STATUS)
    note: str | None = Field(default=None, max_length=4000)
    evidence: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] = Field(default_factory=list, max_length=50)
    version: int = Field(ge=0, description="The version you saw (0: no status yet); 409 if it changed.")
    who: str = Field(default="web", min_length=1, max_length=200)


class BenchmarkIn(BaseModel):
    kind: str = Field(default="human-rights-dialogue", max_length=40)
    topic: str | None = Field(default=None, max_length=60)
    instrument: str | None = Field(default=None, max_length=500)
    article: str | None = Field(default=None, max_length=100)
    change: str = Field(min_length=1, max_length=500)
    note: str | None = Field(default=None, max_length=4000)
    who: str = Field(default="web", min_length=1, max_length=200)

    def subject(self) -> Subject:
        from ...errors import InvalidInputError

        if (self.topic is None) == (self.instrument is None):
            raise InvalidInputError("give either a topic or an instrument")
        return (
            self.topic if self.topic is not None else Provision(self.instrument or "", self.article or None)
        )


class AssessmentIn(BaseModel):
    meeting_id: int = Field(ge=1, le=2**31 - 1)
    result: str | None = Field(default=None, pattern=RESULT, description="None: back to the computed result.")
    note: str | None = Field(default=None, max_length=4000)
    who: str = Field(default="web", min_length=1, max_length=200)


@router.get("/partners/{partner}/tracking", response_model=dict[str, Any])
def tracking(session: SessionDep, partner: Partner) -> dict[str, Any]:
    """Per series: recurring concerns (streaks, new and dropped topics), progress and regression with
    evidence, what each side reports that the other does not; the partner's provisions and their state."""
    return tracking_json(partner_tracking(partner=partner, session=session))


@router.get("/provisions/{provision_id}", response_model=dict[str, Any])
def provision(session: SessionDep, provision_id: Id) -> dict[str, Any]:
    """One legal provision: every statement citing it over time, and its state."""
    return provision_json(provision_view(provision_id=provision_id, session=session))


@router.get("/partners/{partner}/follow-up", response_model=dict[str, Any])
def follow_up(
    session: SessionDep,
    partner: Partner,
    status: Annotated[str | None, Query(pattern=STATUS)] = None,
    stale_after: Annotated[int, Query(ge=1, le=50)] = 2,
) -> dict[str, Any]:
    """EU calls and partner commitments with their status, age, stale flag and suggested evidence."""
    board = followup_board(partner=partner, session=session, stale_after=stale_after, status=status)
    return board_json(board)


@router.post("/follow-up/{statement_id}", response_model=dict[str, Any])
def set_follow_up(engine: EngineDep, statement_id: Id, body: FollowUpIn) -> dict[str, Any]:
    """Set the status of a call's or commitment's item (note, evidence statement ids); kept in its history."""
    entry = write(
        engine,
        lambda s: set_followup(
            statement_id=statement_id,
            status=body.status,
            note=body.note,
            evidence=body.evidence,
            who=body.who,
            expected_version=body.version,
            session=s,
        ),
    )
    return {"statement_id": entry.statement_id, "status": entry.status, "version": entry.version}


@router.get("/partners/{partner}/benchmarks", response_model=list[dict[str, Any]])
def benchmarks(session: SessionDep, partner: Partner) -> list[dict[str, Any]]:
    """The partner's benchmarks, every round assessed (analysts' results applied), with their history."""
    return benchmarks_json(benchmark_views(partner=partner, session=session))


@router.post("/partners/{partner}/benchmarks", response_model=dict[str, Any], status_code=201)
def new_benchmark(engine: EngineDep, partner: Partner, body: BenchmarkIn) -> dict[str, Any]:
    """Define a benchmark: a topic or provision of one series and the expected change."""
    made = write(
        engine,
        lambda s: add_benchmark(
            partner=partner,
            kind=body.kind,
            subject=body.subject(),
            change=body.change,
            note=body.note,
            who=body.who,
            session=s,
        ),
    )
    views = read(engine, lambda s: benchmark_views(partner=partner, session=s))
    return next(b for b in benchmarks_json(views) if b["id"] == int(made.id))


@router.post("/benchmarks/{benchmark_id}/assessments", response_model=dict[str, Any], status_code=201)
def assess(engine: EngineDep, benchmark_id: Id, body: AssessmentIn) -> dict[str, Any]:
    """Set (or clear) an analyst's result for one round of a benchmark; every setting stays in the history."""
    entry = write(
        engine,
        lambda s: set_assessment(
            benchmark_id=benchmark_id,
            meeting_id=body.meeting_id,
            result=body.result,
            note=body.note,
            who=body.who,
            session=s,
        ),
    )
    return {
        "benchmark_id": int(entry.benchmark_id),
        "meeting_id": int(entry.meeting_id),
        "result": entry.result,
        "who": entry.who,
        "at": entry.at.isoformat(),
    }
