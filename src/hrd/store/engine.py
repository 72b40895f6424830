"""Engines, transactions and migrations.

- :func:`make_engine` configures an engine for the URL: SQLite gets WAL mode,
  a busy timeout, foreign keys and ``BEGIN IMMEDIATE`` for write transactions
  (so two writers queue instead of failing on a lock upgrade); PostgreSQL
  runs through psycopg 3.
- :func:`write` runs a function in one write transaction and retries it when
  the database reports a transient conflict (a lock, a serialization failure,
  a unique-constraint race); :func:`read` runs one read-only session.
- :func:`upgrade` migrates with the Alembic scripts shipped in
  ``hrd/store/migrations``; :func:`open_engine` refuses a database that is not
  at the current revision with :class:`DatabaseNotReadyError`.
- :class:`ReadPool` runs independent read-only queries at once, each in a
  session of its own (:func:`read_pool` gives one for an engine that can).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..errors import ConflictError, DatabaseNotReadyError
from ..settings import Settings

__all__ = [
    "MIGRATIONS",
    "ReadPool",
    "current_revision",
    "head_revision",
    "is_sqlite",
    "make_engine",
    "open_engine",
    "read",
    "read_pool",
    "upgrade",
    "write",
]

T = TypeVar("T")

MIGRATIONS = Path(__file__).parent / "migrations"
NOT_MIGRATED = "database is not migrated: run `hrd db upgrade`"
_WRITE = "hrd_write"


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str | URL, *, connections: int | None = None) -> Engine:
    """An engine for ``url``, configured for concurrent use by several processes.

    ``connections`` caps its connection pool (no overflow); by default SQLAlchemy's pool
    sizes apply.
    """
    parsed = make_url(url)
    sizes: dict[str, Any] = {} if connections is None else {"pool_size": connections, "max_overflow": 0}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 60}, **sizes)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True, **sizes)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 60000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def head_revision() -> str:
    """The revision(s) the shipped migrations lead to ('+'-joined when several branches end in heads)."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(_alembic_config(None)).get_heads()
    if not heads:  # pragma: no cover - the package ships its migrations
        raise DatabaseNotReadyError("no migrations found")
    return "+".join(sorted(heads))


def current_revision(engine: Engine) -> str | None:
    """The revision(s) the database is at ('+'-joined), or ``None`` when it was never migrated."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        return "+".join(sorted(versions)) or None


def _alembic_config(connection: Connection | None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "heads") -> str:
    """Migrate the database to ``revision``; returns the revision reached."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)
    reached = current_revision(engine)
    return reached or ""


def open_engine(settings: Settings) -> Engine:
    """An engine for the configured database, which must be migrated to the current revision."""
    engine = make_engine(settings.database_url)
    try:
        revision = current_revision(engine)
    except OperationalError as exc:
        raise DatabaseNotReadyError(f"cannot open the database: {_first_line(exc)}") from exc
    if revision != head_revision():
        engine.dispose()
        raise DatabaseNotReadyError(NOT_MIGRATED)
    return engine


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def _transient(exc: DBAPIError) -> bool:
    """True for errors that a retry of the whole transaction can clear."""
    if isinstance(exc, IntegrityError):
        return True  # a concurrent writer inserted the same unique key first
    message = str(exc.orig).lower()
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return (
        "database is locked" in message
        or "database is busy" in message
        or sqlstate in {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available
    )


def write(engine: Engine, work: Callable[[Session], T], *, attempts: int = 8) -> T:
    """Run ``work`` in one write transaction, committed at the end; retried on transient conflicts.

    ``work`` must be repeatable: it is called again from the start after a rollback.
    A stale optimistic-lock version raises :class:`ConflictError` and is not retried.
    """
    bound = engine.execution_options(**{_WRITE: True})
    for attempt in range(1, attempts + 1):
        try:
            with Session(bound, expire_on_commit=False) as session, session.begin():
                return work(session)
        except StaleDataError as exc:
            raise ConflictError("the item was changed by someone else; reload and try again") from exc
        except DBAPIError as exc:
            if attempt == attempts or not _transient(exc):
                raise
            time.sleep(min(2.0, 0.02 * 2**attempt) * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")  # pragma: no cover


def read(engine: Engine, work: Callable[[Session], T]) -> T:
    """Run ``work`` in one read session (rolled back at the end)."""
    with Session(engine) as session:
        return work(session)


class ReadPool:
    """Runs read-only work in worker threads, each piece in a session (and connection) of its own.

    SQLite and psycopg release the GIL while the database works, so independent
    queries of one request (a search's ranking, facet counts and documents) take
    about the time of the slowest instead of their sum when cores are free.
    Each piece reads what is committed: a caller's uncommitted changes are not
    visible to it, so use a pool for read-only requests only.

    The workers have connections of their own (one each, from a pool separate from
    ``engine``'s): a request that holds one of ``engine``'s connections while it
    waits for its pieces can never starve them, however many requests wait.
    """

    def __init__(self, engine: Engine, workers: int = 4) -> None:
        self.engine = make_engine(engine.url, connections=workers)
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hrd-read")

    def submit(self, work: Callable[[Session], T]) -> Future[T]:
        return self._executor.submit(read, self.engine, work)

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        self.engine.dispose()


def read_pool(engine: Engine, workers: int = 4) -> ReadPool | None:
    """A pool for ``engine``, or ``None`` for an in-memory SQLite database (one per connection)."""
    if is_sqlite(engine) and engine.url.database in (None, "", ":memory:"):
        return None
    return ReadPool(engine, workers)
