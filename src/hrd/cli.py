"""The ``hrd`` command line: a thin face over the library.

Each command parses its arguments, calls one library function and renders
the result. Errors of the library (:class:`hrd.errors.HRDError`) end the
command with a one-line message on stderr and the exit code that
:func:`hrd.errors.exit_code` gives; nothing else is caught here.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from rich.console import Console

from . import __version__
from .errors import HRDError, exit_code

__all__ = ["app", "main"]

app = typer.Typer(
    name="hrd",
    help="HRD Tracker: a structured, searchable memory of human-rights dialogues.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


@app.callback()
def _root(
    db: str | None = typer.Option(
        None, "--db", metavar="URL", help="Database URL (default: $HRD_DATABASE_URL, else a SQLite file)."
    ),
) -> None:
    """HRD Tracker: readouts in, dialogue records out, tracked across rounds."""
    if db:
        os.environ["HRD_DATABASE_URL"] = db  # read by Settings() in every command


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


# Commands are added below by concern; keep each one thin.


@app.command("extract")
def extract_files(
    files: list[str] = typer.Argument(..., help="Readouts: .txt, .html/.htm, .pdf; other files are sniffed."),
    out: str | None = typer.Option(None, "--out", "-o", metavar="DIR", help="Write DIR/<stem>.json."),
) -> None:
    """Extract a dialogue record (dialogue-record/1 JSON) from each readout file.

    Without --out: one file's record is printed as JSON, several as JSON Lines.
    A bad file does not stop the batch; failures are listed at the end on stderr.
    Warnings (not English, no meeting reported) still give a valid record.

    Exit status: 0 if every file gave a record; if files failed, the code they
    share (65: empty, binary, unreadable or over 10 MB; 66: missing), else 1.
    """
    from .extract.batch import run_batch
    from .settings import Settings

    def note(message: str) -> None:
        typer.echo(message, err=True)

    # SystemExit, not typer.Exit: main() runs the app with standalone_mode=False, which drops Exit codes.
    raise SystemExit(run_batch(files, out=out, settings=Settings(), emit=typer.echo, note=note))


# -- store: database, ingest, search, review, re-extraction, export and import --------------------

db_app = typer.Typer(help="The database: create or migrate it.", no_args_is_help=True)
review_app = typer.Typer(
    help="Review extracted statements: list, confirm, edit, reject, add.", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(review_app, name="review")
out = Console(highlight=False)


def _who(who: str | None) -> str:
    import getpass

    return who or getpass.getuser()


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database or migrate it to the current schema."""
    from .settings import Settings
    from .store.engine import make_engine, upgrade

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

    from .settings import Settings
    from .store.engine import open_engine
    from .store.ingest import IngestOptions, ingest

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

    from .settings import Settings
    from .store.engine import open_engine, read
    from .store.search import SearchQuery, Snippet, search
    from .store.search import as_json as result_json

    q = SearchQuery(query, partner, topic, act, actor, kind, since, until, limit)
    result = read(open_engine(Settings()), lambda s: search(q, session=s))
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
    from .record import LegalRef

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
    from .settings import Settings
    from .store.engine import open_engine, read
    from .store.review import review_items

    engine = open_engine(Settings())
    chosen = None if state == "all" else state
    _review_render(
        read(engine, lambda s: review_items(document=document, state=chosen, limit=limit, session=s))
    )


def _review_change(action: str, statement: int, version: int | None, who: str | None, **edit: Any) -> None:
    from .settings import Settings
    from .store import review
    from .store.engine import open_engine, write

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
    from .record import Statement
    from .settings import Settings
    from .store import review
    from .store.engine import open_engine, write

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

    from .settings import Settings
    from .store.engine import open_engine, read
    from .store.review import history

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
    from .settings import Settings
    from .store.engine import open_engine
    from .store.reextract import reextract

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
    from .errors import InvalidInputError
    from .settings import Settings
    from .store.engine import open_engine, read
    from .store.exports import ExportFilters, ExportFormat, export

    if format in ("xlsx", "cameo"):  # statements as XLSX, CAMEO-coded events as CSV (hrd.cli_track)
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
    from .settings import Settings
    from .store.engine import open_engine
    from .store.exports import import_records, parse_export

    if file == "-":
        data = sys.stdin.read()
    else:
        with open(file, encoding="utf-8") as fh:
            data = fh.read()
    report = import_records(parse_export(data), engine=open_engine(Settings()))
    out.print(f"{len(report.imported)} imported, {len(report.unchanged)} unchanged", markup=False)


# -- tracking: briefing notes, follow-up items and benchmarks (commands in hrd.cli_track) -----------

from .cli_track import benchmark_app, brief, export_report, followup_app  # noqa: E402

app.command("brief")(brief)
app.add_typer(followup_app, name="followup")
app.add_typer(benchmark_app, name="benchmark")


# -- web: the UI and JSON API ----------------------------------------------------------------------


@app.command("serve")
def serve_web(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the web UI and the JSON API (/api/v1, docs at /api/docs) on a migrated database."""
    from .settings import Settings
    from .web.serve import serve

    serve(Settings(), host=host, port=port)


@app.command("demo")
def serve_demo(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    examples: str | None = typer.Option(None, "--examples", metavar="DIR", help="Readouts to load."),
) -> None:
    """Migrate the database, load the example readouts on first run, and serve the UI."""
    from pathlib import Path

    from .settings import Settings
    from .store.demo import default_examples, prepare_demo
    from .web.serve import serve

    settings = Settings()
    folder = Path(examples) if examples else default_examples()
    report = prepare_demo(settings, examples=folder)
    if report is not None:
        typer.echo(f"loaded {report.count('ingested')} example readouts from {folder}", err=True)
    from .web.demo_access import DEMO_USER, prepare_access

    access = prepare_access(settings)  # the demo admin gets a new password at each start
    typer.echo(f"HRD Tracker demo on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    typer.echo(f"sign in as {DEMO_USER!r} with the password {access.password}", err=True)
    serve(access.settings, host=host, port=port)


# -- users, API tokens, the audit log and the case register (as the local operator) ---------------

user_app = typer.Typer(
    help="Users and their roles (viewer, analyst, case-officer, admin).", no_args_is_help=True
)
token_app = typer.Typer(help="API tokens: scoped, revocable, shown once.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
cases_app = typer.Typer(help="The confidential case register: its encryption key.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")
app.add_typer(audit_app, name="audit")
app.add_typer(cases_app, name="cases")


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="Letters, digits and . _ @ + -"),
    role: str = typer.Option("viewer", "--role", help="viewer, analyst, case-officer or admin."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin."),
    no_password: bool = typer.Option(False, "--no-password", help="An account for API tokens only."),
) -> None:
    """Add a user; the password is prompted for (never echoed) unless read from stdin."""
    from .auth.console import as_operator, password_from
    from .auth.roles import parse_role
    from .auth.users import add_user
    from .settings import Settings

    level = parse_role(role)
    password = None
    if not no_password:
        password = (
            password_from(sys.stdin)
            if password_stdin
            else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        )
    user = as_operator(Settings(), lambda s, who: add_user(s, who, name=name, role=level, password=password))
    out.print(f"user {user.name} added as {user.role.label}", markup=False)


@user_app.command("list")
def user_list() -> None:
    """List users with their role and state."""
    from .auth.console import as_operator
    from .auth.users import list_users
    from .settings import Settings

    for u in as_operator(Settings(), list_users):
        state = "disabled" if u.disabled else ("active" if u.has_password else "tokens only")
        typer.echo(f"{u.name}\t{u.role.label}\t{state}")


@user_app.command("disable")
def user_disable(name: str = typer.Argument(...)) -> None:
    """Disable a user: their sessions end and their API tokens are revoked."""
    from .auth.console import as_operator
    from .auth.users import disable_user
    from .settings import Settings

    as_operator(Settings(), lambda s, who: disable_user(s, who, name=name))
    out.print(f"user {name} disabled", markup=False)


@user_app.command("role")
def user_role(name: str = typer.Argument(...), role: str = typer.Argument(..., help="The new role.")) -> None:
    """Change a user's role (their sessions end)."""
    from .auth.console import as_operator
    from .auth.roles import parse_role
    from .auth.users import set_role
    from .settings import Settings

    level = parse_role(role)
    user = as_operator(Settings(), lambda s, who: set_role(s, who, name=name, role=level))
    out.print(f"user {user.name} is now {user.role.label}", markup=False)


@token_app.command("create")
def token_create(
    user: str = typer.Option(..., "--user", help="The owner."),
    scope: list[str] = typer.Option(
        ..., "--scope", help="public:read, cases:write, public:* ... (repeatable)"
    ),
    label: str = typer.Option("", "--label", help="What the token is for."),
    days: int | None = typer.Option(None, "--expires-days", min=1, help="Lifetime in days (default: none)."),
) -> None:
    """Create an API token and print it once on stdout (store it now: it cannot be shown again)."""
    import datetime as dt

    from .auth.console import as_operator
    from .auth.tokens import create_token
    from .settings import Settings

    life = dt.timedelta(days=days) if days else None
    new = as_operator(
        Settings(), lambda s, who: create_token(s, who, user=user, scopes=scope, label=label, expires_in=life)
    )
    scopes = ", ".join(new.info.scopes)
    typer.echo(f"token {new.info.id} for {new.info.user} ({scopes}), shown once:", err=True)
    typer.echo(new.token)


@token_app.command("revoke")
def token_revoke(token_id: int = typer.Argument(..., help="The token's number.")) -> None:
    """Revoke an API token."""
    from .auth.console import as_operator
    from .auth.tokens import revoke_token
    from .settings import Settings

    info = as_operator(Settings(), lambda s, who: revoke_token(s, who, token_id=token_id))
    out.print(f"token {info.id} of {info.user} revoked", markup=False)


@token_app.command("list")
def token_list(user: str | None = typer.Option(None, "--user", help="Only this user's tokens.")) -> None:
    """List API tokens (never their secrets)."""
    from .auth.console import as_operator
    from .auth.tokens import list_tokens
    from .settings import Settings

    for t in as_operator(Settings(), lambda s, who: list_tokens(s, who, user=user)):
        state = "revoked" if t.revoked else f"expires {t.expires_at:%Y-%m-%d}" if t.expires_at else "active"
        typer.echo(f"{t.id}\t{t.user}\t{','.join(t.scopes)}\t{state}\t{t.label}")


@audit_app.command("verify")
def audit_verify(
    head: str | None = typer.Option(None, "--head", help="The head hash noted earlier (detects a cut tail)."),
) -> None:
    """Recompute the audit chain; exit 1 and name the first broken row if it does not verify."""
    from .auth.audit import verify
    from .auth.console import as_operator
    from .settings import Settings

    result = as_operator(Settings(), lambda s, who: verify(s, expected_head=head))
    if not result.ok:
        err.print(f"hrd: audit log broken: {result.reason} (after {result.rows} good rows)", markup=False)
        raise SystemExit(1)
    out.print(f"audit log intact: {result.rows} rows, head {result.head}", markup=False)


@cases_app.command("new-key")
def cases_new_key(path: str = typer.Argument(..., help="The key file to create (mode 0600).")) -> None:
    """Write a new random case-data key to a new file."""
    from pathlib import Path

    from .cases.crypto import write_key_file

    key = write_key_file(Path(path))
    out.print(f"key {key.label} written to {path}", markup=False)


@cases_app.command("rotate-key")
def cases_rotate_key(
    new_key_file: str = typer.Option(..., "--new-key-file", help="A key file made by `hrd cases new-key`."),
) -> None:
    """Re-encrypt every case field under the new key (one transaction), then switch HRD_KEY_FILE to it."""
    from pathlib import Path

    from .auth.console import as_operator
    from .cases.crypto import load_keyring, read_key_file
    from .cases.rotation import rotate_key
    from .settings import Settings

    settings = Settings()
    keys, new = load_keyring(settings), read_key_file(Path(new_key_file)).current
    done = as_operator(settings, lambda s, who: rotate_key(new=new, principal=who, keys=keys, session=s))
    out.print(f"{done.fields} fields re-encrypted under key {done.key_id}", markup=False)
    out.print(f"now use {new_key_file} as HRD_KEY_FILE (the old key no longer opens anything)", markup=False)


def main() -> None:
    """Entry point of the ``hrd`` console script."""
    try:
        # Without standalone mode, click returns (not raises) the code of `typer.Exit(code)`.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except HRDError as exc:
        err.print(f"hrd: {exc.title}: {exc}", markup=False)
        sys.exit(exit_code(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("hrd: aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("hrd: interrupted")
        sys.exit(130)
    except Exception as exc:
        # Usage errors of the command-line parser (Typer ships its own copy of click).
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            sys.exit(code)
        # A bug or an unexpected failure below us: one line, not a traceback (HRD_DEBUG=1 shows it).
        if os.environ.get("HRD_DEBUG"):
            raise
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        hint = "(HRD_DEBUG=1 shows the traceback)"
        err.print(f"hrd: internal error: {type(exc).__name__}: {first} {hint}", markup=False)
        sys.exit(70)  # EX_SOFTWARE
