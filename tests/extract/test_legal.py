from __future__ import annotations

import pytest

from hrd.extract import legal
from hrd.extract.legal import find_legal_refs
from hrd.extract.state import Analysis, LegalRefInfo, Sentence, StatementInfo


def refs(text: str) -> list[tuple[str, str | None]]:
    return [(r.instrument, r.article) for r in find_legal_refs(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU congratulated the country on ratifying the second Optional Protocol to the "
            "International Covenant on Civil and Political Rights.",
            [("ICCPR-OP2", None)],
        ),
        ("It urged accession to the Optional Protocol to the Convention against Torture.", [("OPCAT", None)]),
        ("It urged ratification of the Optional Protocol to CEDAW.", [("CEDAW-OP", None)]),
        ("The ICCPR and the ICESCR were discussed.", [("ICCPR", None), ("ICESCR", None)]),
        (
            "The EU welcomed the decision to sign the International Convention for the Protection of All "
            "Persons from Enforced Disappearance.",
            [("ICPPED", None)],
        ),
        (
            "It called for ratification of the Rome Statute of the International Criminal Court.",
            [("Rome Statute", None)],
        ),
        ("It encouraged ratifying the Istanbul Convention.", [("Istanbul Convention", None)]),
        (
            "The EU urged it to ratify ILO Conventions Nos. 87 and 98.",
            [("ILO Convention No. 87", None), ("ILO Convention No. 98", None)],
        ),
        ("Article 19 of the ICCPR was recalled.", [("ICCPR", "19")]),
        ("The recommendations of the CEDAW Committee were discussed.", []),
        # Found by its head noun, whatever it is ("Agreement"), not only by the usual treaty words.
        ("The EU welcomed the ratification of the Escazu Agreement.", [("Escazú Agreement", None)]),
        # A capital "Against" goes on with the name as "against" does.
        (
            "The EU welcomed the entry into force of the ASEAN Convention Against Trafficking in Persons.",
            [("ASEAN Convention Against Trafficking in Persons", None)],
        ),
    ],
)
def test_international_instruments(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Journalists are charged (Criminal Code Article 274).", [("Criminal Code", "274")]),
        (
            "Charges under articles 139 and 140 of the Criminal Code.",
            [("Criminal Code", "139"), ("Criminal Code", "140")],
        ),
        (
            "Articles 5, 6 and 7 of the Law on Mass Media.",
            [("Law on Mass Media", "5"), ("Law on Mass Media", "6"), ("Law on Mass Media", "7")],
        ),
        ("Art. 34 of the Code of Administrative Offences.", [("Code of Administrative Offences", "34")]),
        (
            "Article 274 (dissemination of false information, 2014) of the Criminal Code is used.",
            [("Criminal Code", "274")],
        ),
        (
            "Insult remains a crime under Articles 131 (“insult”) and 378 of the Criminal Code.",
            [("Criminal Code", "131"), ("Criminal Code", "378")],
        ),
        ("Article 19(3) of the ICCPR was recalled.", [("ICCPR", "19(3)")]),
        ("The Code of Criminal Procedure was amended.", [("Criminal Procedure Code", None)]),
        ("The new Labour Code was adopted.", [("Labour Code", None)]),
        ("Article 20 of Kazakhstan's Constitution.", [("Constitution", "20")]),
        ("The 20th Amendment to the Constitution was discussed.", [("Constitution", None)]),
        ("Constitutional amendments were discussed.", [("Constitution", None)]),
        ("A new Constitutional Court was set up.", []),
        (
            "The Law of the Republic of Uzbekistan on Freedom of Conscience and Religious Organisations.",
            [("Law on Freedom of Conscience and Religious Organisations", None)],
        ),
        ("The Law on Foreign Representatives was adopted.", [("Law on Foreign Representatives", None)]),
        ('The Law "On Mass Media" was amended.', [("Law on Mass Media", None)]),
        (
            "The Law of the Republic of Kazakhstan “On Peaceful Assemblies” was discussed.",
            [("Law on Peaceful Assemblies", None)],
        ),
        ("It asked for Decree-Law 370 to be repealed.", [("Decree-Law 370", None)]),
        (
            "Decree-Law 370 on the informatization of society was used to fine journalists.",
            [("Decree-Law on the informatization of society", None)],
        ),
        (
            "It raised Decree-Law 35 on Telecommunications and Decree-Law No. 349.",
            [("Decree-Law on Telecommunications", None), ("Decree-Law No. 349", None)],
        ),
        ("It raised the new law on media and the press.", []),
        ("Section 57 of the ICT Act.", [("ICT Act", "57")]),
        ("Its Prevention of Terrorism Act (PTA) will be reviewed.", [("Prevention of Terrorism Act", None)]),
        (
            "The Foreign Donations (Voluntary Activities) Regulation Act was raised.",
            [("Foreign Donations (Voluntary Activities) Regulation Act", None)],
        ),
        (
            "The Counter-Terrorism Law and the National Security Law were raised.",
            [("Counter-Terrorism Law", None), ("National Security Law", None)],
        ),
        ("The General Law on Disappearances was discussed.", [("General Law on Disappearances", None)]),
        ("The Trade Union Law was discussed.", [("Trade Union Law", None)]),
        (
            "It named the Council of Europe Convention on Action against Trafficking in Human Beings.",
            [("Convention on Action against Trafficking in Human Beings", None)],
        ),
        ("Both sides stressed the rule of law and the Human Rights Law.", []),
        ("It supports the Central Asia Rule of Law programme.", []),
    ],
)
def test_domestic_law(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


def test_bare_articles_carry_the_instrument_of_the_nearby_citation() -> None:
    text = (
        "Bloggers are charged with spreading false information (Criminal Code Article 274), and insult "
        "remains a crime (Articles 131 and 378)."
    )
    assert refs(text) == [("Criminal Code", "274"), ("Criminal Code", "131"), ("Criminal Code", "378")]


def test_bare_article_without_any_instrument_is_dropped() -> None:
    assert refs("The EU raised Article 12.") == []


def test_acronym_with_head_noun_defined_in_parentheses() -> None:
    text = "It raised the Electronic Information and Transactions Law (ITE Law). The ITE Law is vague."
    got = find_legal_refs(text, 0, len(text))
    assert [(r.instrument, text[r.start : r.end]) for r in got] == [
        ("Electronic Information and Transactions Law", "Electronic Information and Transactions Law"),
        ("Electronic Information and Transactions Law", "ITE Law"),
    ]


def test_anaphor_resolves_to_last_named_instrument() -> None:
    text = "It joined the Convention against Torture. It asked for that Convention to be applied."
    got = find_legal_refs(text, 0, len(text))
    assert [(r.instrument, r.article) for r in got] == [("CAT", None), ("CAT", None)]
    assert text[got[1].start : got[1].end] == "that Convention"


def test_optional_protocol_after_its_convention() -> None:
    text = (
        "It joined the Convention against Torture and its Optional Protocol, "
        "and the ICCPR's Second Optional Protocol."
    )
    assert refs(text) == [("CAT", None), ("OPCAT", None), ("ICCPR", None), ("ICCPR-OP2", None)]


def test_acronym_defined_in_parentheses_resolves_later() -> None:
    text = "Its Prevention of Terrorism Act (PTA) was discussed. The PTA will be amended."
    got = find_legal_refs(text, 0, len(text))
    assert [r.instrument for r in got] == ["Prevention of Terrorism Act", "Prevention of Terrorism Act"]
    assert text[got[1].start : got[1].end] == "PTA"


def test_acronym_of_something_else_is_no_alias() -> None:
    text = "It joined the Rome Statute of the International Criminal Court (ICC). The ICC opened an office."
    assert refs(text) == [("Rome Statute", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The EU raised the so-called foreign agents legislation.",
        "It discussed the draft Law on Non-Commercial Organisations.",
        "Both sides reaffirmed their Enhanced Partnership and Cooperation Agreement.",
        "With the Universal Declaration of Human Rights turning 70 this year, both paid tribute to them.",
        "The EU marked the 75th anniversary of the Universal Declaration of Human Rights.",
        "They discussed the rule of law on Monday.",
    ],
)
def test_not_references(text: str) -> None:
    assert refs(text) == []


def test_offsets_are_absolute_and_limited_to_the_range() -> None:
    text = "The ICCPR. The Criminal Code."
    got = find_legal_refs(text, 11, len(text))
    assert [(r.instrument, text[r.start : r.end]) for r in got] == [("Criminal Code", "Criminal Code")]


def _statement(start: int, end: int, sentence: int) -> StatementInfo:
    return StatementInfo(
        meeting=0, actor="EU", act="concern", topics=("expression",), start=start, end=end, sentence=sentence
    )


def test_run_attaches_refs_to_the_clause_that_contains_them() -> None:
    s0 = "Article 19 of the ICCPR."
    s1 = "The EU welcomed the Labour Code while voicing concern about Article 274 of the Criminal Code."
    text = f"Title\n\n{s0} {s1}"
    a0 = text.index(s0)
    a1 = text.index(s1)
    split = text.index(" while")
    doc = Analysis(
        text=text,
        sentences=(
            Sentence(0, 5, "Title", 0, header=True),
            Sentence(a0, a0 + len(s0), s0, 1),
            Sentence(a1, a1 + len(s1), s1, 1),
        ),
        statements=(_statement(a1, split, 2), _statement(split + 1, a1 + len(s1), 2)),
    )
    out = legal.run(doc)
    assert [(r.instrument, r.article) for r in out.statements[0].legal_refs] == [("Labour Code", None)]
    assert [(r.instrument, r.article) for r in out.statements[1].legal_refs] == [("Criminal Code", "274")]


def test_run_uses_nearest_statement_of_the_sentence_and_drops_refs_elsewhere() -> None:
    text = "In line with the Constitution, the EU called for reform. The ICCPR is a treaty."
    second = text.index("The ICCPR")
    doc = Analysis(
        text=text,
        sentences=(
            Sentence(0, second - 1, text[: second - 1], 0),
            Sentence(second, len(text), text[second:], 0),
        ),
        statements=(_statement(text.index("the EU"), second - 1, 0),),
    )
    out = legal.run(doc)
    assert out.statements[0].legal_refs == (LegalRefInfo("Constitution", None, 17, 29),)


def test_run_without_statements_is_identity() -> None:
    doc = Analysis(text="The ICCPR.", sentences=(Sentence(0, 10, "The ICCPR.", 0),))
    assert legal.run(doc) is doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They welcomed ratifications of the Maputo Protocol on the rights of women.",
            [("Maputo Protocol", None)],
        ),
        (
            "It urged accession to the Kampala Convention on displaced persons.",
            [("Kampala Convention", None)],
        ),
        ("Both recalled the ASEAN Human Rights Declaration.", [("ASEAN Human Rights Declaration", None)]),
        ("The EU invited it to join the Budapest Convention.", [("Budapest Convention", None)]),
        (
            "Mexico recalled the Inter-American Convention on the Prevention, Punishment and Eradication of "
            "Violence against Women.",
            [("Belém do Pará Convention", None)],
        ),
    ],
)
def test_regional_instruments(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


def test_run_gives_a_statement_the_topic_of_the_thematic_instrument_it_cites() -> None:
    text = "The EU welcomed the ratification of the CRPD and called for ratifying its Optional Protocol."
    split = text.index(" and called")
    doc = Analysis(
        text=text,
        sentences=(Sentence(0, len(text), text, 0),),
        statements=(_statement(0, split, 0), _statement(split + 1, len(text), 0)),
    )
    out = legal.run(doc)
    assert [(r.instrument, s.topics) for s in out.statements for r in s.legal_refs] == [
        ("CRPD", ("expression", "disability")),
        ("CRPD-OP", ("expression", "disability")),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bloggers were charged under Sections 12-A and 13-B of the Penal Code.",
            [("Penal Code", "12-A"), ("Penal Code", "13-B")],
        ),
        (
            "Editors face Articles 201, 305 and 411 of the Penal Code.",
            [("Penal Code", "201"), ("Penal Code", "305"), ("Penal Code", "411")],
        ),
        ("He was jailed under Art. 7-C of the Criminal Code.", [("Criminal Code", "7-C")]),
        (
            "The EU recalled Arts. 4 and 9 of the Criminal Code.",
            [("Criminal Code", "4"), ("Criminal Code", "9")],
        ),
        ("He was convicted under Section 505A of the Penal Code.", [("Penal Code", "505A")]),
        ("It cited Article 10-bis of the Constitution.", [("Constitution", "10-bis")]),
        ("He was sentenced under Article 9 of the Thai Criminal Code.", [("Criminal Code", "9")]),
        ("She faces Section 4 of the Kenyan Penal Code.", [("Penal Code", "4")]),
        ("Article 19, paragraph 3, of the ICCPR was recalled.", [("ICCPR", "19(3)")]),
        ("Paragraph 2 of Article 21 of the Constitution was cited.", [("Constitution", "21(2)")]),
        ("It cited paragraph 12 of the joint statement.", []),
    ],
)
def test_article_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected
