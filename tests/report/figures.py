"""Check the figures of a Markdown briefing note against independent SQL queries on the database.

Nothing here uses the tracker or the store's query code: the expected figures
come from plain SQL over the tables (latest document versions, statements
not rejected), the rules of what counts restated in a few lines.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from hrd.codes import acts, topics

KIND_NAMES = {
    "human-rights-dialogue": "Human Rights Dialogue",
    "subcommittee": "Subcommittee",
    "cooperation-committee": "Cooperation Committee",
    "cooperation-council": "Cooperation Council",
    "consultations": "Human Rights Consultations",
    "other": "Other meetings",
}
KIND_ORDER = list(KIND_NAMES)
MAX_CONCERNS = 12  # the note lists the 12 longest current streaks
TOPIC = {t.code: t.label for t in topics()}
ACT = {a.code: a.label for a in acts()}

VISIBLE = """
    SELECT st.id AS sid, st.actor, st.act, m.id AS mid, se.kind, d.key AS doc
    FROM statements st
    JOIN meeting_reports r ON r.id = st.report_id
    JOIN documents d ON d.id = r.document_id
    JOIN meetings m ON m.id = r.meeting_id
    JOIN series se ON se.id = m.series_id
    WHERE d.latest = :yes AND st.state <> 'rejected' AND se.partner = :partner
"""


def _date(day: dt.date | None) -> str:
    return day.strftime("%-d %B %Y") if day else "date not reported"


@dataclass
class Facts:
    """What the database says about one partner, by plain SQL."""

    rounds: dict[str, list[tuple[int, int | None, dt.date | None]]]  # kind -> (meeting, ordinal, start)
    statements: dict[int, list[tuple[int, str, str, str]]]  # meeting -> (id, actor, act, doc)
    topics: dict[int, list[str]]  # statement -> topics
    documents: dict[int, list[str]]  # meeting -> document keys
    cases: dict[int, bool]
    names: dict[int, str]

    def raised(self, mid: int) -> set[str]:
        out: set[str] = set()
        for sid, actor, act, _ in self.statements.get(mid, []):
            ts = self.topics.get(sid, [])
            if actor == "EU" and (
                act in ("concern", "call") or (act == "raise" and "individual-cases" in ts)
            ):
                out.update(ts)
        return out


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def facts(conn: Connection, partner: str) -> Facts:
    args = {"partner": partner, "yes": True}
    rounds: dict[str, list[tuple[int, int | None, dt.date | None]]] = defaultdict(list)
    documents: dict[int, list[str]] = defaultdict(list)
    cases: dict[int, bool] = defaultdict(bool)
    names: dict[int, str] = {}
    for mid, kind, ordinal, start, key, raised, name in conn.execute(
        text(
            """SELECT m.id, se.kind, m.ordinal, m.start, d.key, r.cases_raised, r.name
               FROM meetings m JOIN series se ON se.id = m.series_id
               JOIN meeting_reports r ON r.meeting_id = m.id JOIN documents d ON d.id = r.document_id
               WHERE d.latest = :yes AND se.partner = :partner ORDER BY m.id, d.id, r.position"""
        ),
        args,
    ):
        if all(r[0] != mid for r in rounds[kind]):
            rounds[kind].append((mid, ordinal, _as_date(start)))
        if key not in documents[mid]:
            documents[mid].append(key)
        cases[mid] = cases[mid] or bool(raised)
        if name and mid not in names:
            names[mid] = name
    statements: dict[int, list[tuple[int, str, str, str]]] = defaultdict(list)
    for sid, actor, act, mid, _, doc in conn.execute(text(VISIBLE + " ORDER BY st.id"), args):
        statements[mid].append((sid, actor, act, doc))
    topic_rows: dict[int, list[str]] = defaultdict(list)
    for sid, topic in conn.execute(
        text(
            "SELECT t.statement_id, t.topic FROM statement_topics t WHERE t.statement_id IN "
            f"(SELECT sid FROM ({VISIBLE}) v) ORDER BY t.statement_id, t.position"
        ),
        args,
    ):
        topic_rows[sid].append(topic)
    return Facts(dict(rounds), dict(statements), dict(topic_rows), dict(documents), dict(cases), names)


def _ordered(
    rounds: list[tuple[int, int | None, dt.date | None]],
) -> list[tuple[int, int | None, dt.date | None]]:
    return sorted(rounds, key=lambda r: (r[2] or dt.date.max, r[1] if r[1] is not None else 1 << 30, r[0]))


def _round_name(ordinal: int | None, start: dt.date | None, name: str | None = None) -> str:
    name = f"round {ordinal}" if ordinal is not None else (name or "round")
    return f"{name} ({_date(start)})" if start else name


def _section(note: str, title: str) -> str:
    start = note.index(f"## {title}")
    end = note.find("\n## ", start + 3)
    return note[start : end if end != -1 else len(note)]


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value)


def check_note(note: str, conn: Connection, partner: str) -> int:
    """Assert that every figure of ``note`` matches the database; returns the number of figures checked."""
    f = facts(conn, partner)
    checked = 0
    kinds = sorted(f.rounds, key=KIND_ORDER.index)
    series_line = ", ".join(
        f"{KIND_NAMES[k]} ({len(f.rounds[k])} round{'s' if len(f.rounds[k]) != 1 else ''})" for k in kinds
    )
    assert f"Dialogue series: {series_line}." in note
    checked += len(kinds)
    main = kinds[0]
    last_id, last_ordinal, last_start = _ordered(f.rounds[main])[-1]
    last = _section(note, "1. The last round")
    assert f"{KIND_NAMES[main]}, {_round_name(last_ordinal, last_start, f.names.get(last_id))}" in _unescape(
        last
    )
    docs = f.documents[last_id]
    assert f"Reported by {len(docs)} document{'s' if len(docs) != 1 else ''}: {', '.join(docs)}" in _unescape(
        last
    )
    stated = f.statements.get(last_id, [])
    by_act = Counter(act for _, _, act, _ in stated)
    acts_text = "; ".join(
        f"{ACT.get(a, a)}: {n}" for a, n in sorted(by_act.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    assert f"- Statements: {len(stated)}" + (f" ({acts_text})" if stated else "") in last
    discussed = {t for sid, *_ in stated for t in f.topics.get(sid, [])}
    assert f"- Topics discussed: {len(discussed)}\n" in last
    raised = sorted(f.raised(last_id))
    raised_text = ", ".join(TOPIC.get(t, t) for t in raised) or "none"
    assert f"- Topics the EU raised (concern or call): {raised_text}\n" in _unescape(last)
    cases = f.cases.get(last_id, False) or "individual-cases" in discussed
    assert f"- Individual cases raised: {'yes' if cases else 'no'}" in last
    checked += 6 + len(by_act)
    checked += _check_recurring(note, f, kinds)
    statuses = {
        sid: status for sid, status in conn.execute(text("SELECT statement_id, status FROM followup_status"))
    }
    checked += _check_open_items(note, f, partner, statuses)
    checked += _check_provisions(note, conn, partner)
    checked += _check_upcoming(note, conn, partner)
    return checked


def _check_upcoming(note: str, conn: Connection, partner: str) -> int:
    """Dated events on or after the note's date, each once (by name and date), soonest first."""
    today = dt.datetime.strptime(re.search(r"Prepared on (.+?)\. ", note).group(1), "%d %B %Y").date()  # type: ignore[union-attr]
    seen: dict[tuple[str, dt.date], str] = {}
    for what, day in conn.execute(
        text(
            """SELECT e.what, e.date FROM events e JOIN meeting_reports r ON r.id = e.report_id
               JOIN documents d ON d.id = r.document_id JOIN meetings m ON m.id = r.meeting_id
               JOIN series se ON se.id = m.series_id
               WHERE d.latest = :yes AND se.partner = :partner AND e.date IS NOT NULL"""
        ),
        {"partner": partner, "yes": True},
    ):
        when = _as_date(day)
        if when is not None and when >= today:
            seen.setdefault((what.casefold(), when), what)
    section = _unescape(_section(note, "7. Upcoming events"))
    listed = re.findall(r"^- (.+?): (.+)$", section, re.M)
    expected = [
        (_date(when), what) for (_, when), what in sorted(seen.items(), key=lambda kv: (kv[0][1], kv[1]))
    ]
    assert listed == expected, (listed, expected)
    return len(expected) + 1


def _check_provisions(note: str, conn: Connection, partner: str) -> int:
    """Each provision at issue: the number of times the partner's visible statements cite it."""
    counts: Counter[tuple[str, str]] = Counter()
    for instrument, article in conn.execute(
        text(
            "SELECT p.instrument, p.article FROM statement_legal_refs l "
            "JOIN provisions p ON p.id = l.provision_id "
            f"WHERE l.statement_id IN (SELECT sid FROM ({VISIBLE}) v)"
        ),
        {"partner": partner, "yes": True},
    ):
        counts[(instrument.strip().casefold(), article or "")] += 1
    section = _unescape(_section(note, "4. Provisions at issue"))
    checked = 0
    for label, n in re.findall(r"^- \*\*(.+?)\*\*: of concern since .*?; cited (\d+) times?,", section, re.M):
        instrument, _, article = label.partition(", art. ")
        assert counts[(instrument.casefold(), article)] == int(n), (label, n)
        checked += 1
    if not checked:
        assert "No provision is currently at issue." in section
    return checked


def _check_recurring(note: str, f: Facts, kinds: list[str]) -> int:
    section = _unescape(_section(note, "2. Recurring concerns"))
    checked = 0
    for kind in kinds:
        rounds = [r for r in _ordered(f.rounds[kind]) if f.statements.get(r[0])]  # unreported rounds skipped
        per_round = [f.raised(r[0]) for r in rounds]
        found = []
        for topic in set().union(*per_round) if per_round else set():
            flags = [topic in raised for raised in per_round]
            streak = 0
            for hit in flags:
                streak = streak + 1 if hit else 0
            if streak == 0:
                continue
            first = rounds[flags.index(True)]
            last = rounds[len(flags) - 1 - flags[::-1].index(True)]
            words = (
                "raised in the last round only" if streak == 1 else f"raised in {streak} consecutive rounds"
            )
            row = (
                f"| {TOPIC.get(topic, topic)} | {words} | {sum(flags)} | "
                f"{_round_name(first[1], first[2], f.names.get(first[0]))} | "
                f"{_round_name(last[1], last[2], f.names.get(last[0]))} |"
            )
            order = list(TOPIC).index(topic) if topic in TOPIC else len(TOPIC)
            found.append(((-streak, -sum(flags), order, topic), row))
        for _, row in sorted(found)[:MAX_CONCERNS]:
            assert row in section, row
            checked += 4
        if rounds:
            checked += _check_latest(section, rounds, per_round, f)
    return checked


def _check_latest(
    section: str, rounds: list[tuple[int, int | None, dt.date | None]], per_round: list[set[str]], f: Facts
) -> int:
    """The line on the last reported round: topics new to the series, raised again, no longer raised."""
    last = per_round[-1]
    before = set().union(*per_round[:-1]) if len(per_round) > 1 else set()
    previous = per_round[-2] if len(per_round) > 1 else set()

    def names(codes: set[str]) -> str:
        return ", ".join(TOPIC.get(c, c) for c in sorted(codes)) or "none"

    mid, ordinal, start = rounds[-1]
    line = (
        f"In {_round_name(ordinal, start, f.names.get(mid))}: new {names(last - before)}; "
        f"raised again after a pause {names((last & before) - previous)}; "
        f"no longer raised {names(previous - last)}."
    )
    assert line in section, line
    return 3


def _check_open_items(note: str, f: Facts, partner: str, statuses: dict[int, str]) -> int:
    """Calls of the EU and commitments of the partner (or both sides), less the fulfilled and dropped."""
    items = [
        sid
        for kind in f.rounds
        for mid, *_ in f.rounds[kind]
        for sid, actor, act, _ in f.statements.get(mid, [])
        if (act == "call" and actor == "EU") or (act == "commit" and actor in (partner, "both"))
    ]
    open_items = [sid for sid in items if statuses.get(sid, "open") in ("open", "progressing")]
    section = _section(note, "3. Open follow-up items")
    if open_items:
        n = len(open_items)
        assert f"{n} open item{'s' if n != 1 else ''}; " in section
        rows = [line for line in section.splitlines() if line.startswith(("| STALE | ", "|  | "))]
        assert len(rows) == n
    else:
        assert "No open follow-up items." in section
    return 1
