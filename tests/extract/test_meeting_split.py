"""Two meetings of one kind in one readout (hand-written readouts)."""

from __future__ import annotations

import datetime as dt

from hrd.extract import dates, delegations, meetings, next_round, places, segment
from hrd.extract.meeting_split import base_kind
from hrd.extract.state import Analysis

TWO_SUBCOMMITTEES = """EU and Paraguay hold two subcommittees

Asunción, 10/10/2019

The European Union and Paraguay met in Asunción on Tuesday 8 and Wednesday 9 October 2019 for two \
meetings of the subcommittees of their agreement.

Subcommittee on Human Rights and Governance

The fourth meeting of the Subcommittee on Human Rights and Governance, held on 8 October, was \
co-chaired by Ms Ana Ruiz, Ambassador of the European Union to Paraguay, and by Mr Hugo Benítez, \
Director-General for Human Rights at the Ministry of Foreign Affairs.

The EU raised the death penalty.

Subcommittee on Trade and Sustainable Development

On the following day, the Subcommittee on Trade and Sustainable Development met under the \
chairmanship of Mr Jan Novak, Director at the European Commission, and Ms Rosa Almirón, \
Vice-Minister of Trade.

The next meetings of both subcommittees will take place in Brussels in 2020.
"""


def _run(text: str) -> Analysis:
    doc = Analysis(text=text)
    for stage in (segment, dates, places, meetings, delegations, next_round):
        doc = stage.run(doc)
    return doc


def test_two_subcommittees_on_two_subjects_are_two_meetings_with_their_own_days_and_heads() -> None:
    first, second = _run(TWO_SUBCOMMITTEES).meetings
    assert (first.kind, second.kind) == ("subcommittee", "subcommittee")
    assert first.name == "Subcommittee on Human Rights and Governance"
    assert second.name == "Subcommittee on Trade and Sustainable Development"
    assert (first.ordinal, second.ordinal) == (4, None)
    assert (first.start, second.start) == (dt.date(2019, 10, 8), dt.date(2019, 10, 9))
    assert [h.name for h in first.heads] == ["Ana Ruiz", "Hugo Benítez"]
    assert [h.name for h in second.heads] == ["Jan Novak", "Rosa Almirón"]
    assert (second.city, second.format) == (first.city, first.format) == ("Asunción", "in-person")
    assert first.next is not None and second.next is not None
    assert (second.next.city, second.next.year) == ("Brussels", 2020)


def test_one_subcommittee_named_twice_is_one_meeting() -> None:
    text = TWO_SUBCOMMITTEES.replace("Trade and Sustainable Development", "Human Rights and Governance")
    (only,) = _run(text).meetings
    assert only.kind == "subcommittee"


def test_base_kind() -> None:
    assert base_kind("subcommittee/human") == "subcommittee"
    assert base_kind("human-rights-dialogue") == "human-rights-dialogue"
