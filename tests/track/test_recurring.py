from hrd.track.recurring import RecurringOptions, recurring
from hrd.track.rounds import Series

from .conftest import rnd, series, st


def test_streaks_first_and_last_raised(kz: Series) -> None:
    result = recurring(kz)
    torture = result.topic("torture")
    assert torture is not None
    assert (torture.streak, torture.longest, torture.count) == (4, 4, 4)
    assert torture.first.ordinal == 10 and torture.last.ordinal == 13
    assembly = result.topic("assembly")
    assert assembly is not None
    assert (assembly.streak, assembly.longest) == (0, 2)
    assert [r.ordinal for r in assembly.rounds] == [11, 12]
    cases = result.topic("individual-cases")
    assert cases is not None and (cases.streak, cases.longest) == (1, 1)


def test_topics_sorted_by_current_streak(kz: Series) -> None:
    assert recurring(kz).topics[0].topic == "torture"


def test_discussion_and_partner_statements_are_not_raised(kz: Series) -> None:
    result = recurring(kz)
    assert result.topic("labour") is None
    assert result.topic("torture") is not None
    # the partner's commitment on torture in round 10 is no EU concern; nor "both discuss assembly" in 13
    assembly = result.topic("assembly")
    assert assembly is not None and assembly.last.ordinal == 12


def test_new_returning_and_dropped_topics(kz: Series) -> None:
    changes = {c.round.ordinal: c for c in recurring(kz).changes}
    assert changes[10].new == {"torture", "expression", "death-penalty", "individual-cases"}
    assert changes[11].new == {"assembly"}
    assert changes[11].dropped == {"death-penalty", "individual-cases"}
    assert changes[12].dropped == {"expression"}
    assert changes[13].new == frozenset()
    assert changes[13].returning == {"death-penalty", "individual-cases"}
    assert changes[13].dropped == {"assembly"}


def test_raise_counts_only_for_individual_cases() -> None:
    s = series(
        rnd(1, 2020, st("EU", "raise", "media")), rnd(2, 2021, st("EU", "raise", "media", "individual-cases"))
    )
    result = recurring(s)
    assert result.topic("individual-cases") is not None
    media = result.topic("media")
    assert media is not None and [r.ordinal for r in media.rounds] == [2]


def test_unreported_round_neither_breaks_streak_nor_drops() -> None:
    s = series(
        rnd(1, 2020, st("EU", "concern", "media")), rnd(2, 2021), rnd(3, 2022, st("EU", "call", "media"))
    )
    media = recurring(s).topic("media")
    assert media is not None and media.streak == 2
    strict = recurring(s, RecurringOptions(skip_unreported=False)).topic("media")
    assert strict is not None and (strict.streak, strict.longest) == (1, 1)


def test_discussed_basis_follows_every_topic(kz: Series) -> None:
    result = recurring(kz, RecurringOptions(basis="discussed"))
    labour = result.topic("labour")
    assert labour is not None and labour.count == 1
    assembly = result.topic("assembly")
    assert assembly is not None and assembly.streak == 3
