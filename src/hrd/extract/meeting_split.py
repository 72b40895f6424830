"""Two meetings of one kind: "the Subcommittee on Human Rights" and "the Subcommittee on Justice and
Security", held on two days and reported in one readout.

:func:`split_same_kind` gives the mentions of such a kind a key of their own
("subcommittee/justice"), from the first word of the subject their name
gives after "on" ("Subcommittee on Justice and Security"). It splits a kind
only when two different subjects are each reported as held in the body. A
mention without a subject ("the Subcommittee") goes with the subject named
last before it (the first one when none is). The meetings stage works on the
keys; :func:`base_kind` gives the kind of the record back.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .meeting_mentions import Mention
from .state import MeetingInfo

__all__ = ["base_kind", "share_venue", "split_same_kind"]

_SUBJECT = re.compile(r"\bon\s+(?:the\s+)?([A-Za-z][\w-]*)")
_SEP = "/"


def base_kind(key: str) -> str:
    """The kind of a meeting key ("subcommittee/justice" -> "subcommittee")."""
    return key.split(_SEP, 1)[0]


def _subject(m: Mention) -> str | None:
    found = _SUBJECT.search(m.name)
    return found.group(1).lower() if found else None


def split_same_kind(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the kind of two differently named meetings of one kind split into keys."""
    held: dict[str, list[str]] = {}
    for m in mentions:
        subject = _subject(m)
        if subject and m.strong and m.held and not (m.header or m.negated or m.dependent):
            subjects = held.setdefault(m.kind, [])
            if subject not in subjects:
                subjects.append(subject)
    split = {kind: subjects for kind, subjects in held.items() if len(subjects) > 1}
    if not split:
        return mentions
    out: list[Mention] = []
    last: dict[str, str] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        keys = split.get(m.kind)
        if keys is None:
            out.append(m)
            continue
        subject = _subject(m)
        if subject in keys and not m.header:
            last[m.kind] = subject
        key = subject if subject in keys and not m.header else last.get(m.kind, keys[0])
        out.append(replace(m, kind=f"{m.kind}{_SEP}{key}"))
    return out


def share_venue(meetings: list[MeetingInfo]) -> list[MeetingInfo]:
    """Two meetings of one kind held together share a venue: one whose text gives none takes the
    other's ("met in Amman for two meetings ... On the following day, the Subcommittee on X met")."""
    out = list(meetings)
    for i, m in enumerate(out):
        if m.format is not None or m.city is not None or m.country is not None:
            continue
        placed = [x for x in out if x.kind == m.kind and (x.city or x.country or x.format == "online")]
        sibling = next((x for x in placed if x is not m), None)
        if sibling is not None:
            out[i] = replace(m, format=sibling.format, city=sibling.city, country=sibling.country)
    return out
