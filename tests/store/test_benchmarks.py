"""Benchmarks in the store: definitions, analysts' round results and their history, on every backend."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine

from hrd.analyst import Override
from hrd.errors import InvalidInputError, NotFoundError
from hrd.series import Provision
from hrd.store.benchmarks import (
    add_benchmark,
    assessment_history,
    defined_benchmarks,
    get_benchmark,
    list_benchmarks,
    overrides_of,
    set_assessment,
)
from hrd.store.engine import read, write

from .tracking_samples import add_two_benchmarks, meetings_by_ordinal, store_all

T0 = dt.datetime(2022, 2, 1, tzinfo=dt.UTC)


def test_definitions_are_kept_with_who_and_when(engine: Engine) -> None:
    store_all(engine)
    dp, art = add_two_benchmarks(engine, now=T0)
    defined = read(engine, lambda s: defined_benchmarks(partner=" kz ", session=s))
    assert [(d.benchmark.id, d.who) for d in defined] == [(str(dp), "ana"), (str(art), "ben")]
    assert defined[0].at == T0 or defined[0].at.replace(tzinfo=dt.UTC) == T0
    assert defined[0].benchmark.partner == "KZ" and defined[0].benchmark.subject == "death-penalty"
    assert defined[1].benchmark.subject == Provision("Criminal Code", "174")
    assert read(engine, lambda s: get_benchmark(benchmark_id=art, session=s)) == defined[1].benchmark
    assert [d.benchmark for d in defined] == read(engine, lambda s: list_benchmarks(partner="KZ", session=s))
    assert read(engine, lambda s: defined_benchmarks(partner="MN", session=s)) == []
    with pytest.raises(NotFoundError):
        read(engine, lambda s: get_benchmark(benchmark_id=999, session=s))


def test_the_latest_setting_of_a_round_is_the_override_in_force(engine: Engine) -> None:
    store_all(engine)
    dp, art = add_two_benchmarks(engine, now=T0)
    m = meetings_by_ordinal(engine)
    settings: list[tuple[int, int, str | None]] = [
        (dp, m[10], "partly-met"),
        (dp, m[11], "met"),
        (art, m[10], "not-met"),
        (dp, m[11], None),
        (dp, m[10], "met"),
    ]
    for benchmark, meeting, result in settings:
        write(
            engine,
            lambda s, b=benchmark, mt=meeting, r=result: set_assessment(
                benchmark_id=b, meeting_id=mt, result=r, who="ana", session=s
            ),
        )
    history = read(engine, lambda s: assessment_history(benchmark_ids=[dp], session=s))
    assert [(h.meeting_id, h.result) for h in history] == [
        (str(m[10]), "partly-met"),
        (str(m[11]), "met"),
        (str(m[11]), None),
        (str(m[10]), "met"),
    ]
    both = read(engine, lambda s: assessment_history(benchmark_ids=[dp, art], session=s))
    # round 11 of the death-penalty benchmark was cleared: no override for it
    assert overrides_of(both) == (
        Override(str(dp), str(m[10]), "met"),
        Override(str(art), str(m[10]), "not-met"),
    )
    assert read(engine, lambda s: assessment_history(benchmark_ids=[], session=s)) == []


def test_bad_benchmarks_and_assessments_are_refused(engine: Engine) -> None:
    store_all(engine)
    dp, _ = add_two_benchmarks(engine, now=T0)
    m = meetings_by_ordinal(engine)
    bad_definitions = [
        dict(partner="KZ", kind="summit", subject="torture", change="end"),
        dict(partner="KZ", kind="subcommittee", subject="no-such-topic", change="end"),
        dict(partner="KZ", kind="subcommittee", subject="torture", change="  "),
        dict(partner="KZ", kind="subcommittee", subject=Provision(" "), change="repeal"),
    ]
    for kwargs in bad_definitions:
        with pytest.raises(InvalidInputError):
            write(engine, lambda s, kw=kwargs: add_benchmark(who="ana", session=s, **kw))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="not a round"):
        write(
            engine,
            lambda s: set_assessment(benchmark_id=dp, meeting_id=m[1], result="met", who="a", session=s),
        )
    with pytest.raises(InvalidInputError):
        write(
            engine,
            lambda s: set_assessment(benchmark_id=dp, meeting_id=m[10], result="done", who="a", session=s),
        )
    with pytest.raises(NotFoundError):
        write(
            engine,
            lambda s: set_assessment(benchmark_id=999, meeting_id=m[10], result="met", who="a", session=s),
        )
    with pytest.raises(NotFoundError):
        write(
            engine,
            lambda s: set_assessment(benchmark_id=dp, meeting_id=99_999, result="met", who="a", session=s),
        )
