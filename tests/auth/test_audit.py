"""The audit chain: any change to any column of any row is found by ``verify``; the log is append-only."""

from __future__ import annotations

import itertools
import threading
from typing import Any

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from hrd.auth import audit
from hrd.auth.principal import Principal
from hrd.auth.roles import Role
from hrd.auth.tables import AuditRow
from hrd.errors import PermissionDeniedError
from hrd.store.engine import read, write

from .conftest import audit_unguarded

ROWS = 6
COLUMNS = ["id", "at", "actor", "actor_id", "action", "target", "target_id", "detail", "prev_hash", "hash"]
ANN = Principal("ann", Role.CASE_OFFICER, 7)


def _fill(engine: Engine, n: int = ROWS) -> None:
    def work(session: Any) -> None:
        for i in range(n):
            detail = {"version": i, "fields": ["name", "notes"]}
            audit.record(session, ANN, "case.edit", target="cases", target_id=100 + i, detail=detail)

    write(engine, work)


def _altered(value: object, column: str) -> object:
    if column in {"id"}:
        return 1000
    if column in {"actor_id", "target_id"}:
        return 9 if value is None else int(str(value)) + 1
    if column in {"prev_hash", "hash"}:
        return "f" * 64
    return f"{value}x"


def _verification(engine: Engine, **kw: Any) -> audit.Verification:
    return read(engine, lambda s: audit.verify(s, **kw))


def test_a_clean_chain_verifies(engine: Engine) -> None:
    empty = _verification(engine)
    assert empty.ok and empty.rows == 0 and empty.head == audit.GENESIS
    _fill(engine)
    result = _verification(engine)
    assert result.ok and result.rows == ROWS and result.first_broken is None
    rows = read(engine, lambda s: list(s.scalars(select(AuditRow).order_by(AuditRow.id))))
    assert [r.id for r in rows] == list(range(1, ROWS + 1))
    assert rows[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    assert result.head == rows[-1].hash


@pytest.mark.parametrize("column", COLUMNS)
def test_changing_any_column_of_any_row_is_detected(engine: Engine, column: str) -> None:
    _fill(engine)
    original = read(engine, lambda s: {r.id: getattr(r, column) for r in s.scalars(select(AuditRow))})
    with audit_unguarded(engine):
        for row_id in range(1, ROWS + 1):
            changed = _altered(original[row_id], column)
            with engine.begin() as conn:
                conn.execute(update(AuditRow).where(AuditRow.id == row_id).values({column: changed}))
            result = _verification(engine)
            assert not result.ok, f"changing {column} of row {row_id} went unnoticed"
            assert result.first_broken == row_id, result.reason
            restored_id = 1000 if column == "id" else row_id
            with engine.begin() as conn:
                conn.execute(
                    update(AuditRow).where(AuditRow.id == restored_id).values({column: original[row_id]})
                )
            assert _verification(engine).ok


def test_deleting_a_row_is_detected_and_a_lost_tail_needs_the_head(engine: Engine) -> None:
    _fill(engine)
    head = _verification(engine).head
    with audit_unguarded(engine):
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log WHERE id = 3"))
        result = _verification(engine)
        assert (result.ok, result.first_broken, result.reason) == (False, 3, "row 3 is missing")
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log WHERE id >= 3"))
    assert _verification(engine).ok  # a cut tail leaves a valid chain ...
    cut = _verification(engine, expected_head=head)
    assert not cut.ok and "removed" in cut.reason  # ... that the head kept elsewhere exposes


def test_the_log_refuses_updates_and_deletes(engine: Engine) -> None:
    _fill(engine, 2)
    for sql in ["UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log WHERE id = 2"]:
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(sql))
    assert _verification(engine).rows == 2


def test_an_audit_row_rolls_back_with_its_transaction(engine: Engine) -> None:
    def failing(session: Any) -> None:
        audit.record(session, ANN, "case.edit", target="cases", target_id=1)
        raise PermissionDeniedError("stop")

    with pytest.raises(PermissionDeniedError):
        write(engine, failing)
    assert _verification(engine).rows == 0


def test_concurrent_appends_keep_one_chain(engine: Engine) -> None:
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(10):
                write(
                    engine,
                    lambda s, i=i: audit.record(s, ANN, "case.read", target="cases", target_id=n * 100 + i),
                )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = _verification(engine)
    assert result.ok and result.rows == 40


def test_reading_the_log_is_for_administrators(engine: Engine) -> None:
    _fill(engine, 3)
    admin = Principal("root", Role.ADMIN, 1)
    newest = read(engine, lambda s: audit.entries(s, admin, limit=2))
    assert [e.id for e in newest] == [3, 2]
    assert [e.id for e in read(engine, lambda s: audit.entries(s, admin, before=2))] == [1]
    with pytest.raises(PermissionDeniedError):
        read(engine, lambda s: audit.entries(s, ANN))
