"""Tests of the dates stage on small hand-written texts."""

from __future__ import annotations

import datetime as dt

import pytest

from hrd.extract import dates, segment
from hrd.extract.state import Analysis

D = dt.date


def _run(text: str, hint: dt.date | None = None) -> Analysis:
    return dates.run(segment.run(Analysis(text=text, published_hint=hint)))


def _spans(text: str, ref: dt.date | None = D(2020, 11, 27)) -> list[tuple[str, dt.date, dt.date]]:
    return [(text[m.start : m.end], m.first, m.last) for m in dates.find_dates(text, ref)]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Title\n\n27.11.2020\nBrussels\n\nBody text here.", D(2020, 11, 27)),
        ("Title\n\nBrussels, 02/12/2020\n\nBody text here.", D(2020, 12, 2)),
        ("Title\n\nBrussels, 18 November 2014\n\nBody text here.", D(2014, 11, 18)),
        ("Title\n\nCOLOMBO, October 4, 2021 - The two sides met in 2020.", D(2021, 10, 4)),
    ],
)
def test_dateline(header: str, expected: dt.date) -> None:
    assert _run(header).published == expected


def test_hint_is_used_without_dateline_and_dateline_wins() -> None:
    assert _run("Title\n\nThe sides met on 3 May.", hint=D(2019, 5, 6)).published == D(2019, 5, 6)
    assert _run("Title\n\nBrussels, 07.05.2019\n\nThey met.", hint=D(2019, 5, 6)).published == D(2019, 5, 7)


def test_ranges() -> None:
    assert _spans("On 26-27 November 2020 they met.") == [
        ("26-27 November 2020", D(2020, 11, 26), D(2020, 11, 27))
    ]
    assert _spans("on 26 and 27 November") == [("26 and 27 November", D(2020, 11, 26), D(2020, 11, 27))]
    assert _spans("From June 13 to 17 they met.", D(2021, 6, 20)) == [
        ("June 13 to 17", D(2021, 6, 13), D(2021, 6, 17))
    ]
    assert _spans("from 30 November to 1 December 2020") == [
        ("30 November to 1 December 2020", D(2020, 11, 30), D(2020, 12, 1))
    ]
    assert _spans("on October 25-26", D(2018, 10, 26)) == [
        ("October 25-26", D(2018, 10, 25), D(2018, 10, 26))
    ]


def test_single_days() -> None:
    assert _spans("on 18.11.2014 and on June 11", D(2015, 6, 15)) == [
        ("18.11.2014", D(2014, 11, 18), D(2014, 11, 18)),
        ("June 11", D(2015, 6, 11), D(2015, 6, 11)),
    ]
    assert _spans("the 3rd of March 2021") == [("3rd of March 2021", D(2021, 3, 3), D(2021, 3, 3))]


def test_weekday_with_date_in_brackets_takes_the_date() -> None:
    assert _spans("met on Thursday (24 September).", D(2020, 9, 25)) == [
        ("24 September", D(2020, 9, 24), D(2020, 9, 24))
    ]


def test_weekday_alone_is_the_last_such_day_on_or_before_the_dateline() -> None:
    # 27 November 2020 was a Friday.
    assert _spans("They met on Friday.") == [("Friday", D(2020, 11, 27), D(2020, 11, 27))]
    assert _spans("They met on Wednesday.") == [("Wednesday", D(2020, 11, 25), D(2020, 11, 25))]


def test_today_and_yesterday() -> None:
    assert _spans("Brussels hosted today the meeting; yesterday it rained.") == [
        ("today", D(2020, 11, 27), D(2020, 11, 27)),
        ("yesterday", D(2020, 11, 26), D(2020, 11, 26)),
    ]


def test_missing_year_is_the_nearest_to_the_dateline() -> None:
    assert _spans("elections on 10 January", D(2020, 11, 27)) == [
        ("10 January", D(2021, 1, 10), D(2021, 1, 10))
    ]
    assert _spans("the meeting on 20 December", D(2021, 1, 5)) == [
        ("20 December", D(2020, 12, 20), D(2020, 12, 20))
    ]


def test_month_and_year_only() -> None:
    assert _spans("the elections held in March 2015 and the next round in 2021") == [
        ("March 2015", D(2015, 3, 1), D(2015, 3, 31)),
        ("2021", D(2021, 1, 1), D(2021, 12, 31)),
    ]


def test_no_dates_in_numbers_and_words() -> None:
    assert _spans("Article 274 and Articles 131 and 378; we may meet; 20 per cent; €8 million.") == []


def test_without_reference_year_less_dates_are_dropped() -> None:
    assert _spans("on 26 November and on Friday", None) == []


def test_without_dateline_or_hint_the_latest_full_date_is_the_reference() -> None:
    doc = _run("Title\n\nThe dialogue of 3 March 2021 was followed on 4 March by a seminar.")
    assert doc.published is None
    assert [(m.first, m.year_given) for m in doc.dates] == [(D(2021, 3, 3), True), (D(2021, 3, 4), False)]


def test_numeric_with_hyphens_needs_a_full_year() -> None:
    assert _spans("on 08-10-2021 and on 26-27 November") == [
        ("08-10-2021", D(2021, 10, 8), D(2021, 10, 8)),
        ("26-27 November", D(2020, 11, 26), D(2020, 11, 27)),
    ]


def test_anchor_starts_are_the_anchor_pattern_matches() -> None:
    import random

    from hrd.extract.dates import _ANCHOR, _anchor_starts

    words = ["today", "this morning", "earlier today", "yesterday", "Sunday", "Sundayesterday", "May", "12"]
    words += ["Dec", "earlier", "this", "x", "t"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(1, 8)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _anchor_starts(text, start, end) == [m.start() for m in _ANCHOR.finditer(text, start, end)]


def test_a_date_in_other_digits_after_a_weekday_is_still_read() -> None:
    import datetime as dt

    from hrd.extract.dates import find_dates

    found = list(find_dates("Talks on Monday \u0663/\u0664/\u0662\u0661 went", dt.date(2021, 4, 10)))
    assert [(m.start, m.first) for m in found] == [(9, dt.date(2021, 4, 5)), (16, dt.date(2021, 4, 3))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day, a month name, a weekday or a relative word starts a date only where no letter or
        # digit stands before it ("x5", "A10", "B2019", "TheJune", "UnFriday", "notoday").
        ("On x5 June 2020 and on 7 June 2020.", ["June 2020", "7 June 2020"]),
        ("Ref A10.11.2020, met 10.11.2020.", ["10.11.2020"]),
        ("Code B2019-05-06 and 2019-05-06.", ["2019-05-06"]),
        ("TheJune 3, 2020 text; June 3, 2020.", ["2020", "June 3, 2020"]),
        ("UnFriday or Friday", ["Friday"]),
        ("notoday but today", ["today"]),
        # A bare year only needs no digit, '.', '/' or '-' before it.
        ("in2019 and 1919x", ["2019", "1919"]),
    ],
)
def test_dates_start_at_word_starts(text: str, expected: list[str]) -> None:
    assert [found for found, _, _ in _spans(text)] == expected


def test_a_numeric_range_of_days() -> None:
    assert _spans("held on 14-15.03.2022 in Quito") == [("14-15.03.2022", D(2022, 3, 14), D(2022, 3, 15))]
    assert _spans("held on 14/15.03.2022") == [("14/15.03.2022", D(2022, 3, 14), D(2022, 3, 15))]


def test_a_closing_dateline_after_the_text() -> None:
    text = "Title\n\nThe two sides met on 16 November in Strelsau.\n\nStrelsau\nNovember 17, 2023\n"
    assert _run(text).published == D(2023, 11, 17)
    assert _run("Title\n\nThe two sides met on 16 November 2023 in Strelsau.\n").published is None


def test_a_dateline_after_an_agency_tag() -> None:
    assert _run("Title\n\n(MOFA) - On 26 August 2024, the two sides met in Hanoi.").published == D(
        2024, 8, 26
    )


def test_a_dateline_with_a_district_after_the_city() -> None:
    assert _run("Title\n\nTegucigalpa, M.D.C., 14 June 2023. The parties met.").published == D(2023, 6, 14)


def test_a_labelled_publication_date_near_the_top() -> None:
    text = (
        "Press release\nTitle of the release\nThe Minister met the delegation, held in London.\n\n"
        "Published: 14 June 2016\n\nThe round took place on 13 June.\n"
    )
    assert _run(text).published == D(2016, 6, 14)


def test_the_following_day_is_the_day_after_the_last_day_written() -> None:
    text = "Title\n\nBrussels, 25.05.2023\n\nThe Dialogue met on 23 May and, on the following day, more.\n"
    days = [(text[m.start : m.end], m.first) for m in _run(text).dates]
    assert ("the following day", D(2023, 5, 24)) in days


def test_weekdays_inside_a_range_and_a_following_day_a_section_later() -> None:
    assert _spans("They met on Tuesday 8 and Wednesday 9 October 2019.") == [
        ("8 and Wednesday 9 October 2019", D(2019, 10, 8), D(2019, 10, 9))
    ]
    filler = "The EU raised the situation of human rights defenders in detail. " * 8
    head = "Title\n\nBrussels, 25.05.2023\n\nThe Dialogue met on 23 May.\n\n"
    text = f"{head}{filler}\n\nOn the following day, X.\n"
    days = [(text[d.start : d.end], d.first) for d in _run(text).dates]
    assert ("the following day", D(2023, 5, 24)) in days


def test_two_weekdays_are_a_range_before_the_reference_day() -> None:
    assert _spans("Officials met on Monday and Tuesday in Cairo.", D(2022, 7, 6)) == [
        ("Monday and Tuesday", D(2022, 7, 4), D(2022, 7, 5))
    ]
