"""The store commands: ``db``, ``ingest``, ``search``, ``review``, ``reextract``, ``export``, ``import``."""

from __future__ import annotations

import sys
from typing import Any

import typer

from . import app, err, out

# -- store: database, ingest, search, review, re-extraction, export and import --------------------

db_app = typer.Typer(help="The database: create or migrate it.", no_args_is_help=True)
review_app = typer.Typer(
    help="Review extracted statements: list, confirm, edit, reject, add.", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(review_app, name="review")


def _who(who: str | None) -> str:
    import getpass

    return who or getpass.getuser()


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database or migrate it to the current schema."""
    from ..settings import Settings
    from ..store.engine import make_engine, upgrade

    settings = Settings()
    revision = upgrade(make_engine(settings.database_url))
    out.print(f"database at revision {revision}", markup=False)


@app.command("ingest")
def ingest_sources(
    sources: list[str] = typer.Argument(..., help="Files, folders, http(s) URLs or RSS/Atom feed URLs."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes for reading and extraction."),
) -> None:
    """Read, extract and store readouts: each document in one transaction; a bad one never stops the batch.

    Exit status 1 if any source failed (the summary gives the reason of each).
    """
    from rich.progress import Progress
    from rich.table import Table

    from ..settings import Settings
    from ..store.engine import open_engine
    from ..store.ingest import IngestOptions, ingest

    settings = Settings()
    engine = open_engine(settings)
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        options = IngestOptions(
            jobs=jobs,
            on_total=lambda n: progress.update(task, total=n),
            on_outcome=lambda _: progress.advance(task),
        )
        report = ingest(sources, engine=engine, settings=settings, options=options)
    table = Table(title="ingest", show_header=True)
    for column in ("ingested", "unchanged", "failed"):
        table.add_column(column, justify="right")
    table.add_row(*(str(report.count(s)) for s in ("ingested", "unchanged", "failed")))
    out.print(table)
    for o in report.outcomes:  # one line each, never wrapped: easy to read and to grep
        if o.status == "failed":
            out.print(f"failed: {o.source}: {o.reason}", markup=False, soft_wrap=True)
        elif o.carried or o.left:
            out.print(
                f"new version {o.version} of {o.document}: {o.carried} reviewed statement(s) carried over, "
                f"{o.left} left with version {(o.version or 2) - 1} (their words are gone)",
                markup=False,
                soft_wrap=True,
            )
    raise SystemExit(0 if report.ok else 1)


@app.command("search")
def search_store(
    query: str = typer.Argument("", help='Words, "phrases", or, -exclude. Empty: list by the filters.'),
    partner: str | None = typer.Option(None, help="Partner code, e.g. KZ."),
    topic: str | None = typer.Option(None, help="Topic code, e.g. torture."),
    act: str | None = typer.Option(None, help="Act code, e.g. concern."),
    actor: str | None = typer.Option(None, help="EU, a partner code or both."),
    kind: str | None = typer.Option(None, help="Meeting kind, e.g. subcommittee."),
    since: int | None = typer.Option(None, help="First year."),
    until: int | None = typer.Option(None, help="Last year."),
    limit: int = typer.Option(20, help="Hits to show."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Full-text search over statements and documents, ranked, with highlighted snippets and facet counts."""
    import json

    from rich.table import Table
    from rich.text import Text

    from ..settings import Settings
    from ..store.engine import open_engine, read, read_pool
    from ..store.search import SearchQuery, Snippet, search
    from ..store.search import as_json as result_json

    q = SearchQuery(query, partner, topic, act, actor, kind, since, until, limit)
    engine = open_engine(Settings())
    pool = read_pool(engine)
    try:
        result = read(engine, lambda s: search(q, session=s, pool=pool))
    finally:
        if pool is not None:
            pool.close()
    if as_json:
        typer.echo(json.dumps(result_json(result), ensure_ascii=False, indent=2))
        return

    def snippet(s: Snippet) -> Text:
        text = Text()
        for piece, hit in s.parts():
            text.append(piece, style="bold yellow" if hit else None)
        return text

    table = Table(title=f"statements: {result.total_statements}", show_lines=False)
    for column in ("id", "document", "date", "actor", "act", "topics", "text"):
        table.add_column(column, overflow="fold")
    for h in result.statements:
        table.add_row(
            str(h.id), h.document, str(h.date or ""), h.actor, h.act, ", ".join(h.topics), snippet(h.snippet)
        )
    out.print(table)
    docs = Table(title=f"documents: {result.total_documents}")
    for column in ("document", "published", "snippet"):
        docs.add_column(column, overflow="fold")
    for d in result.documents:
        docs.add_row(d.key, str(d.published or ""), snippet(d.snippet))
    if result.documents:
        out.print(docs)
    for name, values in result.facets.items():
        if values:
            out.print(f"[bold]{name}[/]: " + ", ".join(f"{v} ({n})" for v, n in values))


def _review_render(items: list[Any]) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("id", "v", "state", "document", "meeting", "actor", "act", "topics", "legal", "text"):
        table.add_column(column, overflow="fold")
    for i in items:
        st = i.statement
        legal = "; ".join(f"{r.instrument} {r.article or ''}".strip() for r in st.legal_refs)
        table.add_row(
            str(i.id),
            str(i.version),
            i.state,
            i.document,
            str(i.meeting_id),
            st.actor,
            st.act,
            ", ".join(st.topics),
            legal,
            st.text or "",
        )
    out.print(table)


def _legal(values: list[str]) -> list[Any]:
    from ..record import LegalRef

    refs = []
    for value in values:
        instrument, _, article = value.partition(":")
        refs.append(LegalRef(instrument=instrument.strip(), article=article.strip() or None))
    return refs


@review_app.command("list")
def review_list(
    document: str | None = typer.Option(None, help="A document id, key or sha256 prefix."),
    state: str = typer.Option("proposed", help="proposed, confirmed, edited, rejected, added or all."),
    limit: int = typer.Option(100),
) -> None:
    """Statements waiting for review (or in another state)."""
    from ..settings import Settings
    from ..store.engine import open_engine, read
    from ..store.review import review_items

    engine = open_engine(Settings())
    chosen = None if state == "all" else state
    _review_render(
        read(engine, lambda s: review_items(document=document, state=chosen, limit=limit, session=s))
    )


def _review_change(action: str, statement: int, version: int | None, who: str | None, **edit: Any) -> None:
    from ..settings import Settings
    from ..store import review
    from ..store.engine import open_engine, write

    engine = open_engine(Settings())
    name = _who(who)

    def run(session: Any) -> Any:
        if action == "edit":
            changes = review.StatementEdit(**edit)
            return review.edit(
                statement_id=statement, changes=changes, who=name, expected_version=version, session=session
            )
        change = review.confirm if action == "confirm" else review.reject
        return change(statement_id=statement, who=name, expected_version=version, session=session)

    _review_render([write(engine, run)])


VersionOption = typer.Option(None, "--version", help="The version you reviewed (refused if changed since).")
WhoOption = typer.Option(None, "--who", help="Reviewer name (default: the login name).")


@review_app.command("confirm")
def review_confirm(statement: int, version: int | None = VersionOption, who: str | None = WhoOption) -> None:
    """Confirm a statement as extracted."""
    _review_change("confirm", statement, version, who)


@review_app.command("reject")
def review_reject(statement: int, version: int | None = VersionOption, who: str | None = WhoOption) -> None:
    """Reject a statement: it leaves records, search and exports (and stays in the history)."""
    _review_change("reject", statement, version, who)


@review_app.command("edit")
def review_edit(
    statement: int,
    actor: str | None = typer.Option(None),
    act: str | None = typer.Option(None),
    topic: list[str] | None = typer.Option(None, "--topic", help="Replaces the topics; repeat for several."),
    legal: list[str] | None = typer.Option(None, "--legal", help='"Instrument:Article"; replaces the refs.'),
    version: int | None = VersionOption,
    who: str | None = WhoOption,
) -> None:
    """Correct a statement's actor, act, topics or legal references."""
    _review_change(
        "edit",
        statement,
        version,
        who,
        actor=actor,
        act=act,
        topics=topic or None,
        legal_refs=_legal(legal) if legal else None,
    )


@review_app.command("add")
def review_add(
    document: str = typer.Argument(..., help="A document id, key or sha256 prefix."),
    actor: str = typer.Option(...),
    act: str = typer.Option(...),
    topic: list[str] = typer.Option(..., "--topic", help="Repeat for several."),
    meeting: int = typer.Option(0, help="Which meeting of the document (0 = the first)."),
    text: str | None = typer.Option(None, help="The clause that carries the statement."),
    legal: list[str] | None = typer.Option(None, "--legal", help='"Instrument:Article".'),
    who: str | None = WhoOption,
) -> None:
    """Add a statement the extraction missed."""
    from ..record import Statement
    from ..settings import Settings
    from ..store import review
    from ..store.engine import open_engine, write

    statement = Statement(actor=actor, act=act, topics=topic, text=text, legal_refs=_legal(legal or []))
    name = _who(who)
    item = write(
        open_engine(Settings()),
        lambda s: review.add(document=document, meeting=meeting, statement=statement, who=name, session=s),
    )
    _review_render([item])


@review_app.command("history")
def review_history(
    statement: int | None = typer.Argument(None), document: str | None = typer.Option(None)
) -> None:
    """Who changed what, when: before and after."""
    import json

    from rich.table import Table

    from ..settings import Settings
    from ..store.engine import open_engine, read
    from ..store.review import history

    engine = open_engine(Settings())
    entries = read(engine, lambda s: history(statement_id=statement, document=document, session=s))
    table = Table()
    for column in ("when", "who", "action", "statement", "before", "after"):
        table.add_column(column, overflow="fold")
    for e in entries:
        table.add_row(
            e.at.isoformat(timespec="seconds"),
            e.who,
            e.action,
            str(e.statement_id or ""),
            json.dumps(e.before, ensure_ascii=False),
            json.dumps(e.after, ensure_ascii=False),
        )
    out.print(table)


@app.command("reextract")
def reextract_store(
    document: str | None = typer.Option(None, help="Only this document (id, key or sha256 prefix)."),
    who: str | None = typer.Option(None, "--who", help="Recorded in the history (default: extractor)."),
) -> None:
    """Run the current extractor again over stored texts; only `proposed` statements change."""
    from ..settings import Settings
    from ..store.engine import open_engine
    from ..store.reextract import reextract

    report = reextract(engine=open_engine(Settings()), who=who or "extractor", document=document)
    for c in report.changed:
        line = f"{c.document}: -{c.removed} +{c.added} proposed, {c.kept_reviewed} reviewed kept"
        out.print(line, markup=False)
    out.print(f"{len(report.changes)} documents re-extracted, {len(report.changed)} changed", markup=False)
    for key, reason in report.failed:
        err.print(f"hrd: {key}: {reason}", markup=False)
    raise SystemExit(1 if report.failed else 0)


@app.command("export")
def export_store(
    format: str = typer.Option(
        "jsonl", "--format", help="jsonl, json (records), csv or xlsx (statements), cameo (events as CSV)."
    ),
    output: str | None = typer.Option(None, "--out", "-o", help="File to write (default: stdout)."),
    partner: str | None = typer.Option(None),
    kind: str | None = typer.Option(None),
    since: int | None = typer.Option(None),
    until: int | None = typer.Option(None),
) -> None:
    """Export dialogue records (review state applied), their statements (CSV, XLSX) or CAMEO events."""
    from ..errors import InvalidInputError
    from ..settings import Settings
    from ..store.engine import open_engine, read
    from ..store.exports import ExportFilters, ExportFormat, export
    from .track import export_report

    if format in ("xlsx", "cameo"):  # statements as XLSX, CAMEO-coded events as CSV
        return export_report(format, output, ExportFilters(partner, kind, since, until))
    if format not in ("jsonl", "json", "csv"):
        raise InvalidInputError(f"unknown format {format!r}: use jsonl, json, csv, xlsx or cameo")
    chosen: ExportFormat = format  # type: ignore[assignment]
    filters = ExportFilters(partner, kind, since, until)
    engine = open_engine(Settings())
    if output is None:
        read(engine, lambda s: export(sys.stdout, format=chosen, filters=filters, session=s))
        return
    with open(output, "w", encoding="utf-8", newline="") as fh:
        n = read(engine, lambda s: export(fh, format=chosen, filters=filters, session=s))
    err.print(f"{n} {'statements' if format == 'csv' else 'records'} written to {output}", markup=False)


@app.command("import")
def import_store(file: str = typer.Argument(..., help="A jsonl or json export; - for stdin.")) -> None:
    """Import an export (records); records already stored are left as they are."""
    from ..settings import Settings
    from ..store.engine import open_engine
    from ..store.exports import import_records, parse_export

    if file == "-":
        data = sys.stdin.read()
    else:
        with open(file, encoding="utf-8") as fh:
            data = fh.read()
    report = import_records(parse_export(data), engine=open_engine(Settings()))
    out.print(f"{len(report.imported)} imported, {len(report.unchanged)} unchanged", markup=False)
