from __future__ import annotations

import pytest

from hrd.extract import money
from hrd.extract.money import find_programmes
from hrd.extract.state import Analysis, MeetingInfo, Sentence


def names(text: str) -> list[tuple[str, str | None]]:
    return [(n, a) for _, _, n, a in find_programmes(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It gave an overview of the Central Asia Rule of Law programme, with a budget of €8 million.",
            [("Central Asia Rule of Law programme", None)],
        ),
        (
            "The EU funded Border Management Programme in Central Asia (BOMCA) was praised.",
            [("Border Management Programme in Central Asia", "BOMCA")],
        ),
        (
            "Support for the Central Asia Drug Action Programme (CADAP-6).",
            [("Central Asia Drug Action Programme", "CADAP")],
        ),
        (
            "Funds come from the Development Cooperation Instrument.",
            [("Development Cooperation Instrument", None)],
        ),
        (
            "It thanked the EU for its contribution to COVAX, the global facility for vaccines.",
            [("COVAX", "COVAX")],
        ),
        (
            "The Global Gateway Initiative and the Belt and Road Initiative were compared.",
            [("Global Gateway Initiative", None), ("Belt and Road Initiative", None)],
        ),
        ('The EU-funded Project "Safe Schools" was mentioned.', [("Project Safe Schools", None)]),
    ],
)
def test_find_programmes(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Armenia will put the National Human Rights Action Plan into practice.",
        "It presented the State Programme on Gender Equality.",
        "Exports enjoy the Generalised Scheme of Preferences (GSP+) and Everything But Arms.",
        "The Justice Ministry's wide-ranging programme of legal reforms was presented.",
        "The UN Development Programme (UNDP) was present.",
        "Development assistance amounts to 138 million euros.",
    ],
)
def test_not_programmes(text: str) -> None:
    assert names(text) == []


def test_run_attributes_programmes_and_amounts_to_meetings() -> None:
    s0 = "The Human Rights Dialogue took place."
    s1 = "The EU presented the Rule of Law Programme in Central Asia, which it finances with €8m."
    s2 = "Kazakhstan thanked the EU for the Border Management Programme in Central Asia (BOMCA)."
    s3 = "BOMCA was also discussed."
    text = " ".join([s0, s1, s2, s3])
    sents = []
    pos = 0
    for i, s in enumerate([s0, s1, s2, s3]):
        sents.append(Sentence(pos, pos + len(s), s, i))
        pos += len(s) + 1
    meetings = (
        MeetingInfo(
            kind="human-rights-dialogue", name=None, parties=("EU", "KZ"), sentences=frozenset({0, 1})
        ),
        MeetingInfo(kind="subcommittee", name=None, parties=("EU", "KZ"), sentences=frozenset({2, 3})),
    )
    out = money.run(Analysis(text=text, sentences=tuple(sents), meetings=meetings))
    got = [(p.meeting, p.name, p.acronym, p.amount, p.currency) for p in out.programmes]
    assert got == [
        (0, "Rule of Law Programme in Central Asia", None, 8_000_000, "EUR"),
        (1, "Border Management Programme in Central Asia", "BOMCA", None, None),
    ]


def test_run_without_meetings_finds_nothing() -> None:
    text = "The Development Cooperation Instrument."
    doc = Analysis(text=text, sentences=(Sentence(0, len(text), text, 0),))
    assert money.run(doc).programmes == ()


def test_run_gives_a_budget_in_the_next_sentence_to_the_programme_before() -> None:
    s0 = "The EU presented the Rule of Law Programme in Central Asia."
    s1 = "Its budget amounts to EUR 13m."
    s2 = "Development assistance totals €138 million."
    text = " ".join([s0, s1, s2])
    a1, a2 = len(s0) + 1, len(s0) + len(s1) + 2
    doc = Analysis(
        text=text,
        sentences=(
            Sentence(0, len(s0), s0, 0),
            Sentence(a1, a1 + len(s1), s1, 0),
            Sentence(a2, len(text), s2, 0),
        ),
        meetings=(MeetingInfo(kind="subcommittee", name=None, parties=("EU", "KZ")),),
    )
    got = [(p.name, p.amount, p.currency) for p in money.run(doc).programmes]
    assert got == [("Rule of Law Programme in Central Asia", 13_000_000, "EUR")]


def test_run_finds_a_programme_again_by_its_acronym() -> None:
    s0 = "The EU presented the Central Asia Rule of Law Programme (CAROL)."
    s1 = "CAROL will receive €5m."
    text = f"{s0} {s1}"
    doc = Analysis(
        text=text,
        sentences=(Sentence(0, len(s0), s0, 0), Sentence(len(s0) + 1, len(text), s1, 0)),
        meetings=(MeetingInfo(kind="subcommittee", name=None, parties=("EU", "KZ")),),
    )
    got = [(p.name, p.acronym, p.amount) for p in money.run(doc).programmes]
    assert got == [("Central Asia Rule of Law Programme", "CAROL", 5_000_000)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The EU-funded project "Strengthening Justice in Laos" was presented.',
            [("Strengthening Justice in Laos", None)],
        ),
        ("Students benefit from the Erasmus+ programme.", [("Erasmus+ programme", None)]),
        ("Universities take part in Horizon Europe.", [("Horizon Europe", None)]),
    ],
)
def test_quoted_and_known_names(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert names(text) == expected


def test_run_gives_an_amount_to_the_programme_it_follows() -> None:
    s0 = (
        "The EU recalled the Rule of Law Programme in Central Asia, with a budget of EUR 13m, "
        "and the Central Asia Drug Action Programme (CADAP-7), and gave €2m for the "
        "Border Management Programme."
    )
    doc = Analysis(
        text=s0,
        sentences=(Sentence(0, len(s0), s0, 0),),
        meetings=(MeetingInfo(kind="subcommittee", name=None, parties=("EU", "KZ")),),
    )
    got = [(p.name, p.amount) for p in money.run(doc).programmes]
    assert got == [
        ("Rule of Law Programme in Central Asia", 13_000_000),
        ("Central Asia Drug Action Programme", None),
        ("Border Management Programme", 2_000_000),
    ]


def _one_sentence(text: str) -> list[tuple[str, str | None, float | None, str | None]]:
    doc = Analysis(
        text=text,
        sentences=(Sentence(0, len(text), text, 0),),
        meetings=(MeetingInfo(kind="subcommittee", name=None, parties=("EU", "NP")),),
    )
    return [(p.name, p.acronym, p.amount, p.currency) for p in money.run(doc).programmes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU restated its support through the third phase of the Nepal Civic Space Fund, "
            "worth EUR 10 million.",
            ("Nepal Civic Space Fund", None, 10_000_000, "EUR"),
        ),
        (
            "The EU presented the Justice Reform Programme with a budget of EUR 5 million.",
            ("Justice Reform Programme", None, 5_000_000, "EUR"),
        ),
        (
            "The Access to Justice Project, totalling €3.2m, was discussed.",
            ("Access to Justice Project", None, 3_200_000, "EUR"),
        ),
        (
            "The Good Governance Facility, amounting to 4 million euros, has ended.",
            ("Good Governance Facility", None, 4_000_000, "EUR"),
        ),
        (
            "The EU recalled the Rule of Law Programme of EUR 5 million.",
            ("Rule of Law Programme", None, 5_000_000, "EUR"),
        ),
        (
            "The EU recalled the Rule of Law Programme (EUR 5 million).",
            ("Rule of Law Programme", None, 5_000_000, "EUR"),
        ),
        (
            "The EU provided USD 2 million for the Civil Society Support programme.",
            ("Civil Society Support programme", None, 2_000_000, "USD"),
        ),
        (
            "The Women in Politics Initiative was funded with €3m by the EU.",
            ("Women in Politics Initiative", None, 3_000_000, "EUR"),
        ),
        (
            "The EU described a €4.5m Media Freedom project in the north.",
            ("Media Freedom project", None, 4_500_000, "EUR"),
        ),
        (
            "The second phase of the Safe Migration Programme (SAMI II), worth EUR 13m, started.",
            ("Safe Migration Programme", "SAMI", 13_000_000, "EUR"),
        ),
        (
            "The EU launched the Border Security Programme II, with 5.5 million euros.",
            ("Border Security Programme", None, 5_500_000, "EUR"),
        ),
        (
            "The EU finances the European Development Fund and the Green Climate Fund.",
            ("European Development Fund", None, None, None),
        ),
    ],
)
def test_amounts_attach_to_their_programme(
    text: str, expected: tuple[str, str | None, float | None, str | None]
) -> None:
    assert _one_sentence(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Cairo Initiative for Personal Rights, whose director has faced a travel ban, "
        "called on the EU to act.",
        "The Arab Initiative for Democracy said that the talks had failed.",
        "The rights group Freedom Initiative for Detainees criticised the verdict.",
        "The Legal Aid Project, a local NGO, documented the arrests.",
        "Representatives of the Open Society Foundations and the International Monetary Fund attended.",
        "The Justice Initiative (JI) has repeatedly urged the authorities to release them.",
        "The EU welcomed the work of the Legal Aid Fund in Rural Areas, which said it helped 500 people.",
        "The EU fund and the UN programme support civil society.",
    ],
)
def test_organisations_are_not_programmes(text: str) -> None:
    assert _one_sentence(text) == []


def test_an_amount_in_brackets_belongs_to_the_words_before_the_bracket() -> None:
    text = (
        "The EU will continue its budget support programme for the rule of law (EUR 28.5 million) and "
        "the Spotlight Initiative. It funds the Justice Programme (EUR 4 million)."
    )
    cut = text.index(" It funds")
    sents = (Sentence(0, cut, text[:cut], 0), Sentence(cut + 1, len(text), text[cut + 1 :], 0))
    meetings = (
        MeetingInfo(
            kind="human-rights-dialogue", name=None, parties=("EU", "KG"), sentences=frozenset({0, 1})
        ),
    )
    out = money.run(Analysis(text=text, sentences=sents, meetings=meetings))
    got = {p.name: p.amount for p in out.programmes}
    assert got == {"Spotlight Initiative": None, "Justice Programme": 4_000_000}


def test_an_acronym_named_programme_takes_the_full_name_in_brackets() -> None:
    text = "The EU supports the CEGGA programme (Citizen Engagement for Good Governance and the Rule of Law)."
    assert find_programmes(text, 0, len(text)) == [
        (20, 96, "Citizen Engagement for Good Governance and the Rule of Law", "CEGGA")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The EU gave EUR 2 million in new funding for "Safe Return", a programme for displaced people.',
            [("Safe Return", None, 2_000_000, "EUR")],
        ),
        (
            "The EU backs the programme 'Appui à la Justice' (PAJ) in the south.",
            [("Appui à la Justice", "PAJ", None, None)],
        ),
        (
            'It recalled the project "Fair Courts" (FAIRC), worth EUR 3 million.',
            [("Fair Courts", "FAIRC", 3_000_000, "EUR")],
        ),
        (
            "It funds the Police Reform Programme of Assistance (EL POLREF), with 2 million euros.",
            [("Police Reform Programme of Assistance", "EL POLREF", 2_000_000, "EUR")],
        ),
        (
            "It recalled the Clean Water Initiative of the European Union, with EUR 1 million.",
            [("Clean Water Initiative", None, 1_000_000, "EUR")],
        ),
        (
            "It works with the Council of Europe through the Partnership for Good Governance.",
            [("Partnership for Good Governance", None, None, None)],
        ),
    ],
)
def test_quoted_apposed_and_known_names(
    text: str, expected: list[tuple[str, str | None, float | None, str | None]]
) -> None:
    assert _one_sentence(text) == expected


def test_a_programme_takes_its_nearest_amount_not_the_first() -> None:
    text = (
        "The EU pledged €500,000 to the national human rights commission and supports the "
        "Access to Justice programme (AJP), worth EUR 17.5 million."
    )
    assert _one_sentence(text) == [("Access to Justice programme", "AJP", 17_500_000, "EUR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU recalled the Programme for Support to Prison Reform (PASPR), a €2 million initiative.",
            [("Programme for Support to Prison Reform", "PASPR", 2_000_000, "EUR")],
        ),
        (
            "The EU presented the project Safe Seas Rights Asia, with EUR 1.5m in EU funding.",
            [("Safe Seas Rights Asia", None, 1_500_000, "EUR")],
        ),
        ("The EU supports the programme on Human Rights Defenders in Asia.", []),
        ("It recalled the Programme of Action of the Conference.", []),
    ],
)
def test_names_after_their_head(
    text: str, expected: list[tuple[str, str | None, float | None, str | None]]
) -> None:
    assert _one_sentence(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It recalled the Border Programme (BOMCA 10) and the Police Training in Central Asia (POLTRA) "
            "programme, to which the EU gives EUR 5.5 million.",
            [
                ("Border Programme", "BOMCA", None, None),
                ("Police Training in Central Asia", "POLTRA", 5_500_000, "EUR"),
            ],
        ),
        (
            "It presented its programme Citizen Voice for Good Governance, Accountability and the Rule "
            "of Law (CVGG), worth EUR 2.3m.",
            [
                (
                    "Citizen Voice for Good Governance, Accountability and the Rule of Law",
                    "CVGG",
                    2_300_000,
                    "EUR",
                )
            ],
        ),
        (
            "It highlighted the launch in Ruritania of the Bright Future Initiative, with USD 6.4 million.",
            [("Bright Future Initiative", None, 6_400_000, "USD")],
        ),
    ],
)
def test_acronym_before_the_head_and_connectors_with_the(
    text: str, expected: list[tuple[str, str | None, float | None, str | None]]
) -> None:
    assert _one_sentence(text) == expected


def test_a_country_after_in_is_where_a_programme_works_not_its_name() -> None:
    assert _one_sentence("It supports the Bright Future Initiative in Kazakhstan with EUR 2 million.") == [
        ("Bright Future Initiative", None, 2_000_000, "EUR")
    ]
    assert _one_sentence("It recalled the Rule of Law Programme in Central Asia.")[0][0] == (
        "Rule of Law Programme in Central Asia"
    )
    assert _one_sentence("It recalled the Trust Fund for Kazakhstan.")[0][0] == "Trust Fund for Kazakhstan"


def test_a_programme_named_by_its_acronym_before_a_lower_case_head() -> None:
    assert _one_sentence("The EU recalled the EUROJUSTA programme, worth EUR 38 million.") == [
        ("EUROJUSTA", "EUROJUSTA", 38_000_000, "EUR")
    ]
    assert _one_sentence("The EU recalled the Deliver Justice programme.")[0][:2] == (
        "Deliver Justice programme",
        None,
    )


def test_a_lower_case_name_with_its_acronym_and_a_joint_owner_before_a_quoted_name() -> None:
    assert _one_sentence(
        "It thanked the EU for the prison reform support programme (PRSP), worth EGP 40 million."
    ) == [("prison reform support programme", "PRSP", 40_000_000, "EGP")]
    assert _one_sentence(
        'It recalled the joint EU-Council of Europe programme "Justice for All" (JFA II).'
    ) == [("Justice for All", "JFA", None, None)]
    assert _one_sentence("It recalled the national programme (NHRP).") == []


def test_an_organisations_instrument_is_no_programme() -> None:
    assert _one_sentence("The EU looked forward to an ASEAN instrument on migrant workers.") == []
    assert _one_sentence("It praised the UNDP programme on justice.") == []


def test_an_organisation_a_person_heads_and_a_known_facility_named_with_its_head() -> None:
    text = (
        "Ana Ruiz, who heads the Paraguayan Initiative for Civil Rights (PICR), said the EU did too little."
    )
    assert _one_sentence(text) == []
    assert _one_sentence("It welcomed the contributions of the COVAX Facility.") == [
        ("COVAX Facility", "COVAX", None, None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a part of a named programme is no programme of its own
            "They welcomed the launch of the Asia programme of the EU-UN Safe Cities Initiative.",
            [("Safe Cities Initiative", None)],
        ),
        (
            "Funding comes from the EU-UN Safe Cities Initiative.",
            [("Safe Cities Initiative", None)],
        ),  # owners
        (  # a quoted name keeps the acronym after its head
            'The EU supports the courts through the 20-million-euro "Justice for All" programme (JUSTALL).',
            [("Justice for All", "JUSTALL")],
        ),
    ],
)
def test_parts_owners_and_acronyms_of_programmes(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert names(text) == expected


def test_a_development_programme_of_a_donor_is_a_programme_and_the_uns_is_not() -> None:
    text = (
        "The EU presented the EUR 30 million EU Support to District Development Programme (EU-SDDP), with "
        "the United Nations Development Programme."
    )
    assert names(text) == [("EU Support to District Development Programme", "EU-SDDP")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU supports the sector through the Sawasya joint programme on the rule of law.",
            [("Sawasya", None)],
        ),
        (
            'The EU supports the rule of law under the "Access to Justice in Ruritania" (AJR) programme.',
            [("Access to Justice in Ruritania", "AJR")],
        ),
        (  # the partner's own programme for a period is a national one
            "The Ruritanian side presented the Programme of Judicial and Legal Reform for 2015-2017.",
            [],
        ),
    ],
)
def test_kinds_of_programmes_acronyms_and_national_programmes(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'It informed about the project "Support to the African Governance Architecture and the African '
            'Peer Review Mechanism", worth EUR 4.5 million.',
            [("Support to the African Governance Architecture and the African Peer Review Mechanism", None)],
        ),
        (
            'It funds the "Support to Police Reform" budget support programme.',
            [("Support to Police Reform", None)],
        ),
        ("It funds the PRAVO-Justice project.", [("PRAVO-Justice", "PRAVO-Justice")]),
    ],
)
def test_long_quoted_names_kinds_after_quotes_and_hyphenated_brands(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert names(text) == expected
