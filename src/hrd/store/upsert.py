"""Race-free get-or-create for rows with a natural key (series, delegations, provisions).

``INSERT ... ON CONFLICT DO NOTHING`` on both SQLite and PostgreSQL, then a
select: two processes that create the same key at once end up with one row.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .tables import Base

__all__ = ["get_or_create_id"]

M = TypeVar("M", bound=Base)


def get_or_create_id(model: type[M], *, keys: dict[str, Any], session: Session, lock: bool = False) -> int:
    """The id of the ``model`` row with ``keys``, inserted first if missing.

    ``lock`` takes a row lock (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite
    write transactions are already exclusive), serialising writers that
    decide something under this key.
    """
    table = cast(Table, model.__table__)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(insert(table).values(**keys).on_conflict_do_nothing())
    query = select(table.c.id).where(*(table.c[k] == v for k, v in keys.items()))
    if lock:
        query = query.with_for_update()
    return int(session.execute(query).scalar_one())
