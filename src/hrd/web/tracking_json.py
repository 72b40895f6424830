"""JSON forms of the tracking views (the pages render the same values with templates).

Ids are the store's: ``meeting_id`` is ``meetings.id``, ``statement_id`` is
``statements.id`` (the tracker carries them as text; here they are numbers).
"""

from __future__ import annotations

from typing import Any

from ..track.progress import Change
from ..track.provisions import ProvisionHistory
from ..track.rounds import Provision, RoundRef, Subject, TrackedStatement
from ..track.views.benchmarks import BenchmarkView
from ..track.views.followup import BoardItem, FollowUpBoard
from ..track.views.tracking import PartnerTracking, ProvisionView, SeriesTracking

__all__ = ["benchmarks_json", "board_json", "provision_json", "tracking_json"]

JSON = dict[str, Any]


def _round(ref: RoundRef) -> JSON:
    return {
        "meeting_id": int(ref.meeting_id),
        "ordinal": ref.ordinal,
        "start": ref.start.isoformat() if ref.start else None,
        "label": ref.label,
    }


def _statement(s: TrackedStatement) -> JSON:
    return {
        "statement_id": int(s.id),
        "actor": s.actor,
        "act": s.act,
        "topics": list(s.topics),
        "legal_refs": [{"instrument": p.instrument, "article": p.article} for p in s.legal_refs],
        "text": s.text,
        "document": s.document_id,
    }


def _subject(subject: Subject) -> JSON:
    if isinstance(subject, Provision):
        return {"provision": {"instrument": subject.instrument, "article": subject.article}}
    return {"topic": subject}


def _change(c: Change) -> JSON:
    return {
        **_subject(c.subject),
        "direction": c.direction,
        "before": _round(c.before),
        "after": _round(c.after),
        "evidence_before": [_statement(s) for s in c.evidence_before],
        "evidence_after": [_statement(s) for s in c.evidence_after],
    }


def _series(t: SeriesTracking) -> JSON:
    rec = t.recurring
    return {
        "kind": t.series.kind,
        "rounds": [_round(r.ref) for r in t.series.rounds],
        "recurring": [
            {
                "topic": x.topic,
                "streak": x.streak,
                "longest": x.longest,
                "rounds_raised": [int(r.meeting_id) for r in x.rounds],
                "first": _round(x.first),
                "last": _round(x.last),
            }
            for x in rec.topics
        ],
        "per_round": [
            {
                "round": _round(c.round),
                "raised": sorted(c.topics),
                "new": sorted(c.new),
                "returning": sorted(c.returning),
                "dropped": sorted(c.dropped),
            }
            for c in rec.changes
        ],
        "changes": [_change(c) for c in t.changes],
        "both_sides": [
            {
                "round": _round(c.round),
                "eu_only_topics": sorted(c.eu.only_topics),
                "partner_only_topics": sorted(c.partner.only_topics),
                "eu_only_acts": sorted(list(a) for a in c.eu.only_acts),
                "partner_only_acts": sorted(list(a) for a in c.partner.only_acts),
            }
            for c in t.sides
        ],
    }


def _provision(h: ProvisionHistory, pid: int | None) -> JSON:
    return {
        "id": pid,
        "instrument": h.provision.instrument,
        "article": h.provision.article,
        "state": h.state,
        "since": _round(h.since),
        "citations": [
            {"round": _round(c.round), "kind": c.kind, "statement": _statement(c.statement)}
            for c in h.citations
        ],
    }


def tracking_json(view: PartnerTracking) -> JSON:
    return {
        "partner": view.partner,
        "series": [_series(t) for t in view.series],
        "provisions": [_provision(h, view.provision_id(h)) for h in view.provisions],
    }


def provision_json(view: ProvisionView) -> JSON:
    return {"partner": view.history.partner, **_provision(view.history, view.id)}


def _item(b: BoardItem) -> JSON:
    return {
        "statement_id": b.statement_id,
        "version": b.version,
        "kind": b.item.kind,
        "series": b.kind,
        "round": _round(b.item.round),
        "topics": list(b.item.topics),
        "provisions": [{"instrument": p.instrument, "article": p.article} for p in b.item.provisions],
        "text": b.item.text,
        "status": b.item.status,
        "note": b.item.note,
        "evidence": [int(e) for e in b.item.evidence],
        "rounds_open": b.rounds_open,
        "stale": b.stale,
        "set_by": b.current.who if b.current else None,
        "set_at": b.current.at.isoformat() if b.current else None,
        "suggestions": [
            {"signal": e.signal, "score": e.score, "round": _round(e.round), **_statement(e.statement)}
            for e in b.suggestions
        ],
    }


def board_json(board: FollowUpBoard) -> JSON:
    return {
        "partner": board.partner,
        "stale_after": board.stale_after,
        "items": [_item(b) for b in board.items],
    }


def benchmarks_json(views: list[BenchmarkView]) -> list[JSON]:
    out = []
    for v in views:
        b = v.status.benchmark
        current = v.status.current
        out.append(
            {
                "id": int(b.id),
                "partner": b.partner,
                "kind": b.kind,
                **_subject(b.subject),
                "change": b.change,
                "note": b.note,
                "current": current.result if current else None,
                "rounds": [
                    {
                        "round": _round(a.round),
                        "result": a.result,
                        "computed": a.computed,
                        "reason": a.reason,
                        "carried": a.carried,
                        "set_by_analyst": a.override is not None,
                        "evidence": [int(s.id) for s in a.evidence],
                    }
                    for a in v.status.history
                ],
                "history": [
                    {
                        "meeting_id": int(h.meeting_id),
                        "result": h.result,
                        "note": h.note,
                        "who": h.who,
                        "at": h.at.isoformat(),
                    }
                    for h in v.history
                ],
            }
        )
    return out
