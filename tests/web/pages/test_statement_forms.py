from __future__ import annotations

import pytest

from hrd.errors import InvalidInputError
from hrd.record import LegalRef
from hrd.web.pages.statement_forms import (
    canonical_instrument,
    clean_article,
    legal_refs_from_rows,
    occurrences,
)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("criminal code", "Criminal Code"),
        ("  Criminal   Code. ", "Criminal Code"),
        ("Criminal Code of the Republic of Kazakhstan", "Criminal Code"),
        ("International Covenant on Civil and Political Rights", "ICCPR"),
        ("the Convention against Torture", "CAT"),
        ("code of criminal procedure", "Criminal Procedure Code"),
        # not one instrument as a whole: kept as typed (spaces tidied)
        ("the law on NGOs and the Criminal Code", "the law on NGOs and the Criminal Code"),
        ("Article 174 of the Criminal Code", "Article 174 of the Criminal Code"),
        ("Decree  No. 5", "Decree No. 5"),
    ],
)
def test_canonical_instrument(typed: str, canonical: str) -> None:
    assert canonical_instrument(typed) == canonical


@pytest.mark.parametrize(
    ("typed", "article"),
    [("174", "174"), ("Art. 174", "174"), ("article 20(1)", "20(1)"), ("§ 3", "3"), ("  ", None)],
)
def test_clean_article(typed: str, article: str | None) -> None:
    assert clean_article(typed) == article


def test_rows_empty_ignored_canonical_and_once() -> None:
    refs = legal_refs_from_rows(
        ["criminal code", "", "ICCPR", "Criminal Code", " "], ["Art. 174", "", "", "174", ""]
    )
    assert refs == [LegalRef(instrument="Criminal Code", article="174"), LegalRef(instrument="ICCPR")]


def test_rows_keep_names_already_cited() -> None:
    refs = legal_refs_from_rows(["criminal code", "penal code"], ["1", "2"], keep={"criminal code"})
    assert refs == [
        LegalRef(instrument="criminal code", article="1"),
        LegalRef(instrument="Penal Code", article="2"),
    ]


def test_an_article_without_instrument_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="legal reference 2: article '7' needs its instrument"):
        legal_refs_from_rows(["Criminal Code", ""], ["1", "7"])
    with pytest.raises(InvalidInputError, match="too long"):
        legal_refs_from_rows(["x" * 501], [""])


TEXT = "Intro.\n\nThe EU called on the\ngovernment to act. Later the EU called on the government again."


def test_occurrences_across_line_breaks_and_quotes() -> None:
    [found] = occurrences("He said ‘no’ twice.", "He said 'no'")
    assert (found.start, found.end) == (0, 12)
    [found] = occurrences(TEXT, "The EU called on the government")  # copied without the line break
    assert TEXT[found.start : found.end] == "The EU called on the\ngovernment"


def test_occurrences_are_exact_about_case_and_list_each_place() -> None:
    places = occurrences(TEXT, "called on the government")
    assert [TEXT[o.start : o.end] for o in places] == [
        "called on the\ngovernment",
        "called on the government",
    ]
    assert places[0].before.endswith("The EU") and places[0].after.startswith("to act.")
    assert occurrences(TEXT, "   ") == [] and occurrences(TEXT, "called off") == []
