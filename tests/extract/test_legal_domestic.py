from __future__ import annotations

import pytest

from hrd.extract import legal
from hrd.extract.legal import find_legal_refs
from hrd.extract.legal_domestic import find_domestic
from hrd.extract.legal_mentions import find_mentions
from hrd.extract.state import Analysis, Sentence, StatementInfo


def refs(text: str) -> list[tuple[str, str | None]]:
    return [(r.instrument, r.article) for r in find_legal_refs(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The court applied the Media Workers (Welfare and Security) Act, 2019.",
            [("Media Workers (Welfare and Security) Act", None)],
        ),
        (
            "The Assembly passed the Anti-Terrorism (Second Amendment) Act, 2014 last year.",
            [("Anti-Terrorism (Second Amendment) Act", None)],
        ),
        (
            "It raised the Digital Services (Licensing) Ordinance, 2020 and the Press Council Act, 2011.",
            [("Digital Services (Licensing) Ordinance", None), ("Press Council Act", None)],
        ),
        ("The Sedition Act 1948 was raised.", [("Sedition Act", None)]),
    ],
)
def test_named_laws_with_a_parenthesis_and_a_year(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It urged the authorities to apply the Non-Profit Associations Proclamation fairly.",
            [("Non-Profit Associations Proclamation", None)],
        ),
        ("It raised the Societies Registration Ordinance.", [("Societies Registration Ordinance", None)]),
        (
            "It recalled the Mass Media Decree and the Public Rallies Edict.",
            [("Mass Media Decree", None), ("Public Rallies Edict", None)],
        ),
        ("It discussed the Data Retention Regulations.", [("Data Retention Regulations", None)]),
        ("It discussed the Foreign Funding Statute.", [("Foreign Funding Statute", None)]),
        ("It cited Proclamation No. 1020/2017.", [("Proclamation No. 1020/2017", None)]),
        (
            "It raised the Ghanaian Charities and Societies Proclamation No. 444/2011.",
            [("Charities and Societies Proclamation", None)],
        ),
        ("It asked about the Kenyan Press Act.", [("Press Act", None)]),
    ],
)
def test_law_nouns_of_other_legal_traditions(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It presented Royal Decree No. 7 on the press.", [("Royal Decree No. 7", None)]),
        ("It presented Supreme Decree 41 declaring an emergency.", [("Supreme Decree 41", None)]),
        ("It set up the body under Federal Law No. 6 of 2019.", [("Federal Law No. 6 of 2019", None)]),
        ("It cited Law No. 6 of the code.", [("Law No. 6", None)]),
        (
            "It asked about Decree of Public Safety No. 12/2020.",
            [("Decree of Public Safety No. 12/2020", None)],
        ),
        ("It asked about the Law of the Republic of Ruritania No. 12.", []),
    ],
)
def test_numbered_laws_keep_their_kind_and_year(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It urged amending the Missing Persons Inquiry, Truth and Justice Commission Act soon.",
            [("Missing Persons Inquiry, Truth and Justice Commission Act", None)],
        ),
        (
            "It urged amending the Penal Code, Media Act and the Assembly Law.",
            [("Penal Code", None), ("Media Act", None), ("Assembly Law", None)],
        ),
        (
            "It welcomed the Comprehensive Law to Prevent Violence against Children, and the plan.",
            [("Comprehensive Law to Prevent Violence against Children", None)],
        ),
        (
            "It raised the Law for the Protection of Witnesses.",
            [("Law for the Protection of Witnesses", None)],
        ),
        ("It discussed a law for the protection of witnesses.", []),
    ],
)
def test_names_with_an_inner_comma_or_going_on_after_the_head(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Cybercrime Bill was discussed.",
        "Concerns were raised about Section 8 of the Cybercrime Bill.",
        "The EU urged the government to adopt a regulation on NGOs.",
        "The bill was withdrawn.",
        "Both sides adopted a Code of Conduct for observers.",
        "A Royal Decree was issued.",
        "The Presidential Decree was issued.",
        "Such Regulations were discussed.",
        "It met Bill Smith, the minister.",
        "The Chilean Law was discussed.",
    ],
)
def test_drafts_and_generic_law_words_are_no_references(text: str) -> None:
    assert refs(text) == []


def test_a_bill_is_a_mention_without_instrument() -> None:
    text = "The Online Safety Bill was tabled."
    got = find_domestic(text, text.lower(), 0, len(text))
    assert [(text[m.start : m.end], m.instruments) for m in got] == [("Online Safety Bill", ())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It urged repeal of the Law on Public Gatherings (Law No. 53/2017).",
            [("Law on Public Gatherings", None)],
        ),
        (
            "It urged repeal of Law No. 53/2017 (the Law on Public Gatherings).",
            [("Law on Public Gatherings", None)],
        ),
        ("It urged repeal of Law No. 53/2017.", [("Law No. 53/2017", None)]),
        (
            "Article 7 of the Law on Public Gatherings (Law No. 53/2017) is vague.",
            [("Law on Public Gatherings", "7")],
        ),
        (
            "It raised the Law on Public Gatherings and Law No. 12/2015.",
            [("Law on Public Gatherings", None), ("Law No. 12/2015", None)],
        ),
    ],
)
def test_a_law_given_by_name_and_number_is_one_reference(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert refs(text) == expected


def test_the_numbered_mention_keeps_its_span() -> None:
    text = "the Law on Public Gatherings (Law No. 53/2017)"
    got = find_mentions(text)
    assert [(text[m.start : m.end], m.instruments) for m in got] == [
        ("Law on Public Gatherings", ("Law on Public Gatherings",)),
        ("Law No. 53/2017", ()),
    ]


def _doc(text: str) -> Analysis:
    st = StatementInfo(
        meeting=0, actor="EU", act="call", topics=("reforms",), start=0, end=len(text), sentence=0
    )
    return Analysis(text=text, sentences=(Sentence(0, len(text), text, 0),), statements=(st,))


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("The EU called for the Non-Profit Associations Proclamation to be revised.", "association"),
        ("The EU called for the Law on Non-Governmental Organisations to be revised.", "association"),
        ("The EU called for the Prevention of Terrorism Act to be revised.", "terrorism"),
        ("The EU called for the Torture Prevention Act to be applied.", "torture"),
        ("The EU called for the Law on Mass Media to be revised.", "media"),
        ("The EU called for the Environmental Protection Law to be applied.", "environment"),
        ("The EU called for the Law on Trade Unions to be revised.", "labour"),
        ("The EU called for the Juvenile Justice Act to be applied.", "children"),
    ],
)
def test_a_statement_citing_a_thematic_domestic_law_gets_its_topic(text: str, topic: str) -> None:
    out = legal.run(_doc(text))
    assert out.statements[0].topics == ("reforms", topic)


def test_a_law_without_a_theme_adds_no_topic() -> None:
    out = legal.run(_doc("The EU called for the Criminal Code to be revised."))
    assert out.statements[0].topics == ("reforms",)


def test_a_parenthesis_with_a_list_inside_a_law_name() -> None:
    text = "The EU raised Section 24 of the Cybercrimes (Prohibition, Prevention, etc.) Act 2015."
    assert refs(text) == [("Cybercrimes (Prohibition, Prevention, etc.) Act", "24")]


def test_a_law_cited_in_a_list_item_belongs_to_the_statement_that_introduces_the_list() -> None:
    text = (
        "The EU raised the following issues:\n- the use of the Cybercrimes Act against bloggers;\n"
        "- the death penalty."
    )
    sentences = (
        Sentence(0, 35, text[0:35], 0),
        Sentence(36, 88, text[36:88], 0),
        Sentence(89, len(text), text[89:], 0),
    )
    st = StatementInfo(
        meeting=0, actor="EU", act="raise", topics=("media",), start=0, end=len(text), sentence=0
    )
    out = legal.run(Analysis(text=text, sentences=sentences, statements=(st,)))
    assert [(r.instrument, r.article) for r in out.statements[0].legal_refs] == [("Cybercrimes Act", None)]


def test_a_code_named_by_two_words_joined_by_and() -> None:
    assert refs("under the Press and Publications Code.") == [("Press and Publications Code", None)]
    assert refs("the Penal Code and Criminal Code") == [("Penal Code", None), ("Criminal Code", None)]


def test_a_named_law_with_its_qualified_number_in_brackets_is_one_law() -> None:
    text = "Ruritania presented the new Labour Relations Law (Federal Decree-Law No. 33 of 2021)."
    assert refs(text) == [("Labour Relations Law", None)]


def test_a_date_after_a_law_is_not_part_of_its_name() -> None:
    assert refs("The EU noted the adoption of the Law on Mass Media in January 2013.") == [
        ("Law on Mass Media", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It cited the Law on Combating Crimes of Terrorism and its Financing and the Press Law.",
            [("Law on Combating Crimes of Terrorism and its Financing", None), ("Press Law", None)],
        ),
        ("The Law on Mass Media and its implementation were discussed.", [("Law on Mass Media", None)]),
        (
            "It raised Article 196 bis and Article 144 bis of the Penal Code.",
            [("Penal Code", "196 bis"), ("Penal Code", "144 bis")],
        ),
    ],
)
def test_and_its_name_and_latin_article_suffixes(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


def test_a_law_name_ends_before_and_article() -> None:
    text = "Article 6.21 of the Law on Infringements and Article 13.14 of the Criminal Code were raised."
    assert refs(text) == [("Law on Infringements", "6.21"), ("Criminal Code", "13.14")]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("The EU called for the law to be aligned with Article 19 of the ICCPR.", "expression"),
        ("The EU called for the law to respect Article 22(2) of the ICCPR.", "association"),
        (
            "The EU called for the ban to respect Article 11 of the European Convention on Human Rights.",
            "assembly",
        ),
    ],
)
def test_an_article_of_a_general_instrument_gives_its_topic(text: str, topic: str) -> None:
    assert legal.run(_doc(text)).statements[0].topics == ("reforms", topic)


def test_an_article_without_a_topic_of_its_own_adds_none() -> None:
    assert legal.run(_doc("The EU called for the law to respect Article 2 of the ICCPR.")).statements[
        0
    ].topics == ("reforms",)


def test_a_law_named_by_what_it_does_and_a_constitutional_convention() -> None:
    text = "NGOs must register under the Law Regulating the Practice of Civil Work (Law No. 149 of 2019)."
    assert refs(text) == [("Law Regulating the Practice of Civil Work", None)]
    assert refs("The EU followed the work of the Constitutional Convention.") == []


def test_numbers_with_thousands_separators_and_the_gsp_regulation() -> None:
    text = "It reported on Law 27,610 on Access to Legal Abortion and on Law 26,485."
    assert refs(text) == [("Law on Access to Legal Abortion", None), ("Law 26,485", None)]
    assert refs("It is eligible under the GSP Regulation.") == []


def test_its_articles_belong_to_the_law_named_not_to_its_number() -> None:
    text = "It raised the Cybercrime Law (Law No. 17 of 2023), noting that its Articles 15 and 16 are vague."
    assert refs(text) == [("Cybercrime Law", "15"), ("Cybercrime Law", "16")]


def test_a_possessive_in_a_law_name() -> None:
    assert refs("It raised the Law on the People's Advocate and the Code.") == [
        ("Law on the People's Advocate", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Both sides discussed the Law on Protecting the Rights of Tenants as the Main Housing Law.",
            [("Law on Protecting the Rights of Tenants as the Main Housing Law", None)],
        ),
        (
            "It cited the Law on Combating the Financing of Extremism.",
            [("Law on Combating the Financing of Extremism", None)],
        ),
        ("It cited the Law on Religion as the EU noted.", [("Law on Religion", None)]),
        ("It cited the Law on Religion as the Government said.", [("Law on Religion", None)]),
        ("It cited the Law on Local Councils No. 9 of 2020.", [("Law on Local Councils", None)]),
    ],
)
def test_a_law_subject_goes_on_after_a_gerund_and_as_the_but_not_into_its_number(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It noted the rules of Law No. 12 of 2020 Regulating the Work of Charities.",
            [("Law Regulating the Work of Charities", None)],
        ),
        (
            "See the Juvenile Justice Law for Minors and their Protection from Abuse (Law No. 7 of 2020).",
            [("Juvenile Justice Law for Minors and their Protection from Abuse", None)],
        ),
        (
            "It raised the Law on Non-Profit Bodies (Public Associations and Foundations) again.",
            [("Law on Non-Profit Bodies (Public Associations and Foundations)", None)],
        ),
        ("It raised the Law on Media (LoM) again.", [("Law on Media", None)]),
    ],
)
def test_a_name_after_a_number_going_on_with_and_their_and_ending_in_a_parenthesis(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a law with a number and a name is named by its name
            "It was set up under Law No. 12 of 2020 on Combating Corruption in the Public Sector.",
            [("Law on Combating Corruption in the Public Sector", None)],
        ),
        (  # a comma among the words of a name listed up to an "and"
            "It introduced the Law on Prevention, Combating and Mitigation of the Impacts of the Pandemic.",
            [("Law on Prevention, Combating and Mitigation of the Impacts of the Pandemic", None)],
        ),
        (  # a month after a convention is a date's
            "The EU welcomed the signature of the Convention on the Rights of Persons with Disabilities in "
            "September 2015.",
            [("CRPD", None)],
        ),
    ],
)
def test_numbers_commas_and_dates_around_names_(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU welcomed the amendments to the Bangladesh Labour Act.", [("Labour Act", None)]),
        ("Brazil presented the Maria da Penha Law on domestic violence.", [("Maria da Penha Law", None)]),
        (
            "It raised the Law on Assemblies, Meetings, Demonstrations, Marches and Picketing.",
            [("Law on Assemblies, Meetings, Demonstrations, Marches and Picketing", None)],
        ),
        (
            "It raised the Law on the Prevention of Abuse or Defamation of Religion.",
            [("Law on the Prevention of Abuse or Defamation of Religion", None)],
        ),
    ],
)
def test_statutes_particles_lists_and_or_in_names(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It welcomed the Law on Prevention of Domestic Violence, Protection of Victims of Domestic "
            "Violence and Restoration of Peace in the Family.",
            [
                (
                    "Law on Prevention of Domestic Violence, Protection of Victims of Domestic Violence and "
                    "Restoration of Peace in the Family",
                    None,
                )
            ],
        ),
        (
            "It presented the Law against Femicide and Other Forms of Violence against Women.",
            [("Law against Femicide and Other Forms of Violence against Women", None)],
        ),
        (
            "It was established by Law No. 52 of 3 April 2014 on the People's Advocate.",
            [("Law on the People's Advocate", None)],
        ),
        (
            "It presented the Law No. 5777/16 of Integral Protection to Women against All Forms of Violence.",
            [("Law of Integral Protection to Women against All Forms of Violence", None)],
        ),
        (
            "It asked about the Law on the Administration of Overseas NGOs' Activities in Mainland China.",
            [("Law on the Administration of Overseas NGOs' Activities in Mainland China", None)],
        ),
    ],
)
def test_long_names_prepositions_dates_and_possessives(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert refs(text) == expected
