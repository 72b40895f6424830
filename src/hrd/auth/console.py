"""The command line's way in: run library functions as the local operator, and read passwords.

Whoever runs ``hrd`` on the server has the database in hand, so the CLI acts
as :func:`hrd.auth.principal.operator` (an administrator named after the OS
account); every change it makes is audited under that name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO, TypeVar

from sqlalchemy.orm import Session

from ..errors import InvalidInputError
from ..settings import Settings
from ..store.engine import open_engine, write
from .principal import Principal, operator

__all__ = ["as_operator", "password_from"]

T = TypeVar("T")


def as_operator(settings: Settings, work: Callable[[Session, Principal], T]) -> T:
    """Run ``work`` in one write transaction on the configured database, as the local operator."""
    engine = open_engine(settings)
    try:
        who = operator()
        return write(engine, lambda session: work(session, who))
    finally:
        engine.dispose()


def password_from(stream: TextIO) -> str:
    """The first line of ``stream`` (``--password-stdin``), without its line break."""
    line = stream.readline().rstrip("\r\n")
    if not line:
        raise InvalidInputError("no password on standard input")
    return line
