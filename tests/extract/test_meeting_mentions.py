from __future__ import annotations

import random

from hrd.extract import segment
from hrd.extract.meeting_mentions import _SIDE_CLAUSE, find_mentions, side_clause_spans
from hrd.extract.state import Analysis


def test_side_clause_spans_are_the_side_clause_pattern_matches() -> None:
    words = ["while", "whereas", "but", "butter", "awhile", "_but", "but_", ";", "x", "é", "but’s", "-"]
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(
            rng.choice(words) + rng.choice(["", " ", ";", "\n"]) for _ in range(rng.randint(1, 10))
        )
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = [m.span() for m in _SIDE_CLAUSE.finditer(text, start, end)]
        assert side_clause_spans(text, start, end) == want, (text, start, end)


def test_the_ordinal_before_a_pair_of_two_other_parties() -> None:
    def ordinals(text: str) -> list[int | None]:
        return [m.ordinal for m in find_mentions(text, segment.run(Analysis(text=text)).sentences)]

    for pair in ("UK-China", "Australia–Viet Nam", "Canada - Peru"):
        assert ordinals(f"They held the 19th {pair} Human Rights Dialogue in Lima today.") == [19]
    assert ordinals("They held the 19th annual meeting, a Human Rights Dialogue, in Lima.") == [None]


def test_a_first_meeting_in_years_gives_no_rank() -> None:
    from hrd.extract.meeting_mentions import ordinal_near

    assert ordinal_near("the body's first meeting in three years") is None
    assert ordinal_near("the body's first meeting, held in Cairo") == 1


def test_met_for_the_first_time_in_a_place_ranks_but_in_years_or_since_a_year_does_not() -> None:
    def ordinals(text: str) -> list[int | None]:
        return [m.ordinal for m in find_mentions(text, segment.run(Analysis(text=text)).sentences)]

    name = "The EU-Ruritania Subcommittee on Human Rights"
    assert ordinals(f"{name} met for the first time in Manila on Monday.") == [1]
    assert ordinals(f"{name} met for the first time in four years on Monday.") == [None]
    assert ordinals(f"{name} met for the first time in more than a decade.") == [None]
    assert ordinals(f"{name} met for the first time since 2015 on Monday.") == [None]


def test_an_ordinal_belongs_to_the_nearest_meeting_after_it() -> None:
    def ordinals(text: str) -> list[int | None]:
        return [m.ordinal for m in find_mentions(text, segment.run(Analysis(text=text)).sentences)]

    text = (
        "The 22nd Session of the European Union - Ruritania Joint Commission and meeting of the Working Group"
    )
    assert ordinals(text) == [22, None]


def test_a_compound_adjective_or_a_detainee_is_no_meeting_held() -> None:
    from hrd.extract.meeting_mentions import reports_held

    assert not reports_held("Rights groups said years of closed-door meetings of the dialogue did nothing.")
    assert not reports_held("The dialogue has not helped the people held for political reasons.")
    assert not reports_held("It raised activists held in pre-trial detention and held incommunicado.")
    assert reports_held("The dialogue was held in Brussels and closed with a press conference.")


def _mentions(text: str) -> list[tuple[str, bool]]:
    doc = segment.run(Analysis(text=text))
    return [(m.kind, m.dependent) for m in find_mentions(doc.text, doc.sentences)]


def test_members_of_a_body_met_on_the_margins_are_no_meeting_of_it() -> None:
    text = (
        "EU and Ruritania hold Human Rights Dialogue\n\nThe EU and Ruritania held their Human Rights "
        "Dialogue in Brussels. The delegation then met members of the Subcommittee on Human Rights.\n"
    )
    assert ("subcommittee", True) in _mentions(text)
    assert ("subcommittee", False) not in _mentions(text)


def test_the_previous_day_makes_no_other_round_but_the_previous_meeting_does() -> None:
    def negated(sentence: str) -> list[bool]:
        doc = segment.run(Analysis(text="EU and Ruritania hold Joint Committee\n\n" + sentence + "\n"))
        return [m.negated for m in find_mentions(doc.text, doc.sentences) if m.kind == "subcommittee"]

    assert negated("On the previous day, the Sub-Group on Human Rights held its fourth meeting.") == [False]
    assert negated("The previous meeting of the Sub-Group on Human Rights was held in 2019.") == [True]
