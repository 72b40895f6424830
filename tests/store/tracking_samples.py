"""Hand-written multi-round records for the tracking tests: three KZ dialogue rounds, one of them
reported by both sides, a KZ subcommittee and a Mongolian round (invented wording, no corpus text)."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.record import (
    Cases,
    DocumentInfo,
    Event,
    Head,
    LegalRef,
    Meeting,
    MeetingKind,
    NextRound,
    Programme,
    Record,
    Statement,
)
from hrd.series import Provision
from hrd.store.benchmarks import add_benchmark
from hrd.store.engine import read, write
from hrd.store.repo import store_record
from hrd.store.tables import MeetingRow

CC174 = LegalRef(instrument="Criminal Code", article="174")


def s(
    actor: str, act: str, *topics: str, text: str | None = None, refs: tuple[LegalRef, ...] = ()
) -> Statement:
    return Statement(actor=actor, act=act, topics=list(topics), text=text, legal_refs=list(refs))


def record(
    key: str,
    issuer: str,
    day: dt.date,
    ordinal: int | None,
    *statements: Statement,
    partner: str = "KZ",
    kind: MeetingKind = "human-rights-dialogue",
    **meeting: object,
) -> Record:
    return Record(
        document=DocumentInfo(
            id=key,
            title=f"{partner} {kind} {day.year}",
            published=day,
            source=f"{key}.txt",
            language="en",
            sha256=hashlib.sha256(key.encode()).hexdigest(),
            issuer=issuer,
        ),
        meetings=[
            Meeting(
                kind=kind,
                name="Human Rights Dialogue" if kind == "human-rights-dialogue" else "Subcommittee",
                parties=["EU", partner],
                ordinal=ordinal,
                start=day,
                end=day,
                statements=list(statements),
                **meeting,  # type: ignore[arg-type]
            )
        ],
    )


def kz_records() -> list[Record]:
    return [
        record(
            "eu-2019",
            "EU",
            dt.date(2019, 6, 1),
            10,
            s("EU", "concern", "torture", text="The EU expressed concern about torture in custody."),
            s("EU", "call", "death-penalty", text="It called for the abolition of the death penalty."),
            s("EU", "concern", "expression", text="concern about Article 174", refs=(CC174,)),
            s("KZ", "commit", "torture", text="Kazakhstan undertook to investigate all allegations."),
            city="Astana",
            country="KZ",
            cases=Cases(raised=True, names=["A. Example"]),
            programmes=[Programme(name="Rule of Law Programme", acronym="RLP", amount=5e6, currency="EUR")],
        ),
        record(
            "eu-2020",
            "EU",
            dt.date(2020, 6, 1),
            11,
            s("EU", "concern", "torture", text="The EU remained concerned about torture."),
            s("EU", "call", "expression", text="It called for the repeal of Article 174.", refs=(CC174,)),
            s("EU", "welcome", "death-penalty", text="The EU welcomed the moratorium."),
            s("EU", "call", "assembly", text="It called for a new law on peaceful assembly."),
            city="Brussels",
            country="BE",
        ),
        record(
            "eu-2021",
            "EU",
            dt.date(2021, 6, 1),
            12,
            s("EU", "call", "torture", text="The EU called for an end to torture."),
            s("EU", "welcome", "expression", text="It welcomed the repeal of Article 174.", refs=(CC174,)),
            s(
                "EU",
                "congratulate",
                "death-penalty",
                text="It congratulated KZ on the abolition of the death penalty.",
            ),
            s("EU", "concern", "assembly", text="The EU expressed concern about detentions at protests."),
            city="Astana",
            country="KZ",
            heads=[Head(party="EU", name="Anna Example", title="Head of Division")],
            events=[Event(what="parliamentary elections", date=dt.date(2031, 3, 1))],
            next=NextRound(city="Brussels", country="BE", year=2022),
        ),
        record(
            "kz-2021",
            "KZ",
            dt.date(2021, 6, 1),
            12,
            s("KZ", "inform", "torture", text="Kazakhstan informed of the new prevention mechanism."),
            s("both", "discuss", "labour", text="Both sides discussed labour rights."),
        ),
        record(
            "eu-sub-2021",
            "EU",
            dt.date(2021, 6, 2),
            1,
            s("EU", "concern", "religion", text="The EU expressed concern about religious registration."),
            kind="subcommittee",
        ),
        record(
            "mn-2020",
            "EU",
            dt.date(2020, 3, 3),
            3,
            s("EU", "call", "death-penalty", text="The EU called on Mongolia to keep the abolition."),
            partner="MN",
        ),
    ]


def store_all(engine: Engine, records: list[Record] | None = None) -> None:
    for r in records or kz_records():
        write(engine, lambda session, r=r: store_record(record=r, session=session))


def meetings_by_ordinal(engine: Engine) -> dict[int, int]:
    """ordinal -> meeting id (the KZ dialogue rounds are 10 to 12, the subcommittee 1, MN 3)."""
    return read(engine, lambda s: {m.ordinal: m.id for m in s.scalars(select(MeetingRow))})


def add_two_benchmarks(engine: Engine, *, now: dt.datetime | None = None) -> tuple[int, int]:
    """A death-penalty benchmark (by ana, at ``now``) and a Criminal Code article one (by ben) for KZ."""
    dp = write(
        engine,
        lambda s: add_benchmark(
            partner="kz",
            kind="human-rights-dialogue",
            subject="death-penalty",
            change="abolish",
            who="ana",
            now=now,
            session=s,
        ),
    )
    art = write(
        engine,
        lambda s: add_benchmark(
            partner="KZ",
            kind="human-rights-dialogue",
            subject=Provision(" Criminal Code ", "174"),
            change="repeal",
            note="EU priority since 2019",
            who="ben",
            session=s,
        ),
    )
    return int(dp.id), int(art.id)
