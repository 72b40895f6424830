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


def test_a_hosted_conference_dated_by_a_range_of_days() -> None:
    body = (
        "Kazakhstan, which will host the COP31 climate conference in Ust-Kamenogorsk from 6 to 18 "
        "December, committed to an open civic space."
    )
    assert _events(body) == [("COP31 climate conference", dt.date(2020, 12, 6))]


def test_ahead_of_and_upcoming_events() -> None:
    body = (
        "Ahead of the EU-Central Asia summit in Samarkand on 3 April 2021, the EU recalled its "
        "support. The EU also referred to the upcoming constitutional referendum on 14 February. "
        "Kazakhstan is to host the regional donor conference on 20 January 2021."
    )
    assert _events(body) == [
        ("EU-Central Asia summit", dt.date(2021, 4, 3)),
        ("upcoming constitutional referendum", dt.date(2021, 2, 14)),
        ("regional donor conference", dt.date(2021, 1, 20)),
    ]


def test_review_and_election_forms() -> None:
    body = (
        "Kazakhstan will undergo its fourth Universal Periodic Review on 22 January 2021. "
        "Presidential elections, scheduled for 5 March 2021, were discussed. "
        "The EU looked forward to the general election to be held in Astana on 12/04/2021."
    )
    assert _events(body) == [
        ("fourth Universal Periodic Review", dt.date(2021, 1, 22)),
        ("Presidential elections", dt.date(2021, 3, 5)),
        ("general election", dt.date(2021, 4, 12)),
    ]


def test_a_month_alone_gives_a_null_date() -> None:
    assert _events("Kazakhstan will host the regional summit in March 2021.") == [("regional summit", None)]


def test_past_or_same_day_gatherings_and_undated_ones_make_no_event() -> None:
    body = (
        "A press conference was held in Brussels on 26 November. "
        "The EU recalled the summit held in Geneva on 3 March 2020. "
        "Kazakhstan will host a donor conference later this year."
    )
    assert _events(body) == []


def test_two_events_both_scheduled_for_one_day() -> None:
    body = (
        "Kazakhstan outlined its plans ahead of the presidential election and the referendum, both "
        "scheduled for 20 March 2021."
    )
    assert _events(body) == [
        ("presidential election", dt.date(2021, 3, 20)),
        ("referendum", dt.date(2021, 3, 20)),
    ]


def test_an_event_may_say_what_it_is_about() -> None:
    body = (
        "The EU discussed the presidential election and the referendum on the new constitution, "
        "both scheduled for 20 December."
    )
    assert _events(body) == [
        ("presidential election", dt.date(2020, 12, 20)),
        ("referendum on the new constitution", dt.date(2020, 12, 20)),
    ]


def test_what_it_is_about_is_never_its_date() -> None:
    assert _events("The summit on 3 December will be important.") == [("summit", dt.date(2020, 12, 3))]


def test_a_capitalised_noun_in_a_name() -> None:
    body = "The EU looked forward to the Leaders' Summit to be held in Almaty on 5 December."
    assert _events(body) == [("Leaders' Summit", dt.date(2020, 12, 5))]


def test_lower_case_modifiers_of_federal_states() -> None:
    body = "The EU looked forward to the federal and state elections scheduled for 14 December."
    assert _events(body) == [("federal and state elections", dt.date(2020, 12, 14))]


def test_a_session_of_a_body_and_a_conference_with_its_acronym_dated_in_a_relative_clause() -> None:
    body = (
        "Both sides looked forward to the 12th Ordinary Session of the Regional Commission on Human Rights, "
        "which will open in Nairobi on 3 March 2021. Kazakhstan presented its preparations for the UN Water "
        "Conference (WC21), which it will host in Astana from 10 to 12 May 2021."
    )
    assert _events(body) == [
        ("12th Ordinary Session of the Regional Commission on Human Rights", dt.date(2021, 3, 3)),
        ("UN Water Conference (WC21)", dt.date(2021, 5, 10)),
    ]


def test_games_are_an_event() -> None:
    body = "Ahead of the European Games, to be held in Almaty from 12 to 28 June 2021, the EU spoke."
    assert _events(body) == [("European Games", dt.date(2021, 6, 12))]


def test_a_review_by_a_body_is_dated() -> None:
    body = (
        "Ahead of Kazakhstan's review by the UN Committee against Torture on 6 December 2020, the EU spoke."
    )
    assert _events(body) == [("review by the UN Committee against Torture", dt.date(2020, 12, 6))]


def test_an_event_of_a_body_after_to_and_an_apposition_before_its_date() -> None:
    body = (
        "The EU looked forward to the early elections to the Mazhilis, the lower house of Parliament, "
        "scheduled for 17 January 2021."
    )
    assert _events(body) == [("early elections to the Mazhilis", dt.date(2021, 1, 17))]


def test_a_season_before_the_year() -> None:
    body = "They discussed the preparations for the parliamentary elections expected in the autumn of 2021."
    assert _events(body) == [("parliamentary elections", None)]


def test_a_meeting_of_another_series_with_a_place_and_a_date() -> None:
    body = "Both sides looked to the EU-Central Asia Ministerial Meeting in Samarkand on 10 November 2021."
    assert _events(body) == [("EU-Central Asia Ministerial Meeting", dt.date(2021, 11, 10))]


def test_summits_still_going_on_at_the_dateline() -> None:
    body = "The dialogue took place ahead of the 38th and 39th ASEAN Summits, scheduled for 26-28 November."
    assert _events(body) == [("38th and 39th ASEAN Summits", dt.date(2020, 11, 26))]
