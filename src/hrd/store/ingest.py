"""Ingest: sources (files, folders, URLs, feeds) -> read -> extract -> stored, one transaction each.

A source that cannot be read, extracted or stored becomes a ``failed``
outcome with a one-line reason and never stops the batch. A text already
stored is ``unchanged`` (by sha256) and is not extracted again; a new text
from a source already stored is stored as its next version.

Reading and extraction can run in worker processes (``jobs`` > 1); the
writes stay in the calling process, one short transaction per document.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import Engine

from .. import __version__
from ..errors import HRDError, ReadError
from ..extract import extract
from ..read import feed_links, fetch, is_feed, read_bytes, read_path
from ..read.document import Document
from ..record import Record
from ..settings import Settings
from .engine import read, write
from .repo import known, store_document

__all__ = ["EXTRACTOR", "SUFFIXES", "IngestOptions", "IngestReport", "Outcome", "expand_sources", "ingest"]

SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".pdf"})
"""File types taken from folders; a file named on the command line is read whatever its name."""
EXTRACTOR = f"hrd {__version__}"

Status = Literal["ingested", "unchanged", "failed"]


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    status: Status
    reason: str | None = None
    document: str | None = None
    """The stored document's key."""
    document_id: int | None = None
    version: int | None = None
    statements: int = 0
    carried: int = 0
    """A new version: reviewed statements of the previous one carried to it."""
    left: int = 0
    """A new version: reviewed statements left with the previous one (their words are gone)."""


@dataclass(frozen=True, slots=True)
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return all(o.status != "failed" for o in self.outcomes)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    jobs: int = 1
    """Worker processes for reading and extraction (1: all in this process)."""
    on_total: Callable[[int], None] | None = None
    """Called with the number of items known so far (grows as feeds are expanded)."""
    on_outcome: Callable[[Outcome], None] | None = None
    """Called after each item is done (after its transaction committed)."""
    extractor: Callable[[Document], Record] | None = None
    """Replaces :func:`hrd.extract.extract` (a module-level function when ``jobs`` > 1)."""


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Files, folders (recursively: the files with a readable suffix, sorted) and URLs, in order."""
    items: list[str] = []
    for source in sources:
        path = Path(source)
        if not _is_url(source) and path.is_dir():
            items.extend(
                str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            items.append(source)
    return list(dict.fromkeys(items))


@dataclass(frozen=True, slots=True)
class _Read:
    """The result of preparing one item: a document (maybe extracted), feed links, or a failure."""

    source: str
    document: Document | None = None
    record: Record | None = None
    links: tuple[str, ...] = ()
    reason: str | None = None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, HRDError):
        return str(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read(source: str, settings: Settings) -> _Read:
    if _is_url(source):
        got = fetch(source, settings=settings)
        if is_feed(got.data, got.media_type):
            links = tuple(e.url for e in feed_links(got.data))
            if not links:
                raise ReadError("a feed with no entries")
            return _Read(source, links=links)
        document = read_bytes(
            got.data, source=source, media_type=got.media_type, charset=got.charset, settings=settings
        )
    else:
        document = read_path(source, settings=settings)
    if not document.text.strip():
        raise ReadError("no text")
    return _Read(source, document=document)


def _extract(document: Document) -> Record:
    return extract(document.text, published=document.published, source=document.source)


def _prepare(
    source: str, settings: Settings, extract_too: bool, extractor: Callable[[Document], Record] = _extract
) -> _Read:
    """Read (and, in workers, extract) one item; never raises."""
    try:
        item = _read(source, settings)
    except Exception as exc:
        return _Read(source, reason=_reason(exc))
    if extract_too and item.document is not None:
        try:
            return _Read(source, document=item.document, record=extractor(item.document))
        except Exception as exc:
            return _Read(source, reason=f"extraction failed: {_reason(exc)}")
    return item


def _store(item: _Read, engine: Engine, extractor: Callable[[Document], Record]) -> Outcome:
    document = item.document
    assert document is not None
    try:
        seen = read(engine, lambda s: known(sha256=document.sha256, session=s))
        if seen is not None:
            return Outcome(
                item.source,
                "unchanged",
                document=seen.key,
                document_id=seen.document_id,
                version=seen.version,
            )
        try:
            record = item.record or extractor(document)
        except Exception as exc:
            return Outcome(item.source, "failed", f"extraction failed: {_reason(exc)}")
        stored = write(
            engine, lambda s: store_document(document=document, record=record, extractor=EXTRACTOR, session=s)
        )
    except Exception as exc:
        return Outcome(item.source, "failed", f"not stored: {_reason(exc)}")
    return Outcome(
        item.source,
        stored.status,
        document=stored.key,
        document_id=stored.document_id,
        version=stored.version,
        statements=stored.statements,
        carried=stored.carried,
        left=stored.left,
    )


def _prepared(
    queue: deque[str],
    settings: Settings,
    jobs: int,
    grow: Callable[[list[str]], None],
    extractor: Callable[[Document], Record],
) -> Iterator[_Read]:
    """Prepared items in order; feed links are appended to ``queue`` as they are found."""
    if jobs <= 1:
        while queue:
            item = _prepare(queue.popleft(), settings, extract_too=False)
            if item.links:
                grow(list(item.links))
            yield item
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[_Read]] = deque()
        while queue or pending:
            while queue and len(pending) < jobs * 4:
                pending.append(pool.submit(_prepare, queue.popleft(), settings, True, extractor))
            item = pending.popleft().result()
            if item.links:
                grow(list(item.links))
            yield item


def ingest(
    sources: Sequence[str], *, engine: Engine, settings: Settings, options: IngestOptions | None = None
) -> IngestReport:
    """Read, extract and store every source; one outcome per document (feeds count by their entries)."""
    options = options or IngestOptions()
    queue = deque(expand_sources(sources))
    seen = set(queue)
    total = len(queue)
    if options.on_total:
        options.on_total(total)

    def grow(links: list[str]) -> None:
        nonlocal total
        fresh = [link for link in dict.fromkeys(links) if link not in seen]
        seen.update(fresh)
        queue.extend(fresh)
        total += len(fresh) - 1  # the feed itself is not a document
        if options.on_total:
            options.on_total(total)

    report = IngestReport()
    jobs = max(1, min(options.jobs, os.cpu_count() or 1))
    extractor = options.extractor or _extract
    for item in _prepared(queue, settings, jobs, grow, extractor):
        if item.links:
            continue
        if item.document is None:
            outcome = Outcome(item.source, "failed", item.reason or "unreadable")
        else:
            outcome = _store(item, engine, extractor)
        report.outcomes.append(outcome)
        if options.on_outcome:
            options.on_outcome(outcome)
    return report
