"""Make the demo usable at once: an administrator account to sign in with, and a case-data key.

``hrd demo`` (and ``make run``) calls :func:`prepare_access` after loading the examples:

- the account ``demo`` (administrator) gets a fresh random password at every start, printed on
  the terminal only (the demo database is local; other accounts are never touched);
- when no case-data key is configured (``HRD_KEY_FILE``, ``HRD_SECRET_KEY``), a key file
  ``case-data.key`` is made beside the SQLite database (mode 0600) and used, so that the case
  register works in the demo. A real deployment configures its own key.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from ..auth import Role, operator
from ..auth.tables import UserRow
from ..auth.users import add_user, enable_user, set_password, set_role
from ..cases.crypto import write_key_file
from ..settings import Settings
from ..store.engine import make_engine, write

__all__ = ["DEMO_USER", "DemoAccess", "prepare_access"]

DEMO_USER = "demo"


@dataclass(frozen=True, slots=True)
class DemoAccess:
    settings: Settings
    """The settings to serve with (a key file added when none was configured)."""
    password: str
    """The demo administrator's password for this run."""


def _key_file(settings: Settings) -> Settings:
    if settings.key_file is not None or settings.secret_key is not None:
        return settings
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        return settings
    path = Path(url.database).with_name("case-data.key")
    if not path.exists():
        write_key_file(path)
    return settings.model_copy(update={"key_file": path})


def prepare_access(settings: Settings) -> DemoAccess:
    """Give the ``demo`` administrator a new password (creating it if need be) and a case key."""
    password = secrets.token_urlsafe(12)
    engine = make_engine(settings.database_url)
    try:

        def work(session: Session) -> None:
            who = operator()
            exists = session.scalar(select(UserRow.id).where(UserRow.name == DEMO_USER)) is not None
            if not exists:
                add_user(session, who, name=DEMO_USER, role=Role.ADMIN, password=password)
                return
            enable_user(session, who, name=DEMO_USER)
            set_role(session, who, name=DEMO_USER, role=Role.ADMIN)
            set_password(session, who, name=DEMO_USER, password=password)

        write(engine, work)
    finally:
        engine.dispose()
    return DemoAccess(_key_file(settings), password)
