from __future__ import annotations

from hrd.extract.regex_source import first_literals, required_any, required_literal, required_sets


def test_required_literal_reads_plain_characters_outside_groups() -> None:
    assert required_literal(r"\bthe bloc said\b") == "the bloc said"
    assert required_literal(r"\b(?:said|announced) in a (?:joint )?statement\b") == "statement"
    assert required_literal(r"\b(?:said|announced) in a (?:joint )?(?:statement|release)") == " in a "
    assert required_literal(r"\bEmbassy of\b", ignorecase=True) == "embassy of"


def test_required_literal_drops_optional_characters() -> None:
    assert required_literal(r"colou?r scheme") == "r scheme"
    assert required_literal(r"abcd*ef") == "abc"
    assert required_literal(r"x\.y\.z{2}") == "x.y."


def test_required_literal_gives_up_where_unsure() -> None:
    assert required_literal(r"said|told") is None
    assert required_literal(r"(?x)news agency") is None
    assert required_literal(r"(?i)News agency") == "news agency"
    assert required_literal(r"\bab\b") is None
    assert required_literal(r"caf[ée] société", ignorecase=True) == " soci"


def test_first_literals_read_alternatives_and_optional_groups() -> None:
    source = r"(?<![\w-])(?:(?:annual|regular)\s+)?human[- ]rights\s+dialogue|(?-i:Sub-?[Cc]ommittee)\s+on"
    assert first_literals(source) == {"annual", "regular", "human", "sub"}
    assert first_literals(r"\b(?:will|is)\s+held") == {"will", "is"}
    assert first_literals(r"(?P<x>Talks)+ on") == {"talks"}
    assert first_literals(r"\b[Cc]onstitution\b|(?i:optional\s+protocol)") == {"constitution", "optional"}


def test_first_literals_give_up_where_a_match_may_start_anywhere() -> None:
    assert first_literals(r"\w+ talks") is None
    assert first_literals(r"(?:a|\d)x") is None
    assert first_literals(r"x?yz") is None
    assert first_literals(r"(?x)talks") is None
    assert first_literals(r"(?i)talks") == {"talks"}
    assert first_literals(r"éclair") is None
    assert first_literals(r"[Cd]ode") is None


def test_required_any_reads_groups_and_keeps_the_shortest_literals() -> None:
    source = r"\b(?:(?:co-?chaired|chaired|headed)|represented|(?:Heading|At\s+the\s+head\s+of)|heads?)\b"
    assert required_any(source) == {"chaired", "head", "represented"}
    assert required_any(r"\bnews agency\b|\bthe bloc said\b") == {"news agency", "the bloc said"}
    assert required_any(r"(?:a|b)x") is None
    assert required_any(r"^\s*(?:During|At)\s+the\b") == {"the"}


def test_required_any_picks_a_group_the_match_must_go_through() -> None:
    source = r"\b(?P<ord>\d+(?:st|nd|th)|first|second)\s+(?:annual\s+)?(?:round|session)\b"
    assert required_any(source) == {"round", "session"}
    assert required_any(r"\b(?:is|are)\s+(?:held|due)") == {"held", "due"}


def test_required_sets_hold_runs_and_group_literals() -> None:
    source = r"\bthe (?:joint )?(?:statement|press release|release) said\b"
    assert required_sets(source) == [{"the "}, {" said"}, {"statement", "release"}]
    assert required_sets(r"said|told") == [{"said", "told"}]
    assert required_sets(r"(?x: a b )said") == []
