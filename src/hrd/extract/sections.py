"""Which meetings each sentence reports on, from the meetings' sections.

The meetings stage gives each meeting the indices of the sentences of its
section (``MeetingInfo.sentences``). Stages that attribute findings to
meetings (cases, money) read them through :func:`sentence_meetings`, which
also places body sentences outside every section: with one meeting they
belong to it, with several to the meeting of the nearest section before
them (else after them). Header lines belong to no meeting.
"""

from __future__ import annotations

import bisect

from .state import Analysis

__all__ = ["sentence_meetings", "sentences_with"]


def sentence_meetings(doc: Analysis) -> tuple[tuple[int, ...], ...]:
    """For each sentence of ``doc``, the indices of the meetings it belongs to."""
    n = len(doc.sentences)
    owners: list[list[int]] = [[] for _ in range(n)]
    for mi, meeting in enumerate(doc.meetings):
        for si in sorted(meeting.sentences):
            if 0 <= si < n:
                owners[si].append(mi)
    out: list[tuple[int, ...]] = []
    for si, sentence in enumerate(doc.sentences):
        if sentence.header or not doc.meetings:
            out.append(())
        elif owners[si]:
            out.append(tuple(owners[si]))
        elif len(doc.meetings) == 1:
            out.append((0,))
        else:
            out.append(_nearest(owners, si))
    return tuple(out)


def _nearest(owners: list[list[int]], si: int) -> tuple[int, ...]:
    for j in range(si - 1, -1, -1):
        if owners[j]:
            return (owners[j][-1],)
    for j in range(si + 1, len(owners)):
        if owners[j]:
            return (owners[j][0],)
    return (0,)


def sentences_with(doc: Analysis, hits: list[tuple[int, int]]) -> set[int]:
    """Indices of the sentences of ``doc`` that contain the start of one of ``hits`` (text spans)."""
    starts = [s.start for s in doc.sentences]
    out: set[int] = set()
    for a, _ in hits:
        si = bisect.bisect_right(starts, a) - 1
        if si >= 0 and a < doc.sentences[si].end:
            out.add(si)
    return out
