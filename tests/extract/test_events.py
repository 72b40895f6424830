"""Tests of the events stage on small hand-written readouts."""

from __future__ import annotations

import datetime as dt

from hrd.extract import dates, events, meetings, places, segment
from hrd.extract.state import Analysis

HEAD = (
    "Title\n\nBrussels, 27.11.2020\n\nThe EU and Kazakhstan held their 12th Human Rights Dialogue "
    "online on 26 November.\n\n"
)


def _events(body: str) -> list[tuple[str, dt.date | None]]:
    doc = Analysis(text=HEAD + body)
    for stage in (segment, dates, places, meetings, events):
        doc = stage.run(doc)
    return [(e.what, e.date) for e in doc.events]


def test_dated_elections() -> None:
    body = "The EU looks forward to parliamentary elections scheduled to take place on 10 January 2021."
    assert _events(body) == [("parliamentary elections", dt.date(2021, 1, 10))]


def test_modifiers_and_missing_year() -> None:
    body = "Ahead of the parliamentary and local elections of 19 March, the EU called for a fair vote."
    assert _events(body) == [("parliamentary and local elections", dt.date(2021, 3, 19))]


def test_date_before_the_event() -> None:
    assert _events("The EU discussed the 20 December referendum.") == [("referendum", dt.date(2020, 12, 20))]


def test_year_only_gives_a_null_date_and_next_year_no_event() -> None:
    assert _events("The presidential election in 2022 was discussed.") == [("presidential election", None)]
    assert _events("The presidential election next year was discussed.") == []


def test_past_events_are_not_upcoming() -> None:
    assert _events("The EU regretted shortcomings in the elections held on 1 March 2020.") == []


def test_no_event_without_meeting() -> None:
    doc = Analysis(text="Title\n\nBrussels, 27.11.2020\n\nElections will take place on 10 January 2021.")
    for stage in (segment, dates, places, meetings, events):
        doc = stage.run(doc)
    assert doc.events == ()
