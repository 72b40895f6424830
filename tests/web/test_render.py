from __future__ import annotations

import datetime as dt

from hrd.store.views import RoundBrief
from hrd.web.render import country_name, environment, round_label


def test_country_names() -> None:
    assert country_name("KZ") == "Kazakhstan"
    assert country_name("KZ+MN") == "Kazakhstan and Mongolia"
    assert country_name("AUC") == "AUC"
    assert country_name(None) == ""


def test_round_label() -> None:
    brief = RoundBrief(1, "KZ", "human-rights-dialogue", 12, dt.date(2022, 11, 15), None)
    assert round_label(brief) == "12th human rights dialogue"
    assert round_label(RoundBrief(2, "KZ", "subcommittee", 21, None, None)) == "21st subcommittee"
    assert round_label(RoundBrief(3, "KZ", "subcommittee", 13, None, None)) == "13th subcommittee"
    assert round_label(RoundBrief(4, "KZ", "other", None, None, None)) == "Meeting"


def test_environment_escapes_strings() -> None:
    template = environment().from_string("{{ value }}")
    assert template.render(value="<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
