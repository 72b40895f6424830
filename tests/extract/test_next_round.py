"""Tests of the next_round stage on small hand-written readouts."""

from __future__ import annotations

import datetime as dt

from hrd.extract import dates, meetings, next_round, places, segment
from hrd.extract.state import Analysis, NextInfo

TWO = (
    "Title\n\nBrussels, 27.11.2020\n\nOn 26-27 November 2020 the EU and Kazakhstan held their 12th "
    "Human Rights "
    "Dialogue and 18th Subcommittee on Justice and Home Affairs.\n\n"
)
ONE = (
    "Title\n\nBrussels, 18 November 2014\n\nThe EU and Uzbekistan met in Brussels for their 8th "
    "Human Rights Dialogue.\n\n"
)


def _next(text: str) -> list[NextInfo | None]:
    doc = Analysis(text=text)
    for stage in (segment, dates, places, meetings, next_round):
        doc = stage.run(doc)
    return [m.next for m in doc.meetings]


def test_next_dialogue_and_subcommittee_city_and_year() -> None:
    body = "The next Human Rights dialogue and Subcommittee will be held in Nur-Sultan in 2021."
    info = NextInfo(city="Nur-Sultan", country="KZ", year=2021)
    assert _next(TWO + body) == [info, info]


def test_next_round_in_a_country() -> None:
    body = "The two sides expect to hold the next round in Uzbekistan in 2015."
    assert _next(ONE + body) == [NextInfo(city=None, country="UZ", year=2015)]


def test_later_ordinal_with_a_date() -> None:
    body = "The 9th Human Rights Dialogue will take place in Tashkent on 3 June 2015."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015, date=dt.date(2015, 6, 3))]


def test_next_year() -> None:
    body = "The next round will be held in Brussels next year."
    assert _next(ONE + body) == [NextInfo(city="Brussels", country="BE", year=2015)]


def test_next_session_of_another_body_is_not_next() -> None:
    body = (
        "Progress will be reviewed at the next session of the EU-Uzbekistan Cooperation Council, due "
        "next year."
    )
    assert _next(ONE + body) == [None]


def test_nothing_scheduled() -> None:
    assert _next(ONE + "The EU raised individual cases.") == [None]


def test_a_season_counts_from_the_dateline() -> None:
    # ONE is dated 18 November 2014: the winter starts later this year, the spring next year.
    body = "Both sides agreed that the next round would be held in Tashkent in the winter."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2014)]
    body = "Both sides agreed that the next round would be held in Tashkent in the spring."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_meetings_held_again_name_their_next_round() -> None:
    info = NextInfo(city="Brussels", country="BE", year=2021)
    assert _next(TWO + "Both meetings will be held again in Brussels in 2021.") == [info, info]
    assert _next(ONE + "The two sides agreed to meet again in Brussels in 2015.") == [
        NextInfo(city="Brussels", country="BE", year=2015)
    ]
    assert _next(ONE + "The delegations met again in the afternoon.") == [None]


def test_a_later_round_named_by_its_rank() -> None:
    assert _next(ONE + "The sides agreed to hold the ninth round in Tashkent in 2015.") == [
        NextInfo(city="Tashkent", country="UZ", year=2015)
    ]


def test_both_meetings_will_both_be_held() -> None:
    info = NextInfo(city="Brussels", country="BE", year=2021)
    body = "The next Human Rights Dialogue and the next Subcommittee will both be held in Brussels in 2021."
    assert _next(TWO + body) == [info, info]


def test_the_next_round_of_the_sub_group_in_lower_case() -> None:
    body = "The next round of the sub-group is due to take place in Tashkent in 2015."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_the_next_consultations() -> None:
    body = "The next Consultations are to be held in Tashkent in 2015."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_the_next_session_of_a_capitalised_body_is_another_series() -> None:
    body = "The next session of the Sub-Committee on Prevention of Torture will be held in Geneva in 2015."
    assert _next(ONE + body) == [None]


def test_a_later_round_that_is_to_take_place() -> None:
    body = "The ninth round is to take place in Tashkent in 2015."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_would_take_place_and_will_hold_schedule_a_round() -> None:
    body = "It was agreed that the ninth round would take place in Tashkent in 2015."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]
    body = "Uzbekistan and the EU will hold the ninth session of the Dialogue in Tashkent in 2015."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_the_second_round_of_an_election_is_no_next_round() -> None:
    first = ONE.replace("8th", "first")
    body = "It hoped the second round of the presidential vote in Tashkent in 2015 would take place calmly."
    assert _next(first + body) == [None]
    body = "The EU hoped that the second round in Tashkent in 2015 would take place calmly."
    assert _next(first + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_looking_forward_to_holding_the_next_meeting() -> None:
    body = "Both sides look forward to holding the 9th Dialogue in Tashkent in 2015."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_agreed_to_do_something_and_to_hold_the_next_round() -> None:
    body = "They agreed to continue the joint programme and to hold the next dialogue in Tashkent in 2015."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_a_later_policy_dialogue_by_its_ordinal() -> None:
    text = (
        "3rd EU-ASEAN Policy Dialogue on Human Rights\n\nBrussels, 9 November 2019\n\n"
        "The EU and ASEAN held their third Policy Dialogue on Human Rights in Brussels on 8 November.\n\n"
        "The fourth Policy Dialogue will take place in Jakarta in 2021.\n"
    )
    assert _next(text) == [NextInfo(city="Jakarta", country="ID", year=2021)]


def test_next_year_is_no_next_round_of_a_series_that_meets_again() -> None:
    body = "The subcommittee is expected to meet again in Brussels next year."
    assert _next(ONE + body) == [NextInfo(city="Brussels", country="BE", year=2015)]


def test_a_next_round_in_a_box_of_key_facts() -> None:
    body = "KEY FACTS\nDate: 17 November 2014\nNext dialogue: Tashkent, 2015\n\nThe talks were open."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]


def test_a_next_round_with_dotted_leaders_and_one_to_celebrate_in_a_city() -> None:
    body = "Next round .. Tashkent, 2015\n\nThe talks were open."
    assert _next(ONE + body) == [NextInfo(city="Tashkent", country="UZ", year=2015)]
    body = "The sides agreed to celebrate the 9th Dialogue in the city of Brussels, in the year 2016."
    assert _next(ONE + body) == [NextInfo(city="Brussels", country="BE", year=2016)]
