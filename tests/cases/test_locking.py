"""Optimistic locking: of two edits made from the same version, exactly one wins and the other gets 409."""

from __future__ import annotations

import threading

from sqlalchemy.engine import Engine

from hrd.cases import access
from hrd.cases.crypto import Keyring
from hrd.cases.models import CaseEdit, CaseView, VersionConflictError
from hrd.errors import ConflictError, http_status
from hrd.store.engine import write

from .conftest import OFFICER, sample

PAIRS = 1000


def _edit(engine: Engine, keys: Keyring, case_id: int, version: int, notes: str) -> int:
    edit = CaseEdit(notes=notes)
    view = write(
        engine,
        lambda s: access.edit_case(
            case_id=case_id, version=version, edit=edit, principal=OFFICER, keys=keys, session=s
        ),
    )
    return view.version


def _get(engine: Engine, keys: Keyring, case_id: int) -> CaseView:
    return write(engine, lambda s: access.get_case(case_id=case_id, principal=OFFICER, keys=keys, session=s))


def test_a_thousand_pairs_of_edits_from_the_same_stale_version(engine: Engine, keys: Keyring) -> None:
    case_id = write(
        engine, lambda s: access.create_case(data=sample(), principal=OFFICER, keys=keys, session=s)
    ).id
    version, conflicts = 1, 0
    for i in range(PAIRS):
        first = _edit(engine, keys, case_id, version, f"first {i}")
        try:
            _edit(engine, keys, case_id, version, f"second {i}")
        except VersionConflictError as exc:
            conflicts += 1
            assert isinstance(exc, ConflictError) and http_status(exc) == 409
            assert (exc.case_id, exc.current_version) == (case_id, version + 1)
        assert first == version + 1
        version = first
    assert conflicts == PAIRS
    final = _get(engine, keys, case_id)
    assert (final.version, final.notes) == (PAIRS + 1, f"first {PAIRS - 1}")


def test_concurrent_pairs_have_exactly_one_winner(engine: Engine, keys: Keyring) -> None:
    case_id = write(
        engine, lambda s: access.create_case(data=sample(), principal=OFFICER, keys=keys, session=s)
    ).id
    version = 1
    for i in range(25):
        barrier = threading.Barrier(2)
        results: list[str] = []

        def editor(
            name: str, v: int = version, barrier: threading.Barrier = barrier, results: list[str] = results
        ) -> None:
            barrier.wait()
            try:
                _edit(engine, keys, case_id, v, name)
                results.append("won")
            except VersionConflictError as exc:
                results.append(f"conflict at {exc.current_version}")

        threads = [threading.Thread(target=editor, args=(f"{side} {i}",)) for side in ("a", "b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == [f"conflict at {version + 1}", "won"]
        version += 1
    final = _get(engine, keys, case_id)
    assert final.version == version and final.notes is not None and final.notes.endswith(" 24")
