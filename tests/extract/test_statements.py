"""The statements stage on hand-written readouts (parties and meetings built by hand)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from hrd.extract import segment, statements
from hrd.extract.state import Analysis, MeetingInfo, PartyMention, StatementInfo

NAMES = {"Kazakhstan": "KZ", "Kazakh": "KZ", "Ruritania": "RR", "Ruritanian": "RR", "European Union": "EU"}


def analyse(
    body: str,
    *,
    meetings: int = 1,
    header: str = "EU and Kazakhstan hold dialogue\n\n",
    issuer: str | None = None,
) -> Analysis:
    """Segment ``header + body``, add party mentions and ``meetings`` meetings over the sentences."""
    text = header + body
    doc = segment.run(Analysis(text=text))
    parties = [
        PartyMention(m.start(), m.end(), NAMES[m.group()])
        for m in re.finditer(r"\b(?:" + "|".join(sorted(NAMES, key=len, reverse=True)) + r")\b", text)
    ]
    n = len(doc.sentences)
    if meetings == 1:
        infos: tuple[MeetingInfo, ...] = (
            MeetingInfo("human-rights-dialogue", None, ("EU", "KZ"), sentences=frozenset(range(n))),
        )
    else:
        half = n // 2
        infos = (
            MeetingInfo("human-rights-dialogue", None, ("EU", "KZ"), sentences=frozenset(range(half))),
            MeetingInfo("subcommittee", None, ("EU", "KZ"), sentences=frozenset(range(half, n))),
        )
    return statements.run(replace(doc, parties=tuple(parties), meetings=infos[:meetings], issuer=issuer))


def triples(doc: Analysis) -> set[tuple[str, str, str]]:
    return {(s.actor, s.act, t) for s in doc.statements for t in s.topics}


def only(doc: Analysis) -> StatementInfo:
    assert len(doc.statements) == 1, doc.statements
    return doc.statements[0]


# -- clause splitting ---------------------------------------------------------


def test_welcome_while_concern_gives_two_statements_with_their_own_topics() -> None:
    doc = analyse(
        "The EU welcomed the moratorium on executions while expressing concern about conditions of detention."
    )
    assert triples(doc) == {("EU", "welcome", "death-penalty"), ("EU", "concern", "detention")}
    first, second = doc.statements
    assert doc.text[first.start : first.end] == "The EU welcomed the moratorium on executions"
    assert doc.text[second.start : second.end] == "while expressing concern about conditions of detention."


def test_discussion_and_call_in_one_sentence() -> None:
    doc = analyse(
        "Both parties discussed prevention of torture and the EU called on Kazakhstan to end impunity."
    )
    assert triples(doc) == {("both", "discuss", "torture"), ("EU", "call", "accountability")}


def test_subjectless_second_clause_continues_the_actor() -> None:
    doc = analyse("Kazakhstan presented its new law on trade unions and reaffirmed its support for the ILO.")
    assert {(s.actor, s.act) for s in doc.statements} == {("KZ", "inform"), ("KZ", "support")}


def test_object_of_the_first_clause_is_not_the_subject_of_the_second() -> None:
    doc = analyse(
        "The EU noted what Kazakhstan had achieved in education but stressed that elections must be free."
    )
    assert triples(doc) == {("EU", "acknowledge", "esc-rights"), ("EU", "stress", "elections")}


def test_clause_without_topic_borrows_the_previous_clause_topics() -> None:
    doc = analyse(
        "The EU urged Kazakhstan to investigate torture allegations while acknowledging the steps taken."
    )
    assert ("EU", "acknowledge", "torture") in triples(doc)
    assert doc.statements[-1].confidence < doc.statements[0].confidence


# -- acts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("The EU commended Kazakhstan on the new Ombudsman law.", "welcome"),
        ("The EU thanked Kazakhstan for its work against human trafficking.", "welcome"),
        ("The EU congratulated Kazakhstan on abolishing the death penalty.", "congratulate"),
        ("The EU condemned the attacks on journalists.", "concern"),
        ("The EU noted with concern the arrests of protesters.", "concern"),
        ("The EU asked Kazakhstan to release the detained bloggers.", "call"),
        ("The EU recommended that torture allegations be investigated.", "call"),
        ("The EU expressed hope that the elections would be free.", "stress"),
        ("The EU underscored the importance of an independent judiciary.", "stress"),
        ("The EU took note of the new strategy on gender equality.", "acknowledge"),
        ("The EU pledged support for the reform of the penitentiary system.", "support"),
        ("The EU pointed out the restrictions on freedom of assembly.", "raise"),
        ("The EU raised individual cases.", "raise"),
        ("Kazakhstan outlined its plans to reform the judiciary.", "inform"),
        ("Kazakhstan agreed to invite the UN Special Rapporteur on torture.", "commit"),
        ("Kazakhstan rejected the criticism of its law on religion.", "reject"),
        ("The EU and Kazakhstan took stock of cooperation on migration.", "discuss"),
    ],
)
def test_each_act(sentence: str, act: str) -> None:
    assert only(analyse(sentence)).act == act


@pytest.mark.parametrize(
    "sentence",
    [
        "The discussions covered freedom of religion.",
        "The agenda included freedom of religion.",
        "The two sides had an exchange of views on freedom of religion.",
        "Particular attention was paid to freedom of religion.",
        "Freedom of religion was among the issues discussed.",
    ],
)
def test_discussions_phrased_as_nouns_are_discuss_by_both(sentence: str) -> None:
    assert triples(analyse(sentence)) == {("both", "discuss", "religion")}


def test_other_topics_discussed_included_is_one_statement_with_every_topic() -> None:
    st = only(
        analyse("Other topics discussed included trade unions, domestic violence and the rights of migrants.")
    )
    assert (st.actor, st.act) == ("both", "discuss")
    assert set(st.topics) == {"labour", "gender-violence", "migration"}


# -- actors -------------------------------------------------------------------


@pytest.mark.parametrize(
    "subject",
    [
        "Both sides",
        "The parties",
        "The EU and Kazakhstan",
        "The European Union and Kazakhstan",
        "The two delegations",
    ],
)
def test_both(subject: str) -> None:
    assert (
        only(analyse(f"{subject} stressed the importance of the fight against corruption.")).actor == "both"
    )


def test_passive_without_actor_is_the_eu_but_a_passive_discussion_is_both() -> None:
    doc = analyse(
        "Concerns were raised over the harassment of journalists. Individual cases were also addressed."
    )
    assert triples(doc) == {("EU", "concern", "media"), ("both", "discuss", "individual-cases")}
    assert doc.statements[0].confidence < 0.8


def test_passive_with_agent() -> None:
    assert only(analyse("The new law on NGOs was criticised by Kazakhstan.")).actor == "KZ"


def test_passive_in_a_joint_press_release_is_both() -> None:
    doc = analyse(
        "Concerns were raised over the harassment of journalists.",
        header="EU and Kazakhstan hold dialogue\n\nJoint Press Release\n\n",
    )
    assert only(doc).actor == "both"


def test_pronouns_go_to_the_last_actor() -> None:
    doc = analyse("Kazakhstan presented its anti-torture plan. It also announced a new law on the Ombudsman.")
    assert [s.actor for s in doc.statements] == ["KZ", "KZ"]
    assert doc.statements[1].confidence < doc.statements[0].confidence


def test_demonym_side_is_the_partner_without_a_party_mention() -> None:
    doc = analyse("The Ruritanian side briefed the EU on prison reform.")
    # "Ruritanian" is a party mention of a third country here: KZ is the partner.
    assert doc.statements == ()
    doc = analyse("The Kazakh side briefed the EU on prison reform.")
    assert only(doc).actor == "KZ"
    doc = analyse("The Tajik side briefed the EU on prison reform.", header="Dialogue\n\n")
    assert only(doc).actor == "KZ"  # an unknown demonym before "side" is the meeting's partner


@pytest.mark.parametrize(
    "sentence",
    [
        "Amnesty International called for the release of political prisoners.",
        "The UN Special Rapporteur urged the authorities to end torture.",
        "One of the participants briefed the delegations on the situation of journalists.",
    ],
)
def test_third_parties_make_no_statements(sentence: str) -> None:
    assert analyse(sentence).statements == ()


# -- negative cases -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Discussions took place in an open and constructive atmosphere.",
        "Both sides reaffirmed the value of the dialogue.",
        "The EU reaffirmed its support for the territorial integrity of Kazakhstan.",
        "The next round will be held in Astana.",
    ],
)
def test_no_statement(sentence: str) -> None:
    assert analyse(sentence).statements == ()


def test_header_lines_make_no_statements() -> None:
    doc = analyse("The EU welcomed progress on torture.", header="EU welcomed progress on torture\n\n")
    assert len(doc.statements) == 1
    assert not doc.sentences[doc.statements[0].sentence].header


def test_background_section_makes_no_statements() -> None:
    doc = analyse(
        "The EU welcomed progress on torture.\n\nBackground\n\nThe EU supports civil society in Kazakhstan."
    )
    assert triples(doc) == {("EU", "welcome", "torture")}


def test_no_meetings_no_statements() -> None:
    doc = segment.run(Analysis(text="The EU welcomed progress on torture."))
    assert statements.run(doc).statements == ()


# -- meetings, spans, confidence --------------------------------------------------


def test_statements_go_to_the_meeting_of_their_sentence() -> None:
    doc = analyse(
        "The EU raised individual cases. The EU stressed freedom of expression.\n\n"
        "Kazakhstan presented its border management strategy. The EU welcomed cooperation on drugs.",
        meetings=2,
        header="",
    )
    by_meeting = {(s.meeting, s.topics[0]) for s in doc.statements}
    assert by_meeting == {(0, "individual-cases"), (0, "expression"), (1, "border-management"), (1, "drugs")}


def test_spans_are_clauses_inside_their_sentence() -> None:
    doc = analyse(
        "On illicit drugs, Kazakhstan called for closer cooperation and outlined its treatment programmes, "
        "while the EU welcomed the new strategy on migration and stressed the rights of refugees."
    )
    assert len(doc.statements) == 4
    for st in doc.statements:
        sentence = doc.sentences[st.sentence]
        assert sentence.start <= st.start < st.end <= sentence.end
        clause = doc.text[st.start : st.end]
        assert clause == clause.strip(" ,;") and clause
        assert 0.0 <= st.confidence <= 1.0
    assert doc.text[doc.statements[0].start : doc.statements[0].end].startswith("On illicit drugs")


def test_a_list_after_a_colon_gives_its_topics_to_the_clause_before_it() -> None:
    doc = analyse(
        "The discussions covered:\n- freedom of religion\n- the death penalty\n\n"
        "The EU raised individual cases."
    )
    assert triples(doc) == {
        ("both", "discuss", "religion"),
        ("both", "discuss", "death-penalty"),
        ("EU", "raise", "individual-cases"),
    }
    first = doc.statements[0]
    sentence = doc.sentences[first.sentence]
    assert doc.text[first.start : first.end].startswith("The discussions covered:")
    assert sentence.start <= first.start < first.end <= sentence.end


def test_a_that_clause_belongs_to_its_act_verb_but_a_relative_clause_is_its_own_statement() -> None:
    doc = analyse("The EU underscored that it rejects any use of torture.")
    assert triples(doc) == {("EU", "stress", "torture")}
    doc = analyse(
        "Kazakhstan presented its candidacy to the Human Rights Council, which the EU took note of."
    )
    assert triples(doc) == {("KZ", "inform", "multilateral"), ("EU", "acknowledge", "multilateral")}


def test_coordinated_verbs_share_their_object() -> None:
    doc = analyse("The EU acknowledged and welcomed the progress on gender equality.")
    assert triples(doc) == {("EU", "acknowledge", "women"), ("EU", "welcome", "women")}


def test_the_delegation_of_a_party_is_that_party() -> None:
    assert only(analyse("The delegation of Kazakhstan presented the new law on prisons.")).actor == "KZ"


@settings(max_examples=60, deadline=None)
@given(
    hs.lists(
        hs.sampled_from(
            [
                "The EU welcomed",
                "Kazakhstan",
                "and",
                "while expressing concern about",
                "torture",
                "İstanbul",
                ",",
                "were discussed",
                "It",
                "urged",
                "human rights defenders",
                ":\n-",
                ".",
                "\n\n",
                "by the EU",
                "ﬁnancing",
            ]
        ),
        max_size=30,
    )
)
def test_any_text_keeps_the_span_invariant(words: list[str]) -> None:
    doc = analyse(" ".join(words))
    for s in doc.statements:
        sentence = doc.sentences[s.sentence]
        assert sentence.start <= s.start < s.end <= sentence.end
        assert s.topics and 0.0 <= s.confidence <= 1.0


def test_a_passive_agreement_is_both_sides() -> None:
    doc = analyse("It was agreed to continue cooperation on migration. It was agreed that torture must end.")
    assert triples(doc) == {("both", "commit", "migration"), ("both", "stress", "torture")}


def test_an_office_of_a_party_speaks_for_it() -> None:
    assert only(analyse("Kazakhstan's Deputy Minister of Justice outlined the prison reform.")).actor == "KZ"
    assert only(analyse("The Minister of Justice outlined the prison reform.")).actor == "KZ"
    assert only(analyse("The EU welcomed Kazakhstan's new law on the Ombudsman.")).actor == "EU"


def test_two_delegations_with_their_heads_are_both() -> None:
    doc = analyse("The EU delegation, led by Ms Smith, and the Kazakh delegation discussed migration.")
    assert triples(doc) == {("both", "discuss", "migration")}  # a head is no individual case


def test_an_object_that_embeds_the_next_clause_shares_its_topics() -> None:
    doc = analyse(
        "The EU welcomed a statement in which Kazakhstan said it remains committed to ending torture."
    )
    assert triples(doc) == {("EU", "welcome", "torture"), ("KZ", "commit", "torture")}


def test_a_quoted_we_is_the_issuers_side() -> None:
    doc = analyse("“We welcome the new law on torture prevention,” said the EU Special Representative.")
    assert triples(doc) == {("EU", "welcome", "torture")}


def test_we_in_a_joint_statement_is_both_sides_but_not_inside_a_quotation() -> None:
    def joint(body: str) -> Analysis:
        return analyse(body, header="Joint press statement: EU and Kazakhstan hold dialogue\n\n")

    doc = joint("We reaffirmed our commitment to ending torture, and we welcomed the prison law.")
    assert triples(doc) == {("both", "stress", "torture"), ("both", "welcome", "detention")}
    doc = joint("“We welcome the new law on torture prevention,” said the EU Special Representative.")
    assert triples(doc) == {("EU", "welcome", "torture")}


def test_our_country_in_a_partners_release_is_the_partner() -> None:
    doc = analyse("Our country called on the EU to end torture.", issuer="KZ")
    assert triples(doc) == {("KZ", "call", "torture")}
    doc = analyse("The EU encouraged our delegation to end torture.", issuer="KZ")
    assert triples(doc) == {("EU", "call", "torture")}


def test_the_participants_of_a_joint_statement_are_both_sides() -> None:
    doc = analyse("The Participants welcomed the ratification of the Convention against Torture.")
    assert {(a, act) for a, act, _ in triples(doc)} == {("both", "welcome")}
    doc = analyse("Participants of a civil society seminar welcomed the new law on torture prevention.")
    assert {a for a, _, _ in triples(doc)} != {"both"}


def test_an_expletive_it_borrows_no_topics_from_the_last_statement() -> None:
    doc = analyse("The EU raised torture. It was agreed to hold the next round in Astana.")
    assert triples(doc) == {("EU", "raise", "torture")}
    doc = analyse("The EU raised torture. It remains a concern, Kazakhstan acknowledged.")
    assert ("KZ", "acknowledge", "torture") in triples(doc)


def test_a_general_rubric_opening_the_sentence_is_no_topic_of_a_narrower_clause() -> None:
    doc = analyse("On human rights and democracy, the EU expressed concern about torture.")
    assert triples(doc) == {("EU", "concern", "torture")}
    doc = analyse("On human rights and democracy, the EU expressed concern.")
    assert triples(doc) == {("EU", "concern", "general")}
    doc = analyse("On illicit drugs, the EU welcomed the prison reform.")
    assert triples(doc) == {("EU", "welcome", "drugs"), ("EU", "welcome", "detention")}


def test_a_clause_about_the_policy_just_presented_takes_its_topics_and_passes_them_on() -> None:
    doc = analyse(
        "Kazakhstan presented its new policy on the protection of journalists. "
        "The EU welcomed the policy as a first step and stressed that its implementation "
        "should be transparent."
    )
    assert triples(doc) == {("KZ", "inform", "media"), ("EU", "welcome", "media"), ("EU", "stress", "media")}


def test_a_passive_without_agent_continues_the_agent_of_the_passive_before_it() -> None:
    doc = analyse(
        "Concerns were expressed by Kazakhstan about the treatment of migrants, and a review of the "
        "visa rules was requested."
    )
    assert triples(doc) == {("KZ", "concern", "migration"), ("KZ", "call", "migration")}


def test_a_passive_in_a_relative_clause_is_no_statement() -> None:
    doc = analyse(
        "The EU raised the case of a blogger, who was questioned for hours over a post on media freedom."
    )
    assert [(s.actor, s.act) for s in doc.statements] == [("EU", "raise")]


def test_an_agenda_item_is_discussed_by_both_sides() -> None:
    doc = analyse("Kazakhstan presented its migration law. Freedom of expression was also on the agenda.")
    assert ("both", "discuss", "expression") in triples(doc)


def test_money_committed_is_no_commitment_of_a_party() -> None:
    doc = analyse(
        "The EU pledged support to the judiciary through a programme, under which EUR 4 million is currently "
        "committed to civil society."
    )
    assert [(s.actor, s.act) for s in doc.statements] == [("EU", "support")]


def test_a_participle_after_while_takes_the_actor_of_its_main_clause() -> None:
    doc = analyse(
        "Both sides discussed migration. While welcoming the new media law, the EU expressed concern about "
        "the detention of journalists."
    )
    assert ("EU", "welcome", "media") in triples(doc)
    assert ("both", "welcome", "media") not in triples(doc)


def test_a_list_after_a_colon_is_part_of_its_statement_up_to_the_next_heading() -> None:
    doc = analyse(
        "The EU underlined the importance of:\n• the right to adequate housing;\n• land rights.\n\n"
        "Next steps\n\nKazakhstan presented its migration law.\n"
    )
    first = doc.statements[0]
    assert (first.actor, first.act, first.topics) == ("EU", "stress", ("esc-rights",))
    assert doc.text[first.start : first.end] == "The EU underlined the importance of:"


def test_welcoming_these_laws_as_well_as_another_step_keeps_the_laws_topics() -> None:
    doc = analyse(
        "Kazakhstan presented its new law on mass media. The EU welcomed these laws, as well as the "
        "ratification "
        "of the Optional Protocol to the Convention against Torture."
    )
    assert ("EU", "welcome", "media") in triples(doc)
    assert ("EU", "welcome", "torture") in triples(doc)


def test_a_call_for_its_ratification_keeps_the_topics_of_what_it_names() -> None:
    doc = analyse(
        "The EU welcomed the signature of the Second Optional Protocol on the abolition of the death penalty "
        "and called for its swift ratification."
    )
    assert ("EU", "call", "death-penalty") in triples(doc)


def test_the_steps_another_side_welcomes_are_those_it_presented() -> None:
    doc = analyse(
        "Kazakhstan briefed the EU on its new law on the protection of journalists. It highlighted the role "
        "of the Ombudsman. The EU welcomed these steps."
    )
    assert ("EU", "welcome", "media") in triples(doc)
    assert ("EU", "welcome", "nhri") not in triples(doc)


def test_a_passive_after_whose_and_its_noun_is_no_statement() -> None:
    doc = analyse(
        "The Dialogue was preceded by a civil society seminar, whose recommendations were presented to both "
        "delegations. Kazakhstan presented its migration law."
    )
    assert triples(doc) == {("KZ", "inform", "migration")}


def test_the_chairs_between_commas_are_not_the_subject_nor_cases() -> None:
    doc = analyse(
        "The Dialogue, co-chaired by Ms Anna Berg, Director, and Mr Ivan Sokolov, Kazakh Deputy Minister, "
        "reviewed the death penalty."
    )
    assert triples(doc) == {("both", "discuss", "death-penalty")}


def test_ratifying_a_partnership_agreement_is_no_treaty_topic() -> None:
    doc = analyse("The EU welcomed the ratification of the Partnership and Cooperation Agreement in 2022.")
    assert triples(doc) == set()
    doc = analyse("The EU welcomed the ratification of the Convention against Torture.")
    assert ("EU", "welcome", "treaties") in triples(doc)


def test_a_verb_form_after_a_possessive_or_as_is_no_act() -> None:
    doc = analyse("The EU welcomed Kazakhstan's stated intention to revise the Law on Associations.")
    assert {(s.actor, s.act) for s in doc.statements} == {("EU", "welcome")}
    doc = analyse(
        "The EU welcomed the commitment to reforms, as set out in the plan of reforms announced in May 2020."
    )
    assert {(s.actor, s.act) for s in doc.statements} == {("EU", "welcome")}


def test_readiness_to_share_expertise_is_support_and_using_a_dialogue_to_discuss_is_discuss() -> None:
    doc = analyse("The EU recalled its readiness to share expertise with the electoral commission.")
    assert {(s.actor, s.act) for s in doc.statements} == {("EU", "support")}
    doc = analyse(
        "Kazakhstan and the European Union used their annual dialogue to discuss the death penalty."
    )
    assert triples(doc) == {("both", "discuss", "death-penalty")}


def test_both_laws_point_back_to_the_laws_before() -> None:
    doc = analyse(
        "The EU raised concerns about the Law on Foreign Agents and the anti-terrorism law. "
        "The Kazakh side explained the safeguards built into both laws."
    )
    assert ("KZ", "inform", "association") in triples(doc) and ("KZ", "inform", "terrorism") in triples(doc)


def test_list_items_without_a_subject_are_the_introducing_sides() -> None:
    doc = analyse(
        "During the Dialogue, the parties:\n"
        "• expressed concern about the harassment of human rights defenders;\n"
        "• discussed the death penalty.\n\n"
        "The Government of Kazakhstan:\n"
        "• presented its plan on torture prevention;\n"
        "• underlined its commitment to combating domestic violence.\n"
    )
    assert triples(doc) == {
        ("both", "concern", "defenders"),
        ("both", "discuss", "death-penalty"),
        ("KZ", "inform", "torture"),
        ("KZ", "stress", "gender-violence"),
    }


def test_uncertain_acts_and_acts_of_other_bodies_are_no_statements() -> None:
    assert analyse("It was not clear whether his case on the death penalty was discussed.").statements == ()
    assert analyse("The draft law on NGOs was still being examined by the Mazhilis.").statements == ()


def test_a_participle_after_after_is_no_act_and_a_possessive_adjective_is_read() -> None:
    doc = analyse("Activists were detained in October after opposing the border agreement.")
    assert doc.statements == ()
    doc = analyse("Kazakhstan shared Kazakhstan's experience in combating domestic violence.")
    assert triples(doc) == {("KZ", "inform", "gender-violence")}


def test_this_step_adds_what_the_other_side_presented_and_a_demonstration_of_is_no_protest() -> None:
    doc = analyse(
        "Kazakhstan informed that the ratification of the Second Optional Protocol to the ICCPR on the "
        "death penalty is at its final stage. The EU welcomed this step as a clear demonstration of "
        "its commitment to the right to life."
    )
    welcomed = {t for s in doc.statements if s.act == "welcome" for t in s.topics}
    assert "death-penalty" in welcomed and "assembly" not in welcomed


def test_that_after_a_verb_is_no_demonstrative() -> None:
    doc = analyse(
        "Kazakhstan presented the new law on the Ombudsperson. The EU stressed that the reform of the "
        "police must go on."
    )
    assert {t for s in doc.statements if s.act == "stress" for t in s.topics} == {"judiciary"}


def test_a_clause_about_the_dialogue_itself_takes_no_topics_from_the_clause_before() -> None:
    doc = analyse(
        "The EU raised the independence of judges, and both sides reaffirmed their commitment to "
        "continuing this dialogue."
    )
    assert triples(doc) == {("EU", "raise", "judiciary")}


def test_a_participle_between_a_noun_and_a_year_qualifies_the_noun() -> None:
    doc = analyse("The EU welcomed the tougher penalties for bride kidnapping introduced in 2019.")
    assert {(s.actor, s.act) for s in doc.statements} == {("EU", "welcome")}


def test_a_meeting_that_allowed_for_a_frank_exchange_on_topics_is_a_discussion() -> None:
    doc = analyse(
        "The meeting allowed for a frank exchange on a broad set of issues, among them the death penalty."
    )
    assert triples(doc) == {("both", "discuss", "death-penalty")}


def test_scheduling_the_next_round_takes_no_topics_and_telling_state_media_is_no_act() -> None:
    doc = analyse(
        "The EU raised the death penalty, and both sides agreed to hold the next round in Brussels in 2025."
    )
    assert triples(doc) == {("EU", "raise", "death-penalty")}
    doc = analyse("The minister told state media that the talks on the death penalty had been useful.")
    assert doc.statements == ()


def test_an_opportunity_to_exchange_views_and_sharing_progress() -> None:
    doc = analyse(
        "The Dialogue provided an opportunity for both sides to exchange views on the death penalty."
    )
    assert triples(doc) == {("both", "discuss", "death-penalty")}
    doc = analyse("Kazakhstan shared the progress of its ombudsman in preventing torture.")
    assert ("KZ", "inform", "torture") in triples(doc)


def test_an_opportunity_for_a_candid_exchange_on_topics_is_a_discussion() -> None:
    doc = analyse(
        "The meeting gave the delegations an opportunity for a candid exchange on the death penalty."
    )
    assert triples(doc) == {("both", "discuss", "death-penalty")}


def test_a_partners_mission_to_the_eu_speaks_for_the_partner() -> None:
    doc = analyse(
        "Kazakhstan's mission to the EU said that its delegation had presented its plan on torture."
    )
    assert {s.actor for s in doc.statements} == {"KZ"}


def test_an_act_done_by_another_named_body_and_information_on_these_cases() -> None:
    doc = analyse("The EU raised the stateless persons, who were recognised internationally by UNHCR.")
    assert {s.act for s in doc.statements} == {"raise"}
    doc = analyse("Kazakhstan undertook to examine the information provided by the EU on these cases.")
    assert triples(doc) == {("KZ", "commit", "individual-cases")}


def test_these_and_a_noun_the_clause_before_names_take_its_topics_unless_the_noun_has_a_topic() -> None:
    doc = analyse(
        "The EU expressed concern at attacks against journalists and LGBTI persons and called for these "
        "attacks to be investigated."
    )
    assert ("EU", "call", "media") in triples(doc) and ("EU", "call", "lgbti") in triples(doc)
    doc = analyse(
        "Kazakhstan presented its judicial reforms. The EU took note of these reforms and praised the "
        "ombudsperson."
    )
    took_note = next(s for s in doc.statements if s.act == "acknowledge")
    assert took_note.topics == ("reforms",)


def test_we_who_had_an_exchange_are_both_sides() -> None:
    doc = analyse('"We had a frank exchange on the death penalty," the ambassador told reporters.')
    assert triples(doc) == {("both", "discuss", "death-penalty")}


def test_it_after_a_sentence_about_the_meeting_is_both_sides() -> None:
    doc = analyse(
        "The Joint Committee was chaired by two directors. It reviewed cooperation on border management."
    )
    assert triples(doc) == {("both", "discuss", "border-management")}
    doc = analyse("The EU met the minister. It reviewed cooperation on border management.")
    assert triples(doc) == {("EU", "discuss", "border-management")}


def test_a_policy_centred_on_something_is_no_discussion() -> None:
    doc = analyse(
        "The EU took note of a drug policy centred on prevention and stressed that torture is banned."
    )
    assert {a for a, _, _ in triples(doc)} == {"EU"}
    assert ("both", "discuss", "drugs") not in triples(doc)


def test_a_heading_that_names_a_side_gives_the_actor_of_the_list_under_it() -> None:
    body = (
        "The two sides held their dialogue in Astana.\n\nKey points:\n\nKazakhstan\n"
        "- presented its new law on the protection of journalists;\n\nEuropean Union\n"
        "- raised concerns about the detention of bloggers.\n"
    )
    assert triples(analyse(body)) >= {("KZ", "inform", "media"), ("EU", "concern", "detention")}
