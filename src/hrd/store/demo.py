"""The demo database: migrated, and loaded with the bundled example readouts on first run."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from ..errors import NotFoundError
from ..settings import Settings
from .engine import make_engine, read, upgrade
from .ingest import IngestReport, ingest
from .tables import DocumentRow

__all__ = ["default_examples", "prepare_demo"]


def default_examples() -> Path:
    """examples/readouts of the source checkout (or of the working directory)."""
    for base in (Path(__file__).resolve().parents[3], Path.cwd()):
        folder = base / "examples" / "readouts"
        if folder.is_dir():
            return folder
    raise NotFoundError("no examples/readouts folder: give one with --examples")


def prepare_demo(settings: Settings, *, examples: Path) -> IngestReport | None:
    """Migrate the database and, when it holds no document yet, ingest ``examples``.

    Returns the ingest report, or ``None`` when the database already had documents.
    """
    engine = make_engine(settings.database_url)
    try:
        upgrade(engine)
        count = read(engine, lambda s: s.scalar(select(func.count()).select_from(DocumentRow)))
        if count:
            return None
        if not examples.is_dir():
            raise NotFoundError(f"no folder {examples}")
        return ingest([str(examples)], engine=engine, settings=settings)
    finally:
        engine.dispose()
