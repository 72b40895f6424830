"""The briefing note for a partner: a typed :class:`Brief` built from the analyses.

:func:`build_brief` is pure: the store passes the partner's series, the
analysts' follow-up items, benchmarks and overrides, and the date of today.
:mod:`hrd.report.render` turns the value into Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import NotFoundError
from ..record import Event, Head, MeetingKind, NextRound, Programme
from ..track.benchmarks import Benchmark, BenchmarkStatus, Override, statuses
from ..track.followup import FollowUpItem, FollowUpOptions, items_from_series, stale
from ..track.progress import Change, ProgressOptions, changes
from ..track.provisions import ProvisionHistory, ProvisionOptions, provision_histories
from ..track.recurring import RaisedTopic, RecurringOptions, RoundTopics, recurring
from ..track.rounds import Round, RoundRef, Series
from ..track.stance import StanceOptions, is_critical
from .charts import ChartOptions, matrix_svg, timeline_svg

__all__ = [
    "Brief",
    "BriefInputs",
    "BriefOptions",
    "LastRound",
    "OpenItem",
    "ProgrammeMention",
    "SeriesBrief",
    "build_brief",
]

_KIND_ORDER: tuple[MeetingKind, ...] = (
    "human-rights-dialogue",
    "consultations",
    "subcommittee",
    "cooperation-committee",
    "cooperation-council",
    "other",
)


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """``today`` dates the note and separates upcoming events from past ones.

    ``stale_after``: rounds an item may stay open without progress before it
    is flagged; ``min_streak``: the shortest current streak listed among the
    recurring concerns; ``charts``: include the topic × round matrix and the stance timeline (SVG).
    ``kind``: the series the note is mainly about (its last round opens the
    note); by default the Human Rights Dialogue, else the first series by kind.
    """

    today: dt.date
    kind: MeetingKind | None = None
    stale_after: int = 2
    min_streak: int = 1
    max_concerns: int = 12
    charts: bool = True
    stance: StanceOptions = field(default_factory=StanceOptions)


@dataclass(frozen=True, slots=True)
class BriefInputs:
    """What analysts keep in the store. ``items=None``: derive them (all open) from the statements."""

    items: tuple[FollowUpItem, ...] | None = None
    benchmarks: tuple[Benchmark, ...] = ()
    overrides: tuple[Override, ...] = ()


@dataclass(frozen=True, slots=True)
class LastRound:
    ref: RoundRef
    kind: MeetingKind
    end: dt.date | None
    city: str | None
    country: str | None
    heads: tuple[Head, ...]
    documents: tuple[str, ...]
    statements: int
    acts: tuple[tuple[str, int], ...]
    topics: tuple[str, ...]
    raised: tuple[str, ...]
    cases_raised: bool
    case_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OpenItem:
    item: FollowUpItem
    rounds_open: int
    stale: bool


@dataclass(frozen=True, slots=True)
class ProgrammeMention:
    programme: Programme
    last: RoundRef


@dataclass(frozen=True, slots=True)
class SeriesBrief:
    """One dialogue series of the partner (the dialogue, a subcommittee, ...)."""

    kind: MeetingKind
    rounds: int
    first: RoundRef
    last: RoundRef
    concerns: tuple[RaisedTopic, ...]
    latest: RoundTopics | None
    open_items: tuple[OpenItem, ...]
    changes: tuple[Change, ...]
    next_round: NextRound | None
    matrix_svg: str | None
    timeline_svg: str | None = None


@dataclass(frozen=True, slots=True)
class Brief:
    partner: str
    today: dt.date
    stale_after: int
    last_round: LastRound
    series: tuple[SeriesBrief, ...]
    provisions_at_issue: tuple[ProvisionHistory, ...]
    programmes: tuple[ProgrammeMention, ...]
    upcoming: tuple[Event, ...]
    benchmarks: tuple[BenchmarkStatus, ...]

    @property
    def open_item_count(self) -> int:
        return sum(len(s.open_items) for s in self.series)

    @property
    def stale_item_count(self) -> int:
        return sum(1 for s in self.series for i in s.open_items if i.stale)


def _last_round(r: Round, so: StanceOptions) -> LastRound:
    acts = Counter(s.act for s in r.statements)
    raised = {t for s in r.statements if is_critical(s, so) for t in s.topics}
    topics = sorted(r.topics())
    return LastRound(
        ref=r.ref,
        kind=r.kind,
        end=r.end,
        city=r.city,
        country=r.country,
        heads=r.heads,
        documents=tuple(s.document_id for s in r.sources),
        statements=len(r.statements),
        acts=tuple(sorted(acts.items(), key=lambda kv: (-kv[1], kv[0]))),
        topics=tuple(topics),
        raised=tuple(t for t in topics if t in raised),
        cases_raised=r.cases.raised or "individual-cases" in r.topics(),
        case_names=tuple(r.cases.names),
    )


def _open_items(series: Series, items: Sequence[FollowUpItem], options: BriefOptions) -> tuple[OpenItem, ...]:
    mine = [i for i in items if i.partner == series.partner and i.status in ("open", "progressing")]
    ids = [r.meeting_id for r in series.rounds]
    mine = [i for i in mine if i.round.meeting_id in ids]
    flagged = {s.item.id for s in stale(mine, series.rounds, options.stale_after, FollowUpOptions())}
    return tuple(
        OpenItem(i, len(ids) - 1 - ids.index(i.round.meeting_id), i.id in flagged)
        for i in sorted(mine, key=lambda i: ids.index(i.round.meeting_id))
    )


def _series_brief(series: Series, items: Sequence[FollowUpItem], options: BriefOptions) -> SeriesBrief:
    rec = recurring(series, RecurringOptions(stance=options.stance))
    concerns = tuple(t for t in rec.topics if t.streak >= options.min_streak)[: options.max_concerns]
    return SeriesBrief(
        kind=series.kind,
        rounds=len(series.rounds),
        first=series.rounds[0].ref,
        last=series.rounds[-1].ref,
        concerns=concerns,
        latest=rec.changes[-1] if rec.changes else None,
        open_items=_open_items(series, items, options),
        changes=changes(series, ProgressOptions(stance=options.stance)),
        next_round=series.rounds[-1].next,
        matrix_svg=matrix_svg(series, ChartOptions(id_prefix=f"matrix-{series.kind}", stance=options.stance))
        if options.charts
        else None,
        timeline_svg=timeline_svg(
            series, options=ChartOptions(id_prefix=f"timeline-{series.kind}", stance=options.stance)
        )
        if options.charts
        else None,
    )


def _programmes(rounds: Sequence[Round]) -> tuple[ProgrammeMention, ...]:
    latest: dict[str, ProgrammeMention] = {}
    for r in rounds:  # oldest first: later mentions replace earlier ones
        for p in r.programmes:
            key = (p.acronym or p.name).casefold()
            latest.pop(key, None)
            latest[key] = ProgrammeMention(p, r.ref)
    return tuple(reversed(latest.values()))


def _upcoming(rounds: Sequence[Round], today: dt.date) -> tuple[Event, ...]:
    seen: dict[tuple[str, dt.date], Event] = {}
    for r in rounds:
        for e in r.events:
            if e.date is not None and e.date >= today:
                seen.setdefault((e.what.casefold(), e.date), e)
    return tuple(sorted(seen.values(), key=lambda e: (e.date or today, e.what)))


def _date_key(r: Round) -> tuple[dt.date, int]:
    return (r.start or dt.date.min, r.ordinal or 0)


def build_brief(partner: str, series: Sequence[Series], inputs: BriefInputs, options: BriefOptions) -> Brief:
    """The briefing note for ``partner`` from its series (others in ``series`` are ignored).

    The main series (``options.kind``, else the dialogue) comes first; its
    latest round is the "last round" of the note.

    Raises :class:`~hrd.errors.NotFoundError` when the partner has no round.
    """
    own = sorted(
        (s for s in series if s.partner == partner and s.rounds),
        key=lambda s: _KIND_ORDER.index(s.kind) if s.kind in _KIND_ORDER else len(_KIND_ORDER),
    )
    if not own:
        raise NotFoundError(f"no dialogue round of {partner!r} is recorded")
    if options.kind is not None:
        own.sort(key=lambda s: s.kind != options.kind)
    items = inputs.items
    if items is None:
        items = tuple(i for s in own for i in items_from_series(s))
    rounds = sorted((r for s in own for r in s.rounds), key=_date_key)
    return Brief(
        partner=partner,
        today=options.today,
        stale_after=options.stale_after,
        last_round=_last_round(own[0].rounds[-1], options.stance),
        series=tuple(_series_brief(s, items, options) for s in own),
        provisions_at_issue=tuple(
            h for h in provision_histories(own, ProvisionOptions(stance=options.stance)) if h.at_issue
        ),
        programmes=_programmes(rounds),
        upcoming=_upcoming(rounds, options.today),
        benchmarks=statuses([b for b in inputs.benchmarks if b.partner == partner], own, inputs.overrides),
    )
