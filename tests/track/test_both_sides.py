from hrd.track.both_sides import compare_series, compare_sides
from hrd.track.rounds import Round, Source

from .conftest import rnd, series, st

SOURCES = (Source("eu-press", "EU"), Source("kz-mfa", "KZ"), Source("news", None))


def _round() -> Round:
    return rnd(
        5,
        2021,
        st("EU", "concern", "torture", doc="eu-press"),
        st("both", "discuss", "labour", "migration", doc="eu-press"),
        st("both", "discuss", "labour", doc="kz-mfa"),
        st("KZ", "inform", "reforms", doc="kz-mfa"),
        st("EU", "welcome", "reforms", doc="kz-mfa"),
        st("EU", "concern", "media", doc="news"),
        sources=SOURCES,
    )


def test_what_each_side_reports_that_the_other_does_not() -> None:
    r = _round()
    comparison = compare_sides(r)
    assert comparison is not None
    assert comparison.eu.only_topics == {"torture", "migration"}
    assert comparison.partner.only_topics == {"reforms"}
    assert comparison.shared_topics == {"labour"}
    assert comparison.eu.only_acts == {("EU", "concern", "torture"), ("both", "discuss", "migration")}
    assert comparison.partner.only_acts == {("KZ", "inform", "reforms"), ("EU", "welcome", "reforms")}
    assert [s.act for s in comparison.eu.only_statements] == ["concern", "discuss"]
    assert not comparison.agree
    # the third party's report of a concern about media counts for neither side
    assert "media" not in comparison.eu.topics | comparison.partner.topics


def test_one_sided_rounds_give_no_comparison() -> None:
    eu_only = rnd(
        6, 2022, st("EU", "concern", "torture", doc="eu-press"), sources=(Source("eu-press", "EU"),)
    )
    assert compare_sides(eu_only) is None
    assert len(compare_series(series(_round(), eu_only))) == 1


def test_identical_reports_agree() -> None:
    r = rnd(
        7,
        2023,
        st("both", "discuss", "labour", doc="a"),
        st("both", "discuss", "labour", doc="b"),
        sources=(Source("a", "EU"), Source("b", "KZ")),
    )
    comparison = compare_sides(r)
    assert comparison is not None and comparison.agree
