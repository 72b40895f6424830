"""Topic tagging of single clauses."""

from __future__ import annotations

import pytest

from hrd.codes import Topic, topic_codes, topics
from hrd.extract.topics import TOPIC_ORDER, tag_topics


@pytest.mark.parametrize(
    ("clause", "topic"),
    [
        ("called for a moratorium", "death-penalty"),
        ("welcomed the abolition of capital punishment", "death-penalty"),
        ("regretted the recent executions", "death-penalty"),
        ("raised the deaths of protesters at the hands of police", "right-to-life"),
        ("stressed freedom-of-expression online", "expression"),
        ("discussed the anti-torture action plan", "torture"),
        ("discussed internally displaced persons", "movement"),
        ("raised the situation of bloggers", "media"),
        ("discussed the law on foreign agents", "association"),
        ("stressed the importance of the Paris Principles for the Ombudsperson", "nhri"),
        ("welcomed the visit of the UN Special Rapporteur", "un-mechanisms"),
        ("discussed vaccine access", "esc-rights"),
        ("discussed the FATF recommendations", "money-laundering"),
        ("called for an end to child labour in the cotton harvest", "forced-labour"),
    ],
)
def test_cues(clause: str, topic: str) -> None:
    assert topic in tag_topics(clause)


def test_longest_cue_wins() -> None:
    assert tag_topics("raised the situation of human rights defenders") == ("defenders",)
    assert tag_topics("discussed electoral reform") == ("elections",)
    assert tag_topics("discussed violence against women and girls") == ("gender-violence",)


def test_general_only_for_human_rights_as_a_whole_or_as_a_list_item() -> None:
    assert tag_topics("discussed the human rights situation") == ("general",)
    assert tag_topics("stressed human-rights norms in countering terrorism") == ("terrorism",)
    assert set(tag_topics("a breakthrough on human rights, on reconciliation and on corruption")) == {
        "general",
        "accountability",
        "corruption",
    }


def test_pseudo_topics_depend_on_the_clause() -> None:
    assert tag_topics("encouraged cooperation with the ILO on trade unions") == ("labour",)
    assert tag_topics("encouraged cooperation with the ILO to end forced labour") == ("forced-labour",)
    assert tag_topics("called for the ODIHR recommendations on the elections to be implemented") == (
        "elections",
    )


def test_the_dialogue_itself_and_agreements_have_no_topic() -> None:
    assert tag_topics("the Human Rights Dialogue under the Partnership and Cooperation Agreement") == ()
    assert tag_topics("the territorial integrity of Georgia") == ()


def test_every_topic_code_is_a_code_of_the_taxonomy() -> None:
    assert set(TOPIC_ORDER) <= set(topic_codes())


@pytest.mark.parametrize("topic", topics())
def test_each_topic_label_is_tagged_with_its_code(topic: Topic) -> None:
    assert topic.code in tag_topics(topic.label)


def test_named_persons_are_individual_cases_besides_their_role() -> None:
    assert set(tag_topics("raised the case of journalist Ivan Petrov")) == {"individual-cases", "media"}
    assert "individual-cases" not in tag_topics("Mr Petrov welcomed the reforms")
