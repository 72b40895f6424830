"""The migration of users, audit log and case register matches the tables and is the single head."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from hrd.auth import tables as auth_tables
from hrd.cases import tables as case_tables
from hrd.store.engine import _alembic_config, current_revision, head_revision, upgrade
from hrd.store.tables import Base

REVISION = "auth0001"
MINE = {
    t.__tablename__
    for t in [
        *case_tables.SEALED,
        case_tables.CaseListEntry,
        *(getattr(auth_tables, n) for n in auth_tables.__all__),
    ]
}


def test_there_is_one_head() -> None:
    heads = ScriptDirectory.from_config(_alembic_config(None)).get_heads()
    assert len(heads) == 1, heads
    assert head_revision() == heads[0]


def test_the_migrated_tables_match_the_models(engine: Engine) -> None:
    assert {
        "users", "user_sessions", "api_tokens", "audit_log", "cases", "case_aliases", "case_charges",
        "case_status", "case_meetings", "case_replies", "case_lists", "case_list_entries",
    } == MINE  # fmt: skip
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata) if _table_of(d) in MINE]
    assert diffs == []


def _table_of(diff: object) -> str | None:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item if isinstance(item, tuple) else ():
        name = getattr(part, "name", None)
        table = getattr(part, "table", None)
        if table is not None and getattr(table, "name", None):
            return str(table.name)
        if isinstance(part, str) and part in MINE:
            return part
        if name in MINE:
            return str(name)
    return None


def test_the_revision_goes_down_and_up_again(engine: Engine) -> None:
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), f"{REVISION}-1")
    assert not (MINE & set(inspect(engine).get_table_names()))
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= MINE
