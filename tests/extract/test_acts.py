"""Act triggers."""

from __future__ import annotations

import pytest

from hrd.extract.acts import find_triggers


def acts(text: str) -> list[tuple[str, str, str]]:
    return [(text[t.start : t.end], t.act, t.voice) for t in find_triggers(text)]


def test_longer_phrase_wins_over_its_verb() -> None:
    assert acts("The EU raised concerns about torture.") == [("raised concerns", "concern", "active")]
    assert acts("The EU expressed its support for reforms.")[0][1] == "support"
    assert acts("The EU positively noted the reform.")[0][1] == "welcome"


def test_agreed_that_is_stress_and_agreed_to_is_commit() -> None:
    assert acts("Both sides agreed that civil society matters.")[0][1] == "stress"
    assert acts("Both sides agreed to meet again.")[0][1] == "commit"


def test_passive_and_nominal_forms() -> None:
    assert acts("Concern was also voiced about evictions.") == [
        ("Concern was also voiced", "concern", "passive")
    ]
    assert acts("Cases were raised by the EU.")[0][1:] == ("raise", "passive")
    assert acts("The talks focused on torture.")[0][1:] == ("discuss", "nominal")
    assert acts("Views were exchanged on torture.")[0][1:] == ("discuss", "passive")


def test_participles_only_where_they_open_a_clause() -> None:
    assert acts("The EU welcomed the law, urging its implementation.")[1][1:] == ("call", "ing")
    assert acts("Recalling the events, the EU stressed accountability.")[0][1:] == ("stress", "ing")
    assert [a for _, a, _ in acts("The EU welcomed progress in reviewing the code.")] == ["welcome"]


def test_bare_participles_after_modals_are_not_triggers() -> None:
    assert acts("These issues must be discussed further.") == []
    assert acts("The mission it had invited presented its findings.") == [("presented", "inform", "active")]


@pytest.mark.parametrize(
    ("phrase", "act"),
    [
        ("condemned", "concern"),
        ("criticised", "concern"),
        ("pointed out", "raise"),
        ("drew attention to", "raise"),
        ("inquired about", "raise"),
        ("asked Ruritania to end", "call"),
        ("recommended", "call"),
        ("expressed hope about", "stress"),
        ("agreed on the importance of", "stress"),
        ("reaffirmed its commitment to", "stress"),
        ("expressed readiness to end", "commit"),
        ("agreed to end", "commit"),
        ("pledged support to", "support"),
        ("reiterated its readiness to support", "support"),
        ("protested against", "reject"),
        ("lodged representations about", "reject"),
        ("positively noted", "welcome"),
        ("took note with appreciation of", "welcome"),
        ("gave a detailed account of", "inform"),
        ("thanked Ruritania for", "welcome"),
        ("reiterated its appreciation of", "welcome"),
        ("paid tribute to", "welcome"),
        ("took stock of", "discuss"),
        ("touched upon", "discuss"),
        ("compared", "discuss"),
    ],
)
def test_verbs_that_acts_json_does_not_list(phrase: str, act: str) -> None:
    assert acts(f"The EU {phrase} the situation.")[0][1] == act


def test_a_past_perfect_counts_only_in_reported_speech() -> None:
    assert acts("The mission it had invited arrived.") == []
    assert acts("The ministry said the EU had raised torture.")[0][1] == "raise"


def test_a_participle_after_its_noun_is_no_verb() -> None:
    assert acts("China rejected the concerns raised about Tibet.") == [("rejected", "reject", "active")]


def test_nouns_reporting_and_unreal_past_are_no_acts() -> None:
    assert acts("Ruritania needed more international support.") == []
    assert acts("The EU will continue to support Ruritania through its budget support programme.") == [
        ("will continue to support", "support", "active")
    ]
    assert acts("the programme, which the EU finances with EUR 8m")[0][:2] == ("finances", "support")
    assert acts("Mr Novak told reporters after the meeting.") == []
    assert acts("Mr Novak told the EU that the law was adopted.") == [("told", "inform", "active")]
    assert acts("The group said the EU should also have pressed Ruritania.") == []


def test_an_item_on_the_agenda_is_a_discussion() -> None:
    assert acts("Freedom of expression was also on the agenda.") == [
        ("was also on the agenda", "discuss", "nominal")
    ]


def test_informed_consent_is_no_act() -> None:
    assert acts("the right to free, prior and informed consultation") == []
    assert acts("Ruritania informed the EU about the law.") == [("informed", "inform", "active")]


def test_announced_funding_is_support() -> None:
    assert acts("The EU announced EUR 12 million in additional funding for the programme.")[0][1] == "support"
    assert acts("Ruritania announced that it would ratify the convention.")[0][1] == "commit"


def test_shared_views_is_a_discussion_and_referred_to_raises() -> None:
    assert acts("Both sides shared views on data protection.")[0][1] == "discuss"
    assert acts("The EU referred to the situation of minorities.")[0][1] == "raise"


def test_pledging_money_is_support_and_pledging_an_act_a_commitment() -> None:
    assert acts("The EU pledged a further 2.3 million euros for the programme.")[0][1] == "support"
    assert acts("The EU pledged an additional €800,000 to the Commission.")[0][1] == "support"
    assert acts("Ruritania pledged to abolish the death penalty.")[0][1] == "commit"


def test_readiness_to_continue_supporting_is_support() -> None:
    assert acts("The EU expressed readiness to continue supporting the reforms.")[0][1] == "support"
    assert acts("Ruritania expressed readiness to finalise the law.")[0][1] == "commit"
    assert acts("The EU confirmed its readiness to keep supporting the reforms.")[0][1] == "support"
    assert acts("The EU recalled its support to civil society.")[0][1] == "support"
    assert acts("Ruritania reiterated its rejection of country mandates.")[0][1] == "reject"
    assert acts("The EU said it would continue to support the reform.")[0][1] == "support"
    assert acts("The bloc has provided some $2 million to civil society.")[0][1] == "support"
    assert acts("We drew the attention of our partners to statelessness.")[0][1] == "raise"
    assert acts("We gave detailed explanations.")[0][1] == "inform"


def test_providing_answers_informs() -> None:
    assert acts("The Ruritanian side provided answers on the cases raised.")[0][1] == "inform"


def test_a_commitment_to_ratify_is_a_commitment_and_to_a_principle_a_stress() -> None:
    assert acts("Ruritania reaffirmed its commitment to ratify ILO Convention No. 87.")[0][1] == "commit"
    assert acts("The sides restated their commitment to protecting the rights of women.")[0][1] == "stress"


def test_a_reporting_participle_after_a_clause_is_no_act_of_its_own() -> None:
    text = (
        "Ruritania rejected the description of these persons as defenders, stating that they broke the law."
    )
    assert [a for _, a, _ in acts(text)] == ["reject"]
    assert acts("The EU encouraged it to accept pending visit requests by UN Special Rapporteurs.") == [
        ("encouraged", "call", "active")
    ]


def test_a_participle_qualifying_a_plural_noun_is_no_act() -> None:
    text = "Both sides discussed the pandemic, including the restrictions introduced under the emergency."
    assert [a for _, a, _ in acts(text)] == ["discuss"]
    assert [a for _, a, _ in acts("The Ruritanian side presented by video its reforms.")] == ["inform"]


def test_cautioning_is_stressing() -> None:
    assert (
        acts("The EU cautioned that the fight against disinformation must respect media freedom.")[0][1]
        == "stress"
    )


def test_keeping_someone_informed_is_no_act_of_informing() -> None:
    assert [a for _, a, _ in acts("The EU urged the police to keep the family informed.")] == ["call"]
    assert acts("The police informed the family.") == [("informed", "inform", "active")]


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The EU reiterated its backing for the special court.", "support"),
        ("Norway confirmed funding of NOK 5 million for the project.", "support"),
        ("Press freedom was at the centre of the discussion.", "discuss"),
        ("The meeting gave both delegations an opportunity to review the situation.", "discuss"),
    ],
)
def test_backing_funding_and_the_centre_of_a_discussion(text: str, act: str) -> None:
    assert [a for _, a, _ in acts(text)] == [act]


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The EU has allocated EUR 60 million to projects on migration.", "support"),
        ("The EU asked once again for information about Ivan Petrov.", "raise"),
        ("The European side called to ensure the independence of lawyers.", "call"),
        ("The project, which Norway has funded since 2010, ends in May.", "support"),
        ("The EU called once again on Belarus to abolish the death penalty.", "call"),
        ("It affirmed the readiness of the EU to support the strategy.", "support"),
        ("The meeting allowed for a review of cooperation on drugs.", "discuss"),
        ("It reaffirmed its political and financial support for the court.", "support"),
    ],
)
def test_allocating_money_asking_for_information_and_calling_to_do(text: str, act: str) -> None:
    assert [a for _, a, _ in acts(text)] == [act]


def test_a_verb_form_after_an_article_is_no_verb() -> None:
    assert acts("He was called to account.") == []
    text = "Concerns were raised by the EU about the repeated extension of the state of emergency."
    assert [a for _, a, _ in acts(text)] == ["concern"]
    text = "The EU expressed concern about repeated proposals to restore the death penalty."
    assert [a for _, a, _ in acts(text)] == ["concern"]


def test_a_second_that_clause_belongs_to_the_act_verb_of_the_first() -> None:
    from hrd.extract.acts import without_coordinated_that

    text = "The minister affirmed that the accused enjoy all rights, and that Ruritania rejects interference."
    assert [t.act for t in without_coordinated_that(text, find_triggers(text))] == ["stress"]
    text = "The EU welcomed the law, and Ruritania rejected the criticism."
    assert [t.act for t in without_coordinated_that(text, find_triggers(text))] == ["welcome", "reject"]


def test_a_modal_perfect_is_no_act() -> None:
    assert acts("The group said the EU should have publicly demanded the release.") == []


def test_appreciation_for_support_is_no_support() -> None:
    text = "The AU side expressed its appreciation for the support that the EU provides."
    assert "support" not in [a for _, a, _ in acts(text)]
