"""The day-picking helpers of the meetings stage, on hand-written sentences."""

from __future__ import annotations

import datetime as dt

from hrd.extract.meeting_dates import is_dateline, plausible
from hrd.extract.state import DateMention

D = dt.date


def test_a_dateline_opens_its_sentence_and_on_a_weekday_is_no_dateline() -> None:
    text = "Brussels, 27.11.2020 The EU and Ruritania met."
    assert is_dateline(text, 0, text.index("27"))
    text = "On Wednesday, 17 November, the EU and Ruritania met."
    assert not is_dateline(text, 0, text.index("17"))


def test_a_plausible_meeting_day_is_at_most_a_few_days_long_and_not_after_the_dateline() -> None:
    day = DateMention(0, 5, D(2020, 11, 26), D(2020, 11, 26))
    assert plausible(D(2020, 11, 27), day)
    assert not plausible(D(2020, 10, 1), day)  # after the dateline
    assert not plausible(D(2021, 11, 27), day)  # a year before: another round
    assert plausible(D(2021, 11, 27), day, days_before=730)
    month = DateMention(0, 5, D(2020, 11, 1), D(2020, 11, 30))
    assert not plausible(D(2020, 11, 30), month)
