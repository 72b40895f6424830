"""A partner with a dialogue and a subcommittee, for the brief, chart and export tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from hrd.record import Event, Head, NextRound, Programme
from hrd.report.brief import Brief, BriefInputs, BriefOptions, build_brief
from hrd.track.benchmarks import Benchmark, Override
from hrd.track.followup import items_from_series, set_status
from hrd.track.rounds import Provision, Series, Source
from store.conftest import db_url, engine, postgres_migrated, sqlite_template  # noqa: F401  (database tests)
from track.conftest import kz_dialogue, rnd, series, st

EXTREMISM = Provision("Law on Countering Extremism")


def _next_day(day: dt.date | None) -> dt.date:
    assert day is not None
    return day + dt.timedelta(days=1)


def kz_partner() -> list[Series]:
    """The KZ dialogue of tests/track (rounds 10 to 13), its subcommittee (1 and 2), a UZ dialogue."""
    hrd = kz_dialogue()
    last = dataclasses.replace(
        hrd.rounds[-1],
        sources=(Source("eu-2022", "EU"),),
        heads=(Head(party="EU", name="Anna Example", title="Head of Division"),),
        programmes=(Programme(name="Rule of Law Programme", amount=8000000, currency="EUR"),),
        events=(
            Event(what="presidential elections", date=dt.date(2022, 9, 10)),
            Event(what="local elections", date=dt.date(2022, 3, 1)),
        ),
        next=NextRound(city="Astana", country="KZ", year=2023),
    )
    hrd = Series(hrd.partner, hrd.kind, (*hrd.rounds[:-1], last))
    sub = series(
        rnd(
            1,
            2021,
            st(
                "EU",
                "concern",
                "terrorism",
                "religion",
                refs=(EXTREMISM,),
                text="concern about <b>broad</b> definitions",
            ),
            kind="subcommittee",
            programmes=(Programme(name="Border Management Programme in Central Asia", acronym="BOMCA"),),
        ),
        rnd(
            2,
            2022,
            st("EU", "call", "religion", refs=(EXTREMISM,)),
            st("both", "discuss", "drugs"),
            kind="subcommittee",
            sources=(Source("eu-sub-2022", "EU"),),
        ),
    )
    # the subcommittee meets the day after the dialogue
    sub = Series(
        sub.partner, sub.kind, tuple(dataclasses.replace(r, start=_next_day(r.start)) for r in sub.rounds)
    )
    uz = series(rnd(7, 2022, st("EU", "concern", "forced-labour"), partner="UZ"))
    return [hrd, sub, uz]


TODAY = dt.date(2022, 7, 1)
ABOLISH = Benchmark("b1", "KZ", "human-rights-dialogue", "death-penalty", "abolish")
REPEAL = Benchmark("b2", "KZ", "human-rights-dialogue", Provision("Criminal Code", "174"), "repeal")


def kz_brief(partner: list[Series], **options: object) -> Brief:
    items = [i for s in partner for i in items_from_series(s)]
    # analysts: the death-penalty call is fulfilled, the assembly call progressing
    items = [
        set_status(i, "fulfilled")
        if "death-penalty" in i.topics
        else set_status(i, "progressing", "draft law on assemblies")
        if "assembly" in i.topics
        else i
        for i in items
    ]
    inputs = BriefInputs(
        items=tuple(items),
        benchmarks=(ABOLISH, REPEAL, Benchmark("b3", "UZ", "human-rights-dialogue", "forced-labour", "end")),
        overrides=(Override("b2", "KZ-11", "partly-met", "draft amendment tabled"),),
    )
    return build_brief("KZ", partner, inputs, BriefOptions(today=TODAY, **options))  # type: ignore[arg-type]


@pytest.fixture
def partner() -> list[Series]:
    return kz_partner()


@pytest.fixture
def kz() -> Series:
    return kz_dialogue()
