"""Small builders for hand-made dialogue series (statements, rounds, series)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from hrd.record import Event, MeetingKind, NextRound, Programme
from hrd.track.rounds import Provision, Round, Series, Source, TrackedStatement

_ids = itertools.count(1)


def st(
    actor: str,
    act: str,
    *topics: str,
    refs: tuple[Provision, ...] = (),
    text: str | None = None,
    doc: str = "doc",
) -> TrackedStatement:
    """A statement; ids are unique across a test session."""
    return TrackedStatement(f"s{next(_ids)}", actor, act, topics, refs, text, doc)


def rnd(
    ordinal: int,
    year: int,
    *statements: TrackedStatement,
    partner: str = "KZ",
    kind: MeetingKind = "human-rights-dialogue",
    sources: tuple[Source, ...] = (),
    programmes: tuple[Programme, ...] = (),
    events: tuple[Event, ...] = (),
    next_round: NextRound | None = None,
) -> Round:
    """Round ``ordinal`` held on 1 June of ``year``."""
    return Round(
        meeting_id=f"{partner}-{ordinal}",
        partner=partner,
        kind=kind,
        ordinal=ordinal,
        start=dt.date(year, 6, 1),
        name="Human Rights Dialogue",
        statements=statements,
        end=dt.date(year, 6, 1),
        sources=sources,
        programmes=programmes,
        events=events,
        next=next_round,
    )


def series(*rounds: Round) -> Series:
    return Series(rounds[0].partner, rounds[0].kind, rounds)


CC174 = Provision("Criminal Code", "174")


def kz_dialogue() -> Series:
    """Four rounds (10 to 13) of the KZ dialogue.

    Torture pressed throughout; the death penalty abolished and then pressed
    again; Article 174 of the Criminal Code pressed and then repealed;
    individual cases raised in rounds 10 and 13.
    """
    return series(
        rnd(
            10,
            2019,
            st("EU", "concern", "torture"),
            st("EU", "concern", "expression", refs=(CC174,), text="concern about Article 174"),
            st("EU", "call", "death-penalty", text="called for abolition"),
            st("both", "discuss", "labour"),
            st("EU", "raise", "individual-cases"),
            st("KZ", "commit", "torture", text="undertook to investigate all allegations"),
        ),
        rnd(
            11,
            2020,
            st("EU", "concern", "torture"),
            st("EU", "call", "expression", refs=(CC174,), text="called for the repeal of Article 174"),
            st("EU", "welcome", "death-penalty", text="welcomed the moratorium"),
            st("EU", "call", "assembly"),
            st("KZ", "inform", "assembly"),
        ),
        rnd(
            12,
            2021,
            st("EU", "call", "torture"),
            st("EU", "welcome", "expression", refs=(CC174,), text="welcomed the repeal of Article 174"),
            st(
                "EU",
                "congratulate",
                "death-penalty",
                text="congratulated on the abolition of the death penalty",
            ),
            st("EU", "concern", "assembly"),
        ),
        rnd(
            13,
            2022,
            st("EU", "concern", "torture"),
            st("EU", "concern", "death-penalty", text="concern about plans to reintroduce the death penalty"),
            st("EU", "raise", "individual-cases"),
            st("both", "discuss", "assembly"),
        ),
    )


@pytest.fixture
def kz() -> Series:
    return kz_dialogue()
