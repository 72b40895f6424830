from __future__ import annotations

from hrd.store.meeting_view import Segment, evidence_segments


def test_segments_cover_the_text_in_order() -> None:
    text = "One. Two three. Four."
    segments = evidence_segments(text, [(1, (5, 15)), (2, (10, 21))])
    assert "".join(s.text for s in segments) == text
    assert segments == [
        Segment("One. "),
        Segment("Two t", (1,), (1,)),
        Segment("hree.", (1, 2), (2,)),
        Segment(" Four.", (2,)),
    ]


def test_bad_or_missing_spans_are_ignored() -> None:
    text = "abc"
    assert evidence_segments(text, [(1, None), (2, (2, 9)), (3, (2, 2))]) == [Segment("abc")]
    assert evidence_segments("", []) == []


def test_same_start_for_two_statements() -> None:
    segments = evidence_segments("abcdef", [(1, (0, 3)), (2, (0, 6))])
    assert segments[0] == Segment("abc", (1, 2), (1, 2))
    assert segments[1] == Segment("def", (2,), ())
