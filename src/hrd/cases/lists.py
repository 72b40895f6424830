"""Case lists per round: record the list handed over, and prepare the next one with what changed.

:func:`next_round_list` gathers the open cases of a partner (those whose
latest status is not closed, by default not ``released``) and compares them
with the last list handed over: cases added, cases dropped, status changes
and replies since. :func:`render_markdown` renders it for case officers
(PDF is left to the report layer). Both reading and recording are audited.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import audit
from ..auth.principal import Principal
from ..auth.roles import Action, Resource
from ..errors import InvalidInputError
from . import sealing
from .access import check_meeting, check_partner
from .crypto import Keyring
from .models import CLOSED, CaseSummary, Status, StatusEntry, check_text
from .tables import CaseListEntry, CaseListRow, CaseReply, CaseRow

__all__ = ["NextList", "PreviousList", "StatusChange", "next_round_list", "record_list", "render_markdown"]


@dataclass(frozen=True, slots=True)
class PreviousList:
    id: int
    handed_over_on: dt.date
    meeting_id: int | None
    case_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StatusChange:
    case_id: int
    name: str = field(repr=False)
    before: Status | None = field(repr=False)
    after: StatusEntry = field(repr=False)


@dataclass(frozen=True, slots=True)
class ReplySince:
    case_id: int
    name: str = field(repr=False)
    text: str = field(repr=False)
    received_on: dt.date | None = field(repr=False)
    meeting_id: int | None


@dataclass(frozen=True, slots=True)
class NextList:
    partner: str
    prepared_on: dt.date
    previous: PreviousList | None
    cases: tuple[CaseSummary, ...]
    added: tuple[CaseSummary, ...]
    dropped: tuple[CaseSummary, ...]
    """On the previous list, not on this one (their status is closed)."""
    status_changes: tuple[StatusChange, ...]
    replies: tuple[ReplySince, ...]


def record_list(
    *,
    partner: str,
    case_ids: Sequence[int],
    handed_over_on: dt.date,
    principal: Principal,
    keys: Keyring,
    session: Session,
    meeting_id: int | None = None,
    note: str | None = None,
) -> int:
    """Record the list of cases handed over to ``partner`` (at ``meeting_id``); returns the list id."""
    principal.require(Action.WRITE, Resource.CASES)
    check_partner(partner)
    check_text(note, "the note")
    if len(set(case_ids)) != len(case_ids):
        raise InvalidInputError("a case appears twice on the list")
    for row in sealing.rows_of(session, case_ids):
        if row.partner != partner:
            raise InvalidInputError(f"case {row.id} is a case with {row.partner}, not with {partner}")
    check_meeting(session, meeting_id, partner)
    now = dt.datetime.now(dt.UTC)
    lst = CaseListRow(partner=partner, meeting_id=meeting_id, handed_over_on=handed_over_on, created_at=now)
    session.add(lst)
    session.flush()
    sealing.seal_fields(keys, lst, {"note": note})
    session.add_all(CaseListEntry(list_id=lst.id, case_id=c, position=i) for i, c in enumerate(case_ids))
    session.flush()
    detail = {"partner": partner, "meeting": meeting_id, "cases": list(case_ids)}
    audit.record(session, principal, "caselist.record", target="case_lists", target_id=lst.id, detail=detail)
    return lst.id


def _previous(session: Session, partner: str) -> PreviousList | None:
    query = select(CaseListRow).where(CaseListRow.partner == partner)
    row = session.scalar(query.order_by(CaseListRow.handed_over_on.desc(), CaseListRow.id.desc()).limit(1))
    if row is None:
        return None
    entries = session.scalars(
        select(CaseListEntry.case_id).where(CaseListEntry.list_id == row.id).order_by(CaseListEntry.position)
    )
    return PreviousList(row.id, row.handed_over_on, row.meeting_id, tuple(entries))


def _status_on(history: Sequence[StatusEntry], day: dt.date) -> Status | None:
    dated = [e for e in history if e.on is not None and e.on <= day]
    return dated[-1].status if dated else None


def next_round_list(
    *,
    partner: str,
    principal: Principal,
    keys: Keyring,
    session: Session,
    today: dt.date | None = None,
    closed: Collection[Status] = CLOSED,
) -> NextList:
    """The list for the next round with ``partner``, and what changed since the last one."""
    principal.require(Action.READ, Resource.CASES)
    check_partner(partner)
    prepared = today or dt.date.today()
    rows = list(session.scalars(select(CaseRow).where(CaseRow.partner == partner).order_by(CaseRow.id)))
    summaries = {s.id: s for s in sealing.load_summaries(session, keys, rows)}
    history = sealing.status_history(session, keys, summaries)
    previous = _previous(session, partner)
    before = set(previous.case_ids) if previous else set()
    cases = tuple(s for s in summaries.values() if s.status not in closed)
    listed = {s.id for s in cases}
    changes: list[StatusChange] = []
    replies: list[ReplySince] = []
    if previous is not None:
        for case_id in sorted(before | listed):
            then, now = _status_on(history[case_id], previous.handed_over_on), history[case_id]
            if now and now[-1].status != then:
                changes.append(StatusChange(case_id, summaries[case_id].name, then, now[-1]))
        replies = _replies_since(session, keys, previous, summaries)
    result = NextList(
        partner=partner,
        prepared_on=prepared,
        previous=previous,
        cases=cases,
        added=tuple(s for s in cases if s.id not in before),
        dropped=tuple(summaries[i] for i in sorted(before - listed)),
        status_changes=tuple(changes),
        replies=tuple(replies),
    )
    detail: dict[str, str | list[int]] = {"partner": partner, "cases": sorted(summaries)}
    audit.record(session, principal, "caselist.prepare", target="case_lists", detail=detail)
    return result


def _replies_since(
    session: Session, keys: Keyring, previous: PreviousList, summaries: dict[int, CaseSummary]
) -> list[ReplySince]:
    out = []
    for row in session.scalars(
        select(CaseReply).where(CaseReply.case_id.in_(summaries)).order_by(CaseReply.id)
    ):
        received = sealing.open_date(keys, row, "received_on")
        day = received or row.recorded_at.date()
        at_that_round = previous.meeting_id is not None and row.meeting_id == previous.meeting_id
        if day > previous.handed_over_on or at_that_round:
            text = sealing.open_field(keys, row, "text") or ""
            name = summaries[row.case_id].name
            out.append(ReplySince(row.case_id, name, text, received, row.meeting_id))
    return out


_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def _md(text: str | None) -> str:
    """Plain text as inline Markdown: one line, every markup character escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split())) or "—"


def _cases(n: int) -> str:
    return f"{n} case" if n == 1 else f"{n} cases"


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else "date unknown"


def _status(summary: CaseSummary) -> str:
    return f"{summary.status.value} ({_day(summary.status_on)})" if summary.status else "no status recorded"


def render_markdown(lst: NextList) -> str:
    """The list as Markdown (confidential: for case officers only)."""
    out = [
        f"# Individual cases for the next round with {lst.partner}",
        "",
        f"CONFIDENTIAL. Prepared on {lst.prepared_on.isoformat()}.",
        "",
    ]
    if lst.previous:
        p = lst.previous
        at = f" at meeting {p.meeting_id}" if p.meeting_id else ""
        out.append(
            f"Previous list: handed over on {p.handed_over_on.isoformat()}{at}, {len(p.case_ids)} cases."
        )
    else:
        out.append("No list has been handed over to this partner before.")
    out += ["", f"## Cases ({len(lst.cases)})", "", "| # | Name | Category | Status |", "|---|---|---|---|"]
    out += [
        f"| {i} | {_md(s.name)} | {s.category.value} | {_status(s)} |" for i, s in enumerate(lst.cases, 1)
    ]
    if lst.previous is None:
        return "\n".join(out) + "\n"
    out += ["", "## Changes since the last list", ""]
    out += [f"- Added: {_md(s.name)} ({_status(s)})" for s in lst.added]
    out += [f"- Dropped: {_md(s.name)} ({_status(s)})" for s in lst.dropped]
    for c in lst.status_changes:
        then = c.before.value if c.before else "no status"
        out.append(f"- Status: {_md(c.name)}: {then} → {c.after.status.value} ({_day(c.after.on)})")
    for r in lst.replies:
        at = f" at meeting {r.meeting_id}" if r.meeting_id else ""
        out.append(f"- Reply about {_md(r.name)} ({_day(r.received_on)}{at}): {_md(r.text)}")
    if out[-1] == "":
        out.append("No changes.")
    return "\n".join(out) + "\n"
