"""The view queries on every backend, over the hand-written web fixtures (``loaded``, see conftest)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from hrd.store.engine import read
from hrd.store.meeting_view import document_detail, meeting_detail, review_queue
from hrd.store.overview import list_partners, recent_documents, totals
from hrd.store.views import list_meetings, meetings_of_documents


def test_totals_and_partners(loaded: Engine) -> None:
    t = read(loaded, lambda s: totals(session=s))
    assert (t.partners, t.meetings, t.documents, t.statements, t.proposed) == (2, 3, 4, 14, 14)
    page = read(loaded, lambda s: list_partners(session=s))
    assert [p.partner for p in page.data] == ["KZ", "MN"]
    kz = page.data[0]
    assert kz.last is not None and kz.last.ordinal == 12


def test_meeting_detail_reports_and_segments(loaded: Engine) -> None:
    meetings = read(loaded, lambda s: list_meetings(session=s, partner="KZ"))
    twelfth = next(m for m in meetings.data if m.ordinal == 12)
    detail = read(loaded, lambda s: meeting_detail(meeting_id=twelfth.meeting_id, session=s))
    assert len(detail.reports) == 2
    for report in detail.reports:
        assert report.text is not None
        assert "".join(seg.text for seg in report.segments) == report.text
        for st in report.statements:
            assert st.span is not None and st.text is not None
            assert report.text[st.span[0] : st.span[1]] == st.text
    assert [act for act, _ in detail.by_act()][:1] == ["concern"]
    assert detail.previous is not None and detail.previous.ordinal == 11


def test_documents_and_queue(loaded: Engine) -> None:
    docs = read(loaded, lambda s: recent_documents(session=s, limit=2))
    assert docs.count == 4 and len(docs.data) == 2
    detail = read(loaded, lambda s: document_detail(ref="mn-2020", session=s))
    assert [m.ordinal for m in detail.meetings] == [4]
    found = read(loaded, lambda s: meetings_of_documents([detail.document.id], session=s))
    assert [m.partner for m in found] == ["MN"]
    queue = read(loaded, lambda s: review_queue(session=s, limit=5))
    assert queue.count == 14
    assert [q.confidence for q in queue.data] == sorted(q.confidence or 1.0 for q in queue.data)
