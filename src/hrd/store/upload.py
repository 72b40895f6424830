"""Ingest of one upload (bytes in hand) or one URL, for the web faces.

Unlike the batch :func:`hrd.store.ingest.ingest`, which turns every failure
into an outcome, an upload that cannot be read raises its
:class:`~hrd.errors.HRDError` (empty, binary, too large, unreadable), so the
face can answer with the matching status and message.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from ..errors import EmptyInputError, InvalidInputError
from ..extract import extract
from ..read import read_bytes
from ..settings import Settings
from .engine import read, write
from .ingest import EXTRACTOR, IngestReport, Outcome, ingest
from .repo import find_document, store_document

__all__ = ["ingest_upload", "ingest_url"]


def ingest_upload(
    data: bytes, *, name: str, media_type: str | None, engine: Engine, settings: Settings
) -> Outcome:
    """Read, extract and store one uploaded file; a text already stored is ``unchanged``.

    The file's name (without folders) is its source: a changed file uploaded under the same
    name becomes the next version of that document.
    """
    if not data.strip():
        raise EmptyInputError("the file is empty")
    clean = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "upload"
    document = read_bytes(data, source=clean, media_type=media_type, settings=settings)
    if not document.text.strip():
        raise EmptyInputError("the file has no text")
    known = read(engine, lambda s: find_document(sha256=document.sha256, session=s))
    if known is not None:
        return Outcome(clean, "unchanged", document=known.key, document_id=known.id, version=known.version)
    record = extract(document.text, published=document.published, source=document.source)
    stored = write(
        engine, lambda s: store_document(document=document, record=record, extractor=EXTRACTOR, session=s)
    )
    return Outcome(
        clean,
        stored.status,
        document=stored.key,
        document_id=stored.document_id,
        version=stored.version,
        statements=stored.statements,
    )


def ingest_url(url: str, *, engine: Engine, settings: Settings) -> IngestReport:
    """Fetch, extract and store a web page, a PDF or every entry of a feed."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise InvalidInputError("give an http:// or https:// URL")
    return ingest([url], engine=engine, settings=settings)
