"""The tracking commands of ``hrd``: ``brief``, ``followup list|set|history``, ``benchmark add|list|assess``.

Thin faces like the rest of :mod:`hrd.cli` (which registers them): each
parses its arguments, calls one library function in one transaction and
prints the result. Library errors reach :func:`hrd.cli.main`, which maps them
to one line and an exit code.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast, get_args

import typer
from rich.table import Table
from sqlalchemy.orm import Session

from ..record import MeetingKind
from . import app, err, out

__all__ = ["benchmark_app", "brief", "export_report", "followup_app"]

T = TypeVar("T")

followup_app = typer.Typer(
    help="Follow-up items (EU calls, partner commitments): list, set a status, history.", no_args_is_help=True
)
benchmark_app = typer.Typer(
    help="Benchmarks of a dialogue series: add, list, assess a round.", no_args_is_help=True
)

WhoOption = typer.Option(None, "--who", help="Analyst name (default: the login name).")


def _read(work: Callable[[Session], T]) -> T:
    from ..settings import Settings
    from ..store.engine import open_engine, read

    return read(open_engine(Settings()), work)


def _write(work: Callable[[Session], T]) -> T:
    from ..settings import Settings
    from ..store.engine import open_engine, write

    return write(open_engine(Settings()), work)


def _day(value: str | None) -> dt.date:
    from ..errors import InvalidInputError

    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(f"--today must be a date like 2024-05-31, not {value!r}") from None


def brief(
    partner: str = typer.Argument(..., help="Partner code, e.g. KZ."),
    format: str = typer.Option("md", "--format", "-f", help="md, html or pdf."),
    output: str | None = typer.Option(
        None, "--out", "-o", metavar="FILE", help="File to write (default: stdout)."
    ),
    today: str | None = typer.Option(None, help="Date of the note (YYYY-MM-DD; default: today)."),
    kind: str | None = typer.Option(None, help="The main series (default: the human rights dialogue)."),
    stale_after: int = typer.Option(2, min=1, help="Rounds an item may stay open without progress."),
) -> None:
    """The briefing note for PARTNER: last round, recurring concerns, follow-up, provisions, benchmarks."""
    from ..errors import InvalidInputError
    from ..report.brief import BriefOptions
    from ..report.pdf import render_pdf
    from ..report.render import render_html, render_markdown
    from ..report.stored import stored_brief

    if format not in ("md", "html", "pdf"):
        raise InvalidInputError(f"unknown format {format!r}: use md, html or pdf")
    if kind is not None and kind not in get_args(MeetingKind):
        raise InvalidInputError(
            f"unknown meeting kind {kind!r}: use one of {', '.join(get_args(MeetingKind))}"
        )
    options = BriefOptions(today=_day(today), kind=cast(MeetingKind | None, kind), stale_after=stale_after)
    note = _read(lambda s: stored_brief(partner=partner, session=s, options=options))
    data = (
        render_pdf(note)
        if format == "pdf"
        else (render_html(note) if format == "html" else render_markdown(note)).encode("utf-8")
    )
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    Path(output).write_bytes(data)
    err.print(f"briefing note for {note.partner} written to {output}", markup=False)


@followup_app.command("list")
def followup_list(
    partner: str = typer.Argument(..., help="Partner code, e.g. KZ."),
    status: str | None = typer.Option(None, help="open, progressing, fulfilled or dropped."),
    stale_after: int = typer.Option(2, min=1, help="Rounds an item may stay open without progress."),
    as_json: bool = typer.Option(False, "--json", help="Print the items as JSON."),
) -> None:
    """The follow-up items of PARTNER, oldest round first, stale ones flagged."""
    from ..track.views.followup import followup_board

    board = _read(
        lambda s: followup_board(partner=partner, session=s, stale_after=stale_after, status=status)
    )
    if as_json:
        typer.echo(json.dumps([_item_json(b) for b in board.items], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"follow-up: {board.partner} ({len(board.items)} items, {board.stale_count} stale)")
    for column in ("statement", "v", "kind", "round", "open for", "status", "flag", "topics", "text", "note"):
        table.add_column(column, overflow="fold")
    for b in board.items:
        table.add_row(
            str(b.statement_id),
            str(b.version),
            f"{b.item.kind} ({b.kind})",
            b.item.round.label,
            str(b.rounds_open),
            b.item.status,
            "STALE" if b.stale else "",
            ", ".join(b.item.topics),
            b.item.text or "",
            b.item.note or "",
        )
    out.print(table)


def _item_json(b: Any) -> dict[str, Any]:
    return {
        "statement_id": b.statement_id,
        "version": b.version,
        "kind": b.item.kind,
        "series": b.kind,
        "meeting_id": int(b.item.round.meeting_id),
        "round": b.item.round.label,
        "rounds_open": b.rounds_open,
        "stale": b.stale,
        "status": b.item.status,
        "note": b.item.note,
        "evidence": [int(e) for e in b.item.evidence],
        "topics": list(b.item.topics),
        "text": b.item.text,
        "suggestions": [int(e.statement.id) for e in b.suggestions],
    }


@followup_app.command("set")
def followup_set(
    statement: int = typer.Argument(..., help="The statement id of the call or commitment."),
    status: str = typer.Argument(..., help="open, progressing, fulfilled or dropped."),
    note: str | None = typer.Option(None, help="Why: what happened, where it is reported."),
    evidence: list[int] | None = typer.Option(None, "--evidence", help="A statement id; repeat for several."),
    version: int | None = typer.Option(None, "--version", help="The version you saw (0: never set)."),
    who: str | None = WhoOption,
) -> None:
    """Set the status of a follow-up item (with a note and evidence); it enters the item's history."""
    from ..store.followup import set_followup

    name = who or getpass.getuser()
    entry = _write(
        lambda s: set_followup(
            statement_id=statement,
            status=status,
            note=note,
            evidence=evidence or [],
            who=name,
            expected_version=version,
            session=s,
        )
    )
    out.print(f"statement {entry.statement_id}: {entry.status} (version {entry.version})", markup=False)


@followup_app.command("history")
def followup_history_cmd(statement: int = typer.Argument(..., help="The statement id of the item.")) -> None:
    """Every status the item was given: who, when, note and evidence."""
    from ..store.followup import followup_history

    table = Table()
    for column in ("when", "who", "status", "note", "evidence"):
        table.add_column(column, overflow="fold")
    for e in _read(lambda s: followup_history(statement_id=statement, session=s)):
        table.add_row(
            e.at.isoformat(timespec="seconds"), e.who, e.status, e.note or "", ", ".join(map(str, e.evidence))
        )
    out.print(table)


@benchmark_app.command("add")
def benchmark_add(
    partner: str = typer.Argument(..., help="Partner code, e.g. KZ."),
    change: str = typer.Option(..., help='The expected change: "abolish", "repeal", "ratify" or free text.'),
    topic: str | None = typer.Option(None, help="A topic code."),
    provision: str | None = typer.Option(None, help='Or a provision: "Instrument:Article".'),
    kind: str = typer.Option("human-rights-dialogue", help="The dialogue series (meeting kind)."),
    note: str | None = typer.Option(None),
    who: str | None = WhoOption,
) -> None:
    """Define a benchmark: a topic or provision of one series and the change expected."""
    from ..errors import InvalidInputError
    from ..store.benchmarks import add_benchmark
    from ..track.rounds import Provision, Subject

    if (topic is None) == (provision is None):
        raise InvalidInputError("give either --topic or --provision")
    subject: Subject
    if provision is not None:
        instrument, _, article = provision.partition(":")
        subject = Provision(instrument.strip(), article.strip() or None)
    else:
        subject = str(topic)
    name = who or getpass.getuser()
    made = _write(
        lambda s: add_benchmark(
            partner=partner, kind=kind, subject=subject, change=change, note=note, who=name, session=s
        )
    )
    out.print(f"benchmark {made.id}: {made.partner} {made.kind}: {made.label}", markup=False)


@benchmark_app.command("list")
def benchmark_list(
    partner: str = typer.Argument(..., help="Partner code, e.g. KZ."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """The benchmarks of PARTNER, each round assessed (analysts' results applied)."""
    from ..track.views.benchmarks import benchmark_views

    views = _read(lambda s: benchmark_views(partner=partner, session=s))
    if as_json:
        data = [
            {
                "id": int(v.status.benchmark.id),
                "kind": v.status.benchmark.kind,
                "label": v.status.benchmark.label,
                "current": v.status.current.result if v.status.current else None,
                "rounds": [
                    {"meeting_id": int(a.round.meeting_id), "result": a.result, "computed": a.computed}
                    for a in v.status.history
                ],
            }
            for v in views
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"benchmarks: {partner.upper()}")
    for column in ("id", "series", "benchmark", "current", "rounds (meeting: result)"):
        table.add_column(column, overflow="fold")
    for v in views:
        b, current = v.status.benchmark, v.status.current
        rounds = "; ".join(
            f"{a.round.meeting_id}: {a.result}{' (set)' if a.override else ''}" for a in v.status.history
        )
        table.add_row(b.id, b.kind, b.label, current.result if current else "no information", rounds)
    out.print(table)


@benchmark_app.command("assess")
def benchmark_assess(
    benchmark: int = typer.Argument(..., help="The benchmark id."),
    meeting: int = typer.Argument(..., help="The meeting id of the round."),
    result: str = typer.Argument(..., help="met, partly-met, not-met, no-information, or clear."),
    note: str | None = typer.Option(None),
    who: str | None = WhoOption,
) -> None:
    """Set an analyst's result for one round (clear: back to the computed result); kept in the history."""
    from ..store.benchmarks import set_assessment

    name = who or getpass.getuser()
    chosen = None if result == "clear" else result
    entry = _write(
        lambda s: set_assessment(
            benchmark_id=benchmark, meeting_id=meeting, result=chosen, note=note, who=name, session=s
        )
    )
    out.print(f"benchmark {entry.benchmark_id}, meeting {entry.meeting_id}: {entry.result or 'cleared'}")


def export_report(format: str, output: str | None, filters: Any) -> None:
    """``hrd export --format xlsx|cameo``: statements as an XLSX workbook, or CAMEO-coded events as CSV.

    ``filters`` are the store's :class:`~hrd.store.exports.ExportFilters`; the
    workbook has the columns of the statements CSV, the events come from the
    dialogue series (review state applied).
    """
    from ..report.exports import cameo_csv, cameo_events, statements_xlsx
    from ..store.exports import records
    from ..store.tracking import SeriesFilter, load_series

    if format == "xlsx":
        data = _read(lambda s: statements_xlsx(records(filters=filters, session=s)))
        what = "statements workbook"
    else:
        chosen = SeriesFilter(filters.partner, filters.kind, filters.since, filters.until)
        events = _read(lambda s: cameo_events(load_series(session=s, filters=chosen)))
        data = cameo_csv(events).encode("utf-8")
        what = f"{len(events)} events"
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    Path(output).write_bytes(data)
    err.print(f"{what} written to {output}", markup=False)


app.command("brief")(brief)
app.add_typer(followup_app, name="followup")
app.add_typer(benchmark_app, name="benchmark")
