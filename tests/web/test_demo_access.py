"""The demo's access: a fresh password for the 'demo' administrator at each start, a case-data key."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from hrd.auth import AuthenticationError, Role, login
from hrd.cases import load_keyring
from hrd.settings import Settings
from hrd.store.engine import make_engine, upgrade
from hrd.web.demo_access import DEMO_USER, prepare_access


def test_each_start_gives_a_new_password_and_keeps_one_key(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'hrd.sqlite'}")
    engine = make_engine(settings.database_url)
    upgrade(engine)
    first = prepare_access(settings)
    assert login(engine, name=DEMO_USER, password=first.password).principal.role == Role.ADMIN
    key_file = tmp_path / "case-data.key"
    assert first.settings.key_file == key_file
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = load_keyring(first.settings).current.id
    second = prepare_access(settings)
    assert second.password != first.password
    with pytest.raises(AuthenticationError):
        login(engine, name=DEMO_USER, password=first.password)
    assert login(engine, name=DEMO_USER, password=second.password).principal.name == DEMO_USER
    assert load_keyring(second.settings).current.id == key, "the key file is never replaced"
    engine.dispose()


def test_a_configured_key_is_kept(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'hrd.sqlite'}", key_file=tmp_path / "mine.key")
    upgrade(make_engine(settings.database_url))
    assert prepare_access(settings).settings.key_file == tmp_path / "mine.key"
    assert not (tmp_path / "case-data.key").exists()
