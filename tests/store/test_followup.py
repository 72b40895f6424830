"""Analysts' follow-up status in the store: current status, versions and history, on every backend."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.errors import ConflictError, InvalidInputError, NotFoundError
from hrd.store.engine import read, write
from hrd.store.followup import current_statuses, followup_history, set_followup
from hrd.store.tables import StatementRow

from .tracking_samples import store_all

T0 = dt.datetime(2022, 1, 10, 9, 0, tzinfo=dt.UTC)
CALL_DP = "It called for the abolition of the death penalty."
CALL_ASSEMBLY = "It called for a new law on peaceful assembly."
MORATORIUM = "The EU welcomed the moratorium."


def _id(engine: Engine, text: str) -> int:
    return read(engine, lambda s: s.scalars(select(StatementRow.id).where(StatementRow.text == text)).one())


def test_the_current_status_is_the_latest_with_its_version(engine: Engine) -> None:
    store_all(engine)
    call, assembly = _id(engine, CALL_DP), _id(engine, CALL_ASSEMBLY)
    evidence = _id(engine, MORATORIUM)
    write(
        engine,
        lambda s: set_followup(
            statement_id=call,
            status="progressing",
            evidence=[evidence, evidence],
            who="ana",
            now=T0,
            session=s,
        ),
    )
    write(engine, lambda s: set_followup(statement_id=call, status="fulfilled", who="ben", session=s))
    ids = [call, assembly, evidence]
    current = read(engine, lambda s: current_statuses(statement_ids=ids, session=s))
    # the assembly call has no status yet; the death-penalty call was given two
    assert list(current) == [call]
    entry = current[call]
    assert (entry.status, entry.who, entry.evidence, entry.version) == ("fulfilled", "ben", (), 2)
    history = read(engine, lambda s: followup_history(statement_id=call, session=s))
    assert [(h.status, h.evidence, h.version) for h in history] == [
        ("progressing", (evidence,), 1),
        ("fulfilled", (), 2),
    ]
    assert read(engine, lambda s: current_statuses(statement_ids=[], session=s)) == {}


def test_a_stale_version_is_refused(engine: Engine) -> None:
    store_all(engine)
    call = _id(engine, CALL_DP)
    write(engine, lambda s: set_followup(statement_id=call, status="dropped", who="ana", session=s))
    with pytest.raises(ConflictError):
        write(
            engine,
            lambda s: set_followup(
                statement_id=call, status="open", who="ben", expected_version=0, session=s
            ),
        )
    assert [h.who for h in read(engine, lambda s: followup_history(statement_id=call, session=s))] == ["ana"]


def test_bad_input_is_refused(engine: Engine) -> None:
    store_all(engine)
    call = _id(engine, CALL_DP)
    welcome = _id(engine, MORATORIUM)
    cases = [
        (dict(statement_id=call, status="done"), InvalidInputError),
        (dict(statement_id=welcome, status="open"), InvalidInputError),
        (dict(statement_id=call, status="open", evidence=[999_999]), InvalidInputError),
        (dict(statement_id=999_999, status="open"), NotFoundError),
    ]
    for kwargs, error in cases:
        with pytest.raises(error):
            write(engine, lambda s, kw=kwargs: set_followup(who="ana", session=s, **kw))  # type: ignore[arg-type]
