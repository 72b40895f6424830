"""Benchmarks assessed over the stored series, with the analysts' overrides, on every backend."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine

from hrd.series import Provision
from hrd.store.benchmarks import add_benchmark, list_benchmarks, set_assessment
from hrd.store.engine import read, write
from hrd.track.views.benchmarks import benchmark_views
from store.tracking_samples import add_two_benchmarks, meetings_by_ordinal, store_all


def test_benchmarks_are_assessed_per_round(engine: Engine) -> None:
    store_all(engine)
    dp, art = add_two_benchmarks(engine)
    views = read(engine, lambda s: benchmark_views(partner="KZ", session=s))
    assert [v.status.benchmark.id for v in views] == [str(dp), str(art)]
    dp_view, art_view = views
    assert [a.result for a in dp_view.status.history] == ["not-met", "partly-met", "met"]
    assert [a.result for a in art_view.status.history] == ["not-met", "not-met", "met"]
    assert art_view.status.benchmark.subject == Provision("Criminal Code", "174")
    assert art_view.status.benchmark.note == "EU priority since 2019"
    assert [b.id for b in read(engine, lambda s: list_benchmarks(partner="KZ", session=s))] == [
        str(dp),
        str(art),
    ]
    assert read(engine, lambda s: list_benchmarks(partner="MN", session=s)) == []


def test_overrides_apply_carry_history_and_clear(engine: Engine) -> None:
    store_all(engine)
    dp, _ = add_two_benchmarks(engine)
    m = meetings_by_ordinal(engine)
    t0 = dt.datetime(2022, 2, 1, tzinfo=dt.UTC)
    write(
        engine,
        lambda s: set_assessment(
            benchmark_id=dp,
            meeting_id=m[10],
            result="partly-met",
            note="draft bill",
            who="ana",
            now=t0,
            session=s,
        ),
    )
    write(
        engine,
        lambda s: set_assessment(benchmark_id=dp, meeting_id=m[11], result="met", who="ben", session=s),
    )
    view = read(engine, lambda s: benchmark_views(partner="KZ", session=s))[0]
    history = view.status.history
    assert [(a.result, a.computed) for a in history] == [
        ("partly-met", "not-met"),
        ("met", "partly-met"),
        ("met", "met"),
    ]
    assert history[0].reason == "draft bill" and history[0].override is not None
    assert [(h.meeting_id, h.result, h.who) for h in view.history] == [
        (str(m[10]), "partly-met", "ana"),
        (str(m[11]), "met", "ben"),
    ]
    # clearing the round 11 override brings back the computed result; the history keeps all three
    write(
        engine, lambda s: set_assessment(benchmark_id=dp, meeting_id=m[11], result=None, who="ana", session=s)
    )
    view = read(engine, lambda s: benchmark_views(partner="KZ", session=s))[0]
    assert [a.result for a in view.status.history] == ["partly-met", "partly-met", "met"]
    assert [h.result for h in view.history] == ["partly-met", "met", None]


def test_a_benchmark_of_a_series_without_rounds_has_no_history(engine: Engine) -> None:
    store_all(engine)
    write(
        engine,
        lambda s: add_benchmark(
            partner="MN", kind="subcommittee", subject="labour", change="ratify", who="a", session=s
        ),
    )
    (view,) = read(engine, lambda s: benchmark_views(partner="MN", session=s))
    assert view.status.history == () and view.status.current is None
