"""``hrd user``, ``hrd token``, ``hrd audit verify``, ``hrd cases new-key|rotate-key`` on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from typer.testing import CliRunner, Result

from hrd.auth.principal import Principal
from hrd.auth.roles import Role
from hrd.auth.sessions import login
from hrd.auth.tables import AuditRow, UserRow
from hrd.cases import access
from hrd.cases.crypto import read_key_file
from hrd.cases.models import CaseInput, Category
from hrd.cli import app
from hrd.store.engine import read, write

from .conftest import PASSWORD, audit_unguarded

runner = CliRunner()


@pytest.fixture
def env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.delenv("HRD_SECRET_KEY", raising=False)
    monkeypatch.delenv("HRD_KEY_FILE", raising=False)
    return {"HRD_DATABASE_URL": db_url}


def hrd(env: dict[str, str], *args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), env=env, input=input)


def test_user_add_prompts_without_echo_and_the_user_can_log_in(env: dict[str, str], engine: Engine) -> None:
    result = hrd(env, "user", "add", "ann", "--role", "case-officer", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "user ann added as case-officer" in result.output and PASSWORD not in result.output
    assert login(engine, name="ann", password=PASSWORD).principal.role is Role.CASE_OFFICER
    actor = read(engine, lambda s: s.scalar(select(AuditRow.actor)))
    assert actor is not None and actor.startswith("cli:")


def test_user_add_reads_the_password_from_stdin_and_refuses_weak_ones(
    env: dict[str, str], engine: Engine
) -> None:
    assert hrd(env, "user", "add", "bob", "--password-stdin", input=PASSWORD + "\n").exit_code == 0
    assert login(engine, name="bob", password=PASSWORD).principal.role is Role.VIEWER
    weak = hrd(env, "user", "add", "eve", "--password-stdin", input="short\n")
    assert weak.exit_code != 0 and "short" not in weak.output
    assert read(engine, lambda s: s.scalar(select(UserRow).where(UserRow.name == "eve"))) is None


def test_user_list_role_and_disable(env: dict[str, str], engine: Engine) -> None:
    hrd(env, "user", "add", "ann", "--password-stdin", input=PASSWORD + "\n")
    hrd(env, "user", "add", "bot", "--no-password", "--role", "analyst")
    assert hrd(env, "user", "role", "ann", "analyst").exit_code == 0
    assert hrd(env, "user", "disable", "bot").exit_code == 0
    listed = hrd(env, "user", "list")
    assert listed.stdout.splitlines() == ["ann\tanalyst\tactive", "bot\tanalyst\tdisabled"]


def test_tokens_are_printed_once_listed_without_secrets_and_revoked(
    env: dict[str, str], engine: Engine
) -> None:
    hrd(env, "user", "add", "ann", "--no-password", "--role", "analyst")
    created = hrd(
        env, "token", "create", "--user", "ann", "--scope", "public:read", "--scope", "public:write"
    )
    assert created.exit_code == 0, created.output
    token = created.stdout.strip().splitlines()[-1]
    assert token.startswith("hrd_")
    listed = hrd(env, "token", "list")
    assert listed.stdout == "1\tann\tpublic:read,public:write\tactive\t\n" and token not in listed.stdout
    assert hrd(env, "token", "revoke", "1").exit_code == 0
    assert "\trevoked\t" in hrd(env, "token", "list", "--user", "ann").stdout
    too_much = hrd(env, "token", "create", "--user", "ann", "--scope", "cases:read")
    assert too_much.exit_code != 0


def test_audit_verify_reports_a_broken_chain(env: dict[str, str], engine: Engine) -> None:
    hrd(env, "user", "add", "ann", "--no-password")
    hrd(env, "user", "add", "bob", "--no-password")
    good = hrd(env, "audit", "verify")
    assert good.exit_code == 0 and "audit log intact: 2 rows" in good.stdout
    head = good.stdout.split("head ")[1].strip()
    assert hrd(env, "audit", "verify", "--head", head).exit_code == 0
    with audit_unguarded(engine), engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'someone else' WHERE id = 1"))
    broken = hrd(env, "audit", "verify")
    assert broken.exit_code == 1 and "row 1: its content does not match its hash" in broken.output


def test_new_key_and_rotate_key(env: dict[str, str], engine: Engine, tmp_path: Path) -> None:
    old, new = tmp_path / "old.key", tmp_path / "new.key"
    assert hrd(env, "cases", "new-key", str(old)).exit_code == 0
    assert hrd(env, "cases", "new-key", str(new)).exit_code == 0
    assert hrd(env, "cases", "new-key", str(new)).exit_code != 0
    keys = read_key_file(old)
    officer = hrd(env, "user", "add", "olga", "--no-password", "--role", "case-officer")
    assert officer.exit_code == 0
    olga = Principal("olga", Role.CASE_OFFICER, 1)
    data = CaseInput("KZ", "Jane Doe", Category.LAWYER)
    case = write(engine, lambda s: access.create_case(data=data, principal=olga, keys=keys, session=s))
    rotated = hrd({**env, "HRD_KEY_FILE": str(old)}, "cases", "rotate-key", "--new-key-file", str(new))
    assert rotated.exit_code == 0, rotated.output
    assert "2 fields re-encrypted" in rotated.stdout and "Jane" not in rotated.output
    view = write(
        engine, lambda s: access.get_case(case_id=case.id, principal=olga, keys=read_key_file(new), session=s)
    )
    assert view.name == "Jane Doe"
    no_key = hrd(env, "cases", "rotate-key", "--new-key-file", str(new))
    assert no_key.exit_code != 0
