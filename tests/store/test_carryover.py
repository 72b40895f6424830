"""A new version of a document keeps the reviews of the previous one where their words still stand."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.record import Statement
from hrd.store import review
from hrd.store.carryover import CARRIER, locate
from hrd.store.engine import read, write
from hrd.store.repo import Stored, get_record, store_document
from hrd.store.review import StatementEdit
from hrd.store.search import SearchQuery, search
from hrd.store.tables import HistoryRow, MeetingReport, StatementRow

from .samples import TEXT_KZ, document, kz_record, kz_statements, span

SOURCE = "https://example.org/kz-2020"
# The second version: a paragraph added at the top, the welcome sentence reworded.
TEXT_V2 = TEXT_KZ.replace(
    "Astana, 27 November 2020\n\n", "Astana, 27 November 2020\n\nUpdated on 30 November.\n\n"
)
TEXT_V2 = TEXT_V2.replace("Kazakhstan welcomed cooperation", "Kazakhstan appreciated cooperation")


def test_locate_takes_the_occurrence_nearest_to_where_the_words_were() -> None:
    text = "torture here. torture there. torture at the end."
    assert locate("torture", text, 0) == (0, 7)
    assert locate("torture", text, 16) == (14, 21)
    assert locate("torture", text, 100) == (29, 36)
    assert locate("flogging", text, 0) is None
    assert locate("", text, 0) is None


def _store(engine: Engine, text: str) -> Stored:
    statements = kz_statements(text) if text == TEXT_KZ else _v2_statements()
    record = kz_record(source=SOURCE, text=text, statements=statements)
    return write(
        engine,
        lambda s: store_document(document=document(text, SOURCE), record=record, extractor="t", session=s),
    )


def _v2_statements() -> list[Statement]:
    """What the extractor proposes for the second version (the same claims, new offsets and wording)."""
    a = "The EU expressed concern about torture in detention"
    b = "Kazakhstan appreciated cooperation on the rights of the child"
    c = "Both sides discussed freedom of expression and the death penalty"
    return [
        Statement(actor="EU", act="concern", topics=["torture"], text=a, span=span(TEXT_V2, a)),
        Statement(actor="KZ", act="welcome", topics=["children"], text=b, span=span(TEXT_V2, b)),
        Statement(actor="both", act="discuss", topics=["expression"], text=c, span=span(TEXT_V2, c)),
    ]


def _rows(engine: Engine, document_id: int) -> list[tuple[str, str, str, tuple[int, int] | None]]:
    """(state, act, text, span) of a version's statements, in order."""
    query = (
        select(StatementRow)
        .join(MeetingReport, MeetingReport.id == StatementRow.report_id)
        .where(MeetingReport.document_id == document_id)
        .order_by(StatementRow.position)
    )
    return read(
        engine,
        lambda s: [
            (r.state, r.act, r.text or "", (r.span_start, r.span_end) if r.span_start is not None else None)
            for r in s.scalars(query)
        ],
    )


def _ids(engine: Engine, document_id: int) -> dict[str, int]:
    """First words of each statement -> its id."""
    query = (
        select(StatementRow)
        .join(MeetingReport, MeetingReport.id == StatementRow.report_id)
        .where(MeetingReport.document_id == document_id)
    )
    return read(engine, lambda s: {" ".join((r.text or "").split()[:2]): r.id for r in s.scalars(query)})


def test_reviews_follow_their_words_to_the_new_version(engine: Engine) -> None:
    v1 = _store(engine, TEXT_KZ)
    ids = _ids(engine, v1.document_id)
    edited = StatementEdit(act="call", topics=["torture", "detention"])
    write(engine, lambda s: review.edit(statement_id=ids["The EU"], changes=edited, who="ana", session=s))
    write(engine, lambda s: review.confirm(statement_id=ids["Kazakhstan welcomed"], who="ben", session=s))
    write(engine, lambda s: review.reject(statement_id=ids["Both sides"], who="ana", session=s))

    v2 = _store(engine, TEXT_V2)
    assert (v2.version, v2.carried, v2.left) == (2, 2, 1)  # the confirmed welcome's words are gone
    eu, welcome, both = (
        "The EU expressed concern about torture in detention",
        "Kazakhstan appreciated cooperation on the rights of the child",
        "Both sides discussed freedom of expression and the death penalty",
    )
    assert _rows(engine, v2.document_id) == [
        ("edited", "call", eu, span(TEXT_V2, eu)),  # took the place of the proposal over the same words
        ("proposed", "welcome", welcome, span(TEXT_V2, welcome)),  # new words: to be reviewed
        ("rejected", "discuss", both, span(TEXT_V2, both)),  # not proposed again
    ]
    # The edit's topics came along, and who and when.
    record = read(engine, lambda s: get_record(ref=v2.document_id, session=s))
    first = record.meetings[0].statements[0]
    assert (first.act, first.topics) == ("call", ["torture", "detention"])
    assert TEXT_V2[first.span[0] : first.span[1]] == first.text  # type: ignore[index]
    assert [st.text for st in record.meetings[0].statements] == [eu, welcome]  # the rejected one is left out
    # The previous version keeps its own reviews.
    assert [state for state, *_ in _rows(engine, v1.document_id)] == ["edited", "confirmed", "rejected"]
    # Search shows the new version's reviewed values; the history says where each carried review came from.
    hits = read(engine, lambda s: search(SearchQuery("torture"), session=s)).statements
    assert [(h.act, h.state, h.document_id) for h in hits] == [("call", "edited", v2.document_id)]
    history = read(
        engine,
        lambda s: list(
            s.scalars(select(HistoryRow).where(HistoryRow.action == "carry").order_by(HistoryRow.id))
        ),
    )
    assert [(h.who, h.before["statement"], h.after["state"]) for h in history] == [  # type: ignore[index]
        (CARRIER, ids["The EU"], "edited"),
        (CARRIER, ids["Both sides"], "rejected"),
    ]


def test_a_first_version_and_an_unreviewed_document_carry_nothing(engine: Engine) -> None:
    v1 = _store(engine, TEXT_KZ)
    assert (v1.carried, v1.left) == (0, 0)
    v2 = _store(engine, TEXT_V2)
    assert (v2.carried, v2.left) == (0, 0)
    assert [state for state, *_ in _rows(engine, v2.document_id)] == ["proposed"] * 3


def test_an_added_statement_is_carried_when_its_words_remain(engine: Engine) -> None:
    v1 = _store(engine, TEXT_KZ)
    words = "called for investigations"
    added = Statement(actor="EU", act="call", topics=["torture"], text=words, span=span(TEXT_KZ, words))
    write(
        engine,
        lambda s: review.add(document=v1.document_id, meeting=0, statement=added, who="ana", session=s),
    )
    v2 = _store(engine, TEXT_V2)
    assert (v2.carried, v2.left) == (1, 0)
    assert _rows(engine, v2.document_id)[-1] == ("added", "call", words, span(TEXT_V2, words))
