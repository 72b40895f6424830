from __future__ import annotations

import pytest

from hrd.extract import cases
from hrd.extract.cases import find_case_names, is_list_handed_over
from hrd.extract.state import Analysis, HeadInfo, MeetingInfo, Sentence, StatementInfo


def names(text: str, skip: list[tuple[int, int]] | None = None, heads: tuple[str, ...] = ()) -> list[str]:
    return find_case_names(text, 0, len(text), skip or [], heads)


@pytest.mark.parametrize(
    "text",
    [
        "The EU raised a number of individual cases and handed over a list at the end of the Dialogue.",
        "A list of individual cases was handed over.",
        "A list of cases of concern was presented to the authorities.",
        "The EU passed on a list of political prisoners.",
        "The EU handed over to the Uzbek delegation a list of individual cases.",
    ],
)
def test_list_handed_over(text: str) -> None:
    assert is_list_handed_over(text)


@pytest.mark.parametrize(
    "text",
    [
        "The EU raised individual cases.",
        "Georgia highlighted the Otkhozoria-Tatunashvili List.",
        "Topics were listed in the agenda and handed over to experts.",
    ],
)
def test_no_list_handed_over(text: str) -> None:
    assert not is_list_handed_over(text)


def test_names_after_honorifics_without_them() -> None:
    text = (
        "The EU repeated that the impunity surrounding the deaths of Mr Archil Tatunashvili and "
        "Mr Giga Otkhozoria is unacceptable."
    )
    assert names(text) == ["Archil Tatunashvili", "Giga Otkhozoria"]


def test_names_without_honorifics_in_a_case_sentence() -> None:
    text = "The EU called for the release of human rights lawyer Yu Wensheng and of the scholar Ilham Tohti."
    assert names(text) == ["Yu Wensheng", "Ilham Tohti"]


def test_outlets_and_named_cases() -> None:
    text = "The EU raised the closure of the newspaper “Uralskaya Nedelya” and the Zhanaozen case."
    assert names(text) == ["Uralskaya Nedelya", "Zhanaozen case"]


@pytest.mark.parametrize(
    "text",
    [
        "The EU welcomed President Tokayev's announcement of reforms that ended detention without trial.",
        "Mr Boris Iarochevitch, Head of Division, raised individual cases.",
        "The EU delegation was headed by Mr Boris Iarochevitch, who raised individual cases.",
        "Amnesty International said that Maria Ivanova remains in detention.",
        "The EU welcomed Kazakhstan's accession to the Convention for the Protection of All Persons "
        "from Enforced Disappearance, which prevents arbitrary detention.",
        "Mr Archil Tatunashvili attended the seminar.",
    ],
)
def test_no_case_names(text: str) -> None:
    assert names(text) == []


def test_place_spans_and_heads_are_skipped() -> None:
    text = "The EU raised the situation of detainees in South Ossetia and the case of Ivan Petrov."
    skip = [(text.index("South Ossetia"), text.index("South Ossetia") + len("South Ossetia"))]
    assert names(text, skip) == ["Ivan Petrov"]
    assert names(text, skip, heads=("ivan petrov",)) == []


def test_run_per_meeting() -> None:
    s0 = "The EU raised the case of Ivan Petrov and handed over a list of cases."
    s1 = "The EU raised the case of Anna Smirnova."
    text = f"{s0} {s1}"
    b = len(s0) + 1
    doc = Analysis(
        text=text,
        sentences=(Sentence(0, len(s0), s0, 0), Sentence(b, len(text), s1, 1)),
        meetings=(
            MeetingInfo(
                kind="human-rights-dialogue", name=None, parties=("EU", "KZ"), sentences=frozenset({0})
            ),
            MeetingInfo(
                kind="subcommittee",
                name=None,
                parties=("EU", "KZ"),
                sentences=frozenset({1}),
                heads=(HeadInfo(party="EU", name="Anna Smirnova", title=None),),
            ),
        ),
        statements=(
            StatementInfo(
                meeting=0,
                actor="EU",
                act="raise",
                topics=("individual-cases",),
                start=0,
                end=len(s0),
                sentence=0,
            ),
        ),
    )
    out = cases.run(doc).cases
    assert [(c.meeting, c.raised, c.list_handed_over, c.names) for c in out] == [
        (0, True, True, ("Ivan Petrov",)),
        (1, False, False, ()),
    ]


def test_freedom_is_no_cue() -> None:
    assert names("The EU praised Anna Smirnova for her work on freedom of expression.") == []


def test_groups_are_no_names() -> None:
    assert names("The EU raised the persecution of Crimean Tatars and Jehovah's Witnesses.") == []


def test_a_party_statement_keeps_names_a_third_party_also_reports() -> None:
    text = "The EU raised the case of Ivan Petrov, whose lawyers said he had been tortured."
    assert names(text) == []
    assert find_case_names(text, 0, len(text), stated=True) == ["Ivan Petrov"]


def test_single_names_after_a_case_word_and_bare_outlets() -> None:
    text = "The EU raised the case of activist Munarman and the blocking of the news agency Fergana."
    assert names(text) == ["Munarman", "Fergana"]


def test_single_capitalised_word_that_is_no_name() -> None:
    text = "The EU raised the cases of Uyghurs and the release of Kazakhstan's prisoners."
    skip = [(text.index("Kazakhstan"), text.index("Kazakhstan") + len("Kazakhstan"))]
    assert names(text, skip) == []


def test_possessive_is_dropped() -> None:
    assert names("The EU raised Ivan Petrov's detention.") == ["Ivan Petrov"]


@pytest.mark.parametrize(
    "text",
    [
        "The authorities said the Presidential Clemency Board had released several detainees.",
        "The arrest of members of the Azure Horizon Foundation was raised.",
        "The detention under the Custodial Abuse (Prevention) Act was discussed.",
    ],
)
def test_bodies_laws_and_outlets_are_no_case_names(text: str) -> None:
    assert names(text) == []


def test_a_person_next_to_a_body_is_still_named() -> None:
    assert names("The EU raised the case of Ivan Petrov, detained by the State Security Committee.") == [
        "Ivan Petrov"
    ]


def test_an_armed_group_is_no_case() -> None:
    assert names("The EU raised the detention of persons accused of links with Boko Haram.") == []


def test_the_red_cross_is_no_case() -> None:
    text = "The EU called for the International Committee of the Red Cross to have access to detainees."
    assert names(text) == []


def _spans(text: str, *words: str) -> list[tuple[int, int]]:
    return [(text.index(w), text.index(w) + len(w)) for w in words]


def test_a_place_in_a_name_that_a_person_noun_introduces() -> None:
    text = "The EU raised the cases of the journalist Lima Wen and of the blogger Chen Hu."
    assert find_case_names(text, 0, len(text), _spans(text, "Lima")) == ["Lima Wen", "Chen Hu"]
    text = "The EU raised the cases of detainees in Lima Wen district."
    assert find_case_names(text, 0, len(text), _spans(text, "Lima")) == []


def test_a_former_official_is_a_case() -> None:
    text = "The case of former Senator Ana de Souza, released on bail, was discussed."
    assert find_case_names(text, 0, len(text)) == ["Ana de Souza"]
    text = "The case was discussed with Senator Ana de Souza."
    assert find_case_names(text, 0, len(text)) == []


def test_one_name_after_a_case_word_is_not_cut_before_a_particle() -> None:
    text = "The case of Ana de Souza was discussed."
    assert find_case_names(text, 0, len(text)) == ["Ana de Souza"]


def test_an_outlet_name_may_hold_media_words_and_regions_are_no_names() -> None:
    text = (
        "The EU deplored the suspension of the online outlet Radio Strelsau and the arrest of its director."
    )
    assert find_case_names(text, 0, len(text)) == ["Radio Strelsau"]
    text = "The law, the first in South-East Asia, ended the detention of suspects."
    assert find_case_names(text, 0, len(text)) == []
    text = (
        "The EU welcomed the reserved seats in the Lok Sabha and State Legislative Assemblies after arrests."
    )
    assert find_case_names(text, 0, len(text)) == []


def test_the_rest_of_a_bodys_name_a_short_form_and_an_ngos_appeal_are_no_cases() -> None:
    text = "The EU raised the arrests of activists and the work of the Council for Combating Discrimination."
    assert find_case_names(text, 0, len(text)) == []
    text = "The press-freedom group Open Voice urged the EU to take up the case of Ivan Petrov, a journalist."
    assert find_case_names(text, 0, len(text)) == []


def test_a_short_form_of_a_name_already_raised_is_dropped() -> None:
    from hrd.extract.cases import _without_short_forms

    assert _without_short_forms(["Ivan Petrov Sidorov", "Petrov", "Anna Berg"]) == [
        "Ivan Petrov Sidorov",
        "Anna Berg",
    ]


def test_ministries_named_by_their_fields_are_no_cases() -> None:
    text = (
        "Officials of the Prosecutor's Office and the Ministries of Information and Social Development, "
        "Labour and Social Protection of the Population attended."
    )
    assert find_case_names(text, 0, len(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It urged compliance with the judgment in the Ana Lopez Diaz case.", ["Ana Lopez Diaz"]),
        ("It raised the disappearance of four Garifuna leaders in July.", []),
        (
            "It raised the cases of detained activists, including Sok Vann, a vice-president of the party.",
            ["Sok Vann"],
        ),
        ("Vice-Minister Molina Zelaya presented the detention figures.", []),
        ("It met the Commission of Investigation on Enforced Disappeared Persons about detentions.", []),
    ],
)
def test_named_cases_adjectives_descriptions_titles_and_bodies(text: str, expected: list[str]) -> None:
    assert find_case_names(text, 0, len(text)) == expected


def test_his_majesty_is_no_case() -> None:
    text = "The pardons granted by His Majesty King Ruri to detained journalists were welcomed."
    assert find_case_names(text, 0, len(text)) == []


def _case_names(text: str) -> list[str]:
    from hrd.extract import extract

    record = extract(text)
    assert len(record.meetings) == 1
    return list(record.meetings[0].cases.names)


HRD = (
    "EU and Paraguay hold Human Rights Dialogue\n\nAsunción, 12.05.2022\n\n"
    "The EU and Paraguay held their 4th Human Rights Dialogue in Asunción on 11 May. "
    "The EU raised the case of Hugo Benítez.\n\n"
)


def test_a_pronoun_after_a_third_partys_report_goes_on_reporting() -> None:
    quoted = (
        '"Words are not enough," said Rosa Almirón, coordinator of a regional network, which counts '
        "forty killings. She cited the case of the farmer Celso Ruiz as proof.\n"
    )
    assert _case_names(HRD + quoted) == ["Hugo Benítez"]
    own = "The EU met lawmakers. It also raised the case of the farmer Celso Ruiz.\n"
    assert _case_names(HRD + own) == ["Hugo Benítez", "Celso Ruiz"]


def test_the_liquidation_of_an_outlet_raises_it() -> None:
    text = HRD + "The EU drew attention to the liquidation of the news outlet Ñandutí Hoy.\n"
    assert _case_names(text) == ["Hugo Benítez", "Ñandutí Hoy"]


def test_a_case_known_by_its_court_number() -> None:
    text = "The EU called for an end to the travel bans imposed on defenders in Case 173 of 2011."
    assert names(text) == ["Case 173 of 2011"]


def test_a_programmes_name_is_no_person_and_former_ministers_are_no_officials() -> None:
    text = "The EU recalled that it funds the Safe Parks and Safe Streets programme for harassed women."
    assert names(text) == []
    text = "The EU asked for information about Anna Kurbanova and Pavel Rudenko, both former ministers."
    assert names(text) == ["Anna Kurbanova", "Pavel Rudenko"]


def test_an_outlet_named_by_its_web_address_and_a_patronymic() -> None:
    text = (
        "The EU raised the blocking of the news website Pravda99.org and the detention of Aigul Asanova kyzy."
    )
    assert names(text) == ["Pravda99.org", "Aigul Asanova kyzy"]


def test_a_third_partys_director_goes_on_reporting() -> None:
    text = (
        "The watchdog Free Voice said the talks must not become a ritual. Its Asia director, Rosa Almirón, "
        "pointed to the case of the farmer Celso Ruiz.\n"
    )
    assert _case_names(HRD + text) == ["Hugo Benítez"]


def test_two_given_names_share_a_surname_and_treaty_bodies_are_no_case() -> None:
    text = "The EU raised the cases of Anna and Ivan Petrov, who were detained in May."
    assert names(text) == ["Anna Petrov", "Ivan Petrov"]
    text = "Ruritania said it had submitted its reports to the Treaty Bodies on the detention of children."
    assert names(text) == []


def test_a_so_called_case_and_an_ngo_leader_who_reports() -> None:
    assert names("The EU raised the so-called Akrom case and the detention of activists.") == ["Akrom case"]
    text = (
        "Rosa Almirón, who heads a local group, said the EU should have demanded the release of Celso Ruiz."
    )
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a senator's title is no part of the name; a news site is an outlet
            "It also raised the cases of Senator Maria Santos, in detention since 2017, and of the online "
            "news site Kalayaan, which faces charges.",
            ["Maria Santos", "Kalayaan"],
        ),
        ("It raised the disruption of the distribution of the daily newspaper Tala since May.", ["Tala"]),
        (  # a case that a rights group's researcher cites is the group's, not the dialogue's
            '"Talks are not enough while the killings continue," said Juan Cruz, the group\'s Asia '
            "researcher, citing the case of Pedro Lim, a student shot dead by police in 2019.",
            [],
        ),
        (  # a commission of inquiry is an institution
            "Ruritania presented the work of the Commission of Inquiry on Enforced Disappearances and the "
            "cases it closed.",
            [],
        ),
    ],
)
def test_titles_outlets_third_parties_and_institutions(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a dated release; a nickname is no other person
            "The UK welcomed the release in October 2018 of the blogger Tran Van Minh, known as Mother Lo.",
            ["Tran Van Minh"],
        ),
        (  # the same over the break of a hard-wrapped line
            "The UK welcomed the release\nin October 2018 of the blogger Tran Van Minh.",
            ["Tran Van Minh"],
        ),
        ("It raised the proceedings about the ownership of the television channel Kanal 9.", ["Kanal 9"]),
        (  # threats against a person
            "The EU voiced concern about threats directed at activists, including against Ms Anna Petrosyan.",
            ["Anna Petrosyan"],
        ),
        (  # the news agency of a dateline
            "YEREVAN, Oct 8 (Ararat Newswire) - The EU raised attacks on journalists.",
            [],
        ),
    ],
)
def test_releases_nicknames_outlets_threats_and_agencies(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the rest of a body's name after "to ... and"
            "Brazil presented the work of the National Mechanism to Prevent and Combat Torture and the "
            "release of Ana Souza.",
            ["Ana Souza"],
        ),
        ("They were sentenced for reporting on the killing of ten men in the village of Inn Din.", []),
        (
            "It raised the cases of Basuki Tjahaja Purnama and of Meiliana, who was sentenced in 2018.",
            ["Basuki Tjahaja Purnama", "Meiliana"],
        ),
        ("It asked about access to the website of Radio Ozodlik, which remains blocked.", ["Radio Ozodlik"]),
        ("The EU welcomed the release of Papuan political prisoners.", []),
        ("She regretted the death in custody of the Nobel Peace Prize laureate Liu Xiaobo.", ["Liu Xiaobo"]),
    ],
)
def test_bodies_places_single_names_sites_adjectives_and_prizes(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They welcomed the work of the AU-EU-UN Task Force on the detention of migrants.", []),
        (
            "It raised the case of Bernardo Caal Xol, a Q'eqchi' Maya leader in detention.",
            ["Bernardo Caal Xol"],
        ),
        (
            "It called for the independence of the People's Advocate and the release of Ion Rusu.",
            ["Ion Rusu"],
        ),
    ],
)
def test_bodies_and_peoples_are_no_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_statement_that_names_a_case_is_about_individual_cases() -> None:
    from hrd.extract import extract

    text = (
        "EU and Kyrgyzstan hold Human Rights Dialogue\n\nBrussels, 5 May 2021\n\n"
        "The EU and Kyrgyzstan held their 5th Human Rights Dialogue in Brussels on 4 May 2021. The EU asked "
        "about the trial in absentia against Ivan Petrovic on terrorism charges.\n"
    )
    record = extract(text).to_json()
    asked = next(s for s in record["meetings"][0]["statements"] if "Petrovic" in s["text"])
    assert "individual-cases" in asked["topics"]
    assert record["meetings"][0]["cases"]["raised"] is True


def test_orders_and_instances_are_bodies() -> None:
    text = "It raised Administrative Order No. 35 and the Instance Nationale, and the detention of Ana Souza."
    assert names(text) == ["Ana Souza"]


def test_a_clerical_title_is_no_part_of_the_name() -> None:
    assert names("The EU raised the death in custody of Father Ivan Petrov and of Imam Ali Hassan.") == [
        "Ivan Petrov",
        "Ali Hassan",
    ]
