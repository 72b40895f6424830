"""Legal provisions as entities: every statement citing (partner, instrument, article) over time.

The state of a provision follows its citations in round order:

- ``of-concern``: the EU expressed concern about it, or called for it to be
  changed (a call to respect or apply it does not count), and no later
  statement recognised a change;
- ``repealed`` / ``amended``: a statement *after* a concern welcomes or
  acknowledges the change; its text tells a repeal (repealed, abolished,
  decriminalised, ...) from any other amendment;
- ``welcomed``: recognised without any earlier concern (a ratification, a new law);
- ``cited``: only discussed, presented or stressed.

A later concern puts a provision back to ``of-concern``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Literal

from .rounds import Provision, Round, RoundRef, Series, TrackedStatement
from .stance import StanceOptions, is_critical, is_positive
from .wording import CHANGE_STEMS, reports_change

__all__ = [
    "Citation",
    "ProvisionHistory",
    "ProvisionOptions",
    "ProvisionState",
    "provision_histories",
]

ProvisionState = Literal["of-concern", "amended", "repealed", "welcomed", "cited"]


@dataclass(frozen=True, slots=True)
class ProvisionOptions:
    """``match_instrument_case``: tell "Criminal code" from "Criminal Code" (default: fold case)."""

    match_instrument_case: bool = False
    stance: StanceOptions = field(default_factory=StanceOptions)


@dataclass(frozen=True, slots=True)
class Citation:
    round: RoundRef
    kind: str
    statement: TrackedStatement


@dataclass(frozen=True, slots=True)
class ProvisionHistory:
    """One provision of one partner, its citations (oldest first) and current state."""

    partner: str
    provision: Provision
    citations: tuple[Citation, ...]
    state: ProvisionState
    since: RoundRef

    @property
    def at_issue(self) -> bool:
        return self.state == "of-concern"

    @property
    def first(self) -> RoundRef:
        return self.citations[0].round

    @property
    def last(self) -> RoundRef:
        return self.citations[-1].round


def _round_key(r: Round) -> tuple[dt.date, int, str]:
    return (r.start or dt.date.max, r.ordinal or 0, r.meeting_id)


_CHANGE = tuple(dict.fromkeys(CHANGE_STEMS["repeal"] + CHANGE_STEMS["amend"] + CHANGE_STEMS["abolish"]))


def _presses(s: TrackedStatement, so: StanceOptions) -> bool:
    """A statement that puts a provision at issue.

    A concern always does; a call only when it asks for a change of the
    provision (repeal, amend, abolish, ...), not when it asks to respect or
    apply it ("as the Constitution requires"); a call without clause text
    is taken to ask for a change.
    """
    if not is_critical(s, so):
        return False
    return s.act != "call" or s.text is None or reports_change(s.text, _CHANGE)


def _next_state(
    state: ProvisionState, statements: list[TrackedStatement], so: StanceOptions
) -> ProvisionState | None:
    """The state after one round's statements on a provision; None when they change nothing."""
    critical = any(_presses(s, so) for s in statements)
    positive = [s for s in statements if is_positive(s, so)]
    if critical:
        return "of-concern"
    if positive and state == "of-concern":
        repealed = any(reports_change(s.text, CHANGE_STEMS["repeal"]) for s in positive)
        return "repealed" if repealed else "amended"
    if positive and state == "cited":
        return "welcomed"
    return None


def provision_histories(
    series: Iterable[Series], options: ProvisionOptions = ProvisionOptions()
) -> tuple[ProvisionHistory, ...]:
    """Every provision cited in ``series`` (one partner or many), sorted by partner and provision.

    Rounds of several series of one partner (a dialogue and a subcommittee)
    are merged in date order: a provision is one entity per partner.
    """
    by_partner: dict[str, list[tuple[Round, str]]] = {}
    for s in series:
        by_partner.setdefault(s.partner, []).extend((r, s.kind) for r in s.rounds)
    out = []
    for partner, rounds in sorted(by_partner.items()):
        rounds.sort(key=lambda rk: _round_key(rk[0]))
        cited: dict[Provision, list[tuple[Round, str, TrackedStatement]]] = {}
        names: dict[Provision, Provision] = {}
        for r, kind in rounds:
            for st in r.statements:
                for ref in st.legal_refs:
                    key = (
                        ref
                        if options.match_instrument_case
                        else Provision(ref.instrument.casefold(), ref.article)
                    )
                    canonical = names.setdefault(key, ref)
                    cited.setdefault(canonical, []).append((r, kind, st))
        for provision, hits in cited.items():
            out.append(_history(partner, provision, hits, options.stance))
    return tuple(
        sorted(out, key=lambda h: (h.partner, h.provision.instrument.casefold(), h.provision.article or ""))
    )


def _history(
    partner: str, provision: Provision, hits: list[tuple[Round, str, TrackedStatement]], so: StanceOptions
) -> ProvisionHistory:
    state: ProvisionState = "cited"
    since = hits[0][0].ref
    for _, group in groupby(hits, key=lambda h: h[0].meeting_id):
        same = list(group)
        new = _next_state(state, [st for _, _, st in same], so)
        if new is not None and new != state:
            state, since = new, same[0][0].ref
    citations = tuple(Citation(r.ref, kind, st) for r, kind, st in hits)
    return ProvisionHistory(partner, provision, citations, state, since)
