"""Alembic environment: migrations run programmatically on a connection given by hrd.store.engine."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from hrd.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # Full-text tables and columns are created by hand in the migrations, per dialect.
    return not (name or "").endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")) and (
        name != "search_vector"
    )


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        connectable = engine_from_config(
            config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.", poolclass=pool.NullPool
        )
        with connectable.begin() as conn:
            _run(conn)
    else:
        _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=_include,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
