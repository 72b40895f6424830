from __future__ import annotations

from hrd.extract.sections import sentence_meetings, sentences_with
from hrd.extract.state import Analysis, MeetingInfo, Sentence


def _doc(n: int, *sections: frozenset[int], header: int | None = None) -> Analysis:
    sentences = tuple(Sentence(i * 10, i * 10 + 9, "x" * 9, i, header=i == header) for i in range(n))
    meetings = tuple(
        MeetingInfo(kind="other", name=None, parties=("EU", "KZ"), sentences=section) for section in sections
    )
    return Analysis(text="x" * (n * 10), sentences=sentences, meetings=meetings)


def test_sections_give_the_meetings_and_header_lines_none() -> None:
    doc = _doc(5, frozenset({1, 2}), frozenset({3, 4}), header=0)
    assert sentence_meetings(doc) == ((), (0,), (0,), (1,), (1,))


def test_one_meeting_owns_every_body_sentence() -> None:
    assert sentence_meetings(_doc(3, frozenset({1}))) == ((0,), (0,), (0,))


def test_sentences_outside_sections_go_to_the_nearest_section_before_else_after() -> None:
    doc = _doc(6, frozenset({1}), frozenset({3}))
    assert sentence_meetings(doc) == ((0,), (0,), (0,), (1,), (1,), (1,))


def test_no_meetings_no_owners() -> None:
    assert sentence_meetings(_doc(2)) == ((), ())


def test_sentences_with_hits() -> None:
    doc = _doc(3, frozenset({0, 1, 2}))
    assert sentences_with(doc, [(12, 14), (25, 26), (29, 30)]) == {1, 2}
