"""Tests of the meetings stage on small hand-written readouts."""

from __future__ import annotations

import datetime as dt

from hrd.extract import dates, meetings, places, segment
from hrd.extract.state import Analysis, MeetingInfo

D = dt.date


def _run(text: str) -> Analysis:
    doc = Analysis(text=text)
    for stage in (segment, dates, places, meetings):
        doc = stage.run(doc)
    return doc


def _only(text: str) -> MeetingInfo:
    doc = _run(text)
    assert len(doc.meetings) == 1
    return doc.meetings[0]


TWO_MEETINGS = """EU and Ruritania hold Human Rights Dialogue and Subcommittee on Justice and Home Affairs

Brussels, 14.10.2021

On 13-14 October 2021, the European Union and the Republic of Kyrgyzstan held by video conference their \
9th Human Rights Dialogue and 14th Subcommittee on Justice and Home Affairs.

On 13 October, during the Human Rights Dialogue, the EU raised the situation of journalists. Kyrgyzstan \
presented its reforms.

The EU welcomed the new ombudsperson law.

On 14 October, during the Subcommittee on Justice and Home Affairs, the sides discussed border management. \
The EU raised drug policy.
"""


def test_two_meetings_on_consecutive_days_each_get_their_day_and_section() -> None:
    doc = _run(TWO_MEETINGS)
    hrd, sc = doc.meetings
    assert (hrd.kind, hrd.ordinal, hrd.start, hrd.end) == (
        "human-rights-dialogue",
        9,
        D(2021, 10, 13),
        D(2021, 10, 13),
    )
    assert (sc.kind, sc.ordinal, sc.start, sc.end) == ("subcommittee", 14, D(2021, 10, 14), D(2021, 10, 14))
    assert sc.name == "Subcommittee on Justice and Home Affairs"
    assert hrd.parties == ("EU", "KG") == sc.parties
    assert hrd.format == sc.format == "online"
    assert hrd.city is None and hrd.country is None
    texts = [s.text for s in doc.sentences]
    welcomed = texts.index("The EU welcomed the new ombudsperson law.")
    drugs = texts.index("The EU raised drug policy.")
    assert welcomed in hrd.sentences and welcomed not in sc.sentences
    assert drugs in sc.sentences and drugs not in hrd.sentences


def test_a_range_shared_by_two_meetings_is_split_by_day() -> None:
    text = (
        "Title\n\nBrussels, 10.05.2022\n\nThe EU and Mongolia held their 4th Human Rights Dialogue "
        "and the Joint "
        "Committee in Ulaanbaatar on 9-10 May 2022."
    )
    hrd, jc = _run(text).meetings
    assert hrd.start == hrd.end == D(2022, 5, 9)
    assert jc.kind == "cooperation-committee"
    assert jc.start == jc.end == D(2022, 5, 10)
    assert jc.city == "Ulaanbaatar" and jc.country == "MN" and jc.format == "in-person"


def test_ordinal_words_and_place() -> None:
    m = _only(
        "EU-Armenia Human Rights Dialogue\n\nYerevan, 16 May 2018\n\n"
        "Armenia and the European Union held the twelfth round of their regular Human Rights "
        "Dialogue in Yerevan "
        "on 16 May 2018."
    )
    assert (m.ordinal, m.city, m.country, m.format) == (12, "Yerevan", "AM", "in-person")
    assert m.start == m.end == D(2018, 5, 16)


def test_brussels_is_belgium_and_range_dates() -> None:
    m = _only(
        "Title\n\nBRUSSELS, Oct 26, 2018 - The European Union and Mexico held the eighth session of "
        "the EU-Mexico "
        "High Level Dialogue on Human Rights in Brussels on October 25-26."
    )
    assert (m.ordinal, m.city, m.country) == (8, "Brussels", "BE")
    assert (m.start, m.end) == (D(2018, 10, 25), D(2018, 10, 26))
    assert m.name == "High Level Dialogue on Human Rights"


def test_city_hosted_today_and_edition() -> None:
    m = _only(
        "8th EU-Vietnam Human Rights Dialogue\n\nBrussels, 04/03/2019\n\nBrussels hosted today the eighth "
        "annual Human Rights Dialogue between the European Union and Viet Nam."
    )
    assert (m.ordinal, m.city, m.country, m.start) == (8, "Brussels", "BE", D(2019, 3, 4))


def test_working_group_is_a_subcommittee_with_its_name() -> None:
    m = _only(
        "Title\n\nCOLOMBO, October 4, 2021 - The fifth meeting of the EU-Sri Lanka Working Group on "
        "Governance, "
        "Rule of Law and Human Rights took place in Colombo on Wednesday, September 29."
    )
    assert m.kind == "subcommittee"
    assert m.name == "Working Group on Governance, Rule of Law and Human Rights"
    assert (m.ordinal, m.start, m.city) == (5, D(2021, 9, 29), "Colombo")


def test_weekday_in_brackets_and_videoconference() -> None:
    m = _only(
        "EU-Moldova Human Rights Dialogue\n\nBrussels, 24/09/2020\n\nThe eleventh round of the "
        "annual Human Rights "
        "Dialogue between the EU and the Republic of Moldova took place by videoconference on "
        "Wednesday (23 September)."
    )
    assert (m.ordinal, m.start, m.format, m.city) == (11, D(2020, 9, 23), "online", None)
    assert m.parties == ("EU", "MD")


def test_ordinal_after_the_name() -> None:
    text = (
        "Title\n\nBrussels, 10.03.2023\n\nThe Subcommittee on Justice and Home Affairs, which met "
        "for the 20th time, "
        "held its session on 10 March in Brussels."
    )
    assert _only(text).ordinal == 20


def test_no_meeting_when_postponed_or_planned() -> None:
    text = (
        "EU calls off human rights talks with Georgia\n\nTBILISI, November 19, 2025 - The annual "
        "human rights "
        "dialogue between the European Union and Georgia, which was due to take place in Brussels on Friday, "
        "21 November, has been postponed indefinitely.\n\nThe next Human Rights Dialogue will be "
        "held in 2026."
    )
    assert _run(text).meetings == ()


def test_side_events_other_bodies_and_frameworks_are_not_meetings() -> None:
    text = (
        "Title\n\nBrussels, 09/12/2016\n\nThe EU and Vietnam met in Brussels on 8 December for their "
        "dialogue on "
        "human rights.\n\nA visit to Vietnam by the European Parliament's Subcommittee on Human "
        "Rights, planned for "
        "2017, was announced. Progress will be reviewed at the next session of the EU-Vietnam Joint "
        "Committee."
    )
    doc = _run(text)
    assert [m.kind for m in doc.meetings] == ["human-rights-dialogue"]


def test_no_meeting_in_a_text_without_one() -> None:
    assert (
        _run(
            "Court verdict\n\nHANOI, May 2, 2021 - A court in Hanoi sentenced a blogger to ten years."
        ).meetings
        == ()
    )


def test_confidence_is_a_probability() -> None:
    for m in _run(TWO_MEETINGS).meetings:
        assert 0.0 <= m.confidence <= 1.0


def test_a_dated_and_placed_mention_without_a_meeting_verb_is_held() -> None:
    m = _only(
        "EU-Uzbekistan Sub-Committee\n\nTashkent, 08.06.2019\n\nAt the 15th meeting of the Sub-Committee on "
        "Justice and Home Affairs in Tashkent on 7 June, Uzbekistan informed the EU about its reforms."
    )
    assert (m.kind, m.ordinal, m.start, m.city, m.country) == (
        "subcommittee",
        15,
        D(2019, 6, 7),
        "Tashkent",
        "UZ",
    )


def test_a_title_only_kind_is_not_a_second_meeting() -> None:
    text = (
        "EU and Laos discuss human rights at Human Rights Dialogue\n\nVientiane, 28.06.2014\n\n"
        "The fifth meeting of the Working Group on Human Rights and Governance was held in Vientiane "
        "on 27 June."
    )
    assert [m.kind for m in _run(text).meetings] == ["subcommittee"]


def test_a_previous_round_mentioned_in_passing_is_not_reported() -> None:
    text = (
        "Court verdict\n\nHANOI, May 2, 2021 - A court sentenced a blogger. The EU had raised his "
        "case at the "
        "Human Rights Dialogue held in Brussels on 3 December 2019."
    )
    assert _run(text).meetings == ()


def test_unnamed_capital_hybrid_and_dateline_venue() -> None:
    m = _only(
        "Title\n\nDushanbe, 3 June 2023\n\nThe 14th Human Rights Dialogue was held in the Tajik "
        "capital today."
    )
    assert (m.city, m.country, m.format) == ("Dushanbe", "TJ", "in-person")
    m = _only(
        "Title\n\nJakarta, 3 June 2024\n\nThe 10th Human Rights Dialogue was held today in a hybrid format."
    )
    assert m.format == "hybrid"
    m = _only(
        "Title\n\nJakarta, 3 June 2024\n\nThe EU and Indonesia held the 10th Human Rights Dialogue today."
    )
    assert (m.city, m.country, m.format) == ("Jakarta", "ID", "in-person")


def test_venue_from_a_later_sentence_of_the_section() -> None:
    m = _only(
        "Title\n\nBrussels, 12.06.2024\n\nThe EU and Armenia held their 14th Human Rights Dialogue "
        "on 11 June. "
        "The meeting took place in Yerevan and was chaired on both sides by senior officials."
    )
    assert (m.city, m.country, m.format) == ("Yerevan", "AM", "in-person")


def test_negation_is_local_to_the_mention() -> None:
    m = _only(
        "Title\n\nBrussels, 12.06.2024\n\nThe EU and Armenia held their 14th Human Rights Dialogue "
        "in Yerevan on "
        "11 June, the last meeting before the summer."
    )
    assert m.start == D(2024, 6, 11)


def test_an_organisation_partner_and_ordinal_words() -> None:
    m = _only(
        "Title\n\nAddis Ababa, 22.11.2022\n\nThe African Union and the European Union held the "
        "twenty-first round "
        "of their AU-EU Human Rights Dialogue in Addis Ababa on 21 November."
    )
    assert (m.parties, m.ordinal, m.city, m.country) == (("EU", "AUC"), 21, "Addis Ababa", "ET")
    m = _only(
        "Title\n\nBrussels, 22.11.2022\n\nThe EU and ASEAN held the fiftieth session of their Policy "
        "Dialogue "
        "on Human Rights in Brussels on 21 November."
    )
    assert (m.kind, m.parties, m.ordinal) == ("human-rights-dialogue", ("EU", "ASEAN"), 50)


def test_a_late_report_still_dates_the_meeting_when_no_recent_day_is_given() -> None:
    m = _only(
        "EU-Georgia Human Rights Dialogue\n\nBrussels, 15.06.2022\n\n"
        "The EU and Georgia held their 14th Human Rights Dialogue in Tbilisi on 12 November 2021."
    )
    assert m.start == D(2021, 11, 12)


NEWS_REPORT = """EU presses Kyrgyzstan on detained journalists

BISHKEK, March 9, 2023 (Steppe Wire) - European Union officials raised the cases of jailed reporters during \
talks on human rights held in Bishkek on Tuesday, the EU's delegation said.

The EU-Kyrgyzstan Subcommittee on Justice and Home Affairs met for the first time in three years. The EU \
called for the release of the journalists.
"""


def test_talks_in_a_news_lead_are_the_named_meeting() -> None:
    m = _only(NEWS_REPORT)
    assert (m.kind, m.name) == ("subcommittee", "Subcommittee on Justice and Home Affairs")
    assert (m.start, m.city, m.country) == (D(2023, 3, 7), "Bishkek", "KG")


def test_the_first_time_in_years_is_no_rank() -> None:
    assert _only(NEWS_REPORT).ordinal is None
    assert _only(NEWS_REPORT.replace("for the first time in three years", "for the 9th time")).ordinal == 9


def test_a_dialogue_the_eu_does_not_hold_has_the_two_countries_as_parties() -> None:
    text = (
        "Canada-Viet Nam Human Rights Dialogue\n\nOttawa, 4 May 2023\n\n"
        "Canada hosted the fifth round of the Canada-Viet Nam Human Rights Dialogue in Ottawa on 3 May 2023. "
        "The Vietnamese delegation presented its reforms. Canada raised concerns about the media.\n"
    )
    m = _only(text)
    assert (m.parties, m.ordinal, m.city) == (("CA", "VN"), 5, "Ottawa")


LAST_WEEK = """EU presses Ruritania on torture law

STRELSAU, Oct 30, 2017 (Wire) - The European Union urged Ruritania to apply its law against torture during \
talks on human rights held in Strelsau last week, officials said on Monday.

The 5th meeting of the EU-Ruritania Subcommittee on Human Rights, Democracy and Good Governance was chaired \
by Jan Novak, head of division at the EU's diplomatic service. The EU raised the case of a blogger.
"""


def test_talks_held_last_week_are_held_and_the_day_of_a_report_is_not_the_meeting_day() -> None:
    m = _only(
        LAST_WEEK.replace("Ruritania", "Kyrgyzstan")
        .replace("STRELSAU", "BISHKEK")
        .replace("Strelsau", "Bishkek")
    )
    assert (m.kind, m.ordinal, m.start, m.city, m.country) == ("subcommittee", 5, None, "Bishkek", "KG")


def test_a_policy_dialogue_on_human_rights_with_its_rank() -> None:
    text = (
        "The 3rd ASEAN-EU Policy Dialogue on Human Rights\n\nBangkok, 11 October 2019\n\n"
        "The third ASEAN-EU Policy Dialogue on Human Rights was held in Bangkok on 9-10 October 2019.\n"
    )
    m = _only(text)
    assert (m.kind, m.name, m.ordinal, m.parties) == (
        "human-rights-dialogue",
        "Policy Dialogue on Human Rights",
        3,
        ("EU", "ASEAN"),
    )


def test_roman_ordinals_rank_a_round_and_name_the_next() -> None:
    text = (
        "Ruritania and the EU held the III Human Rights Dialogue\n\nStrelsau, 16.03.2022\n\n"
        "The III Human Rights Dialogue between Kyrgyzstan and the European Union was held in Bishkek on "
        "14-15.03.2022.\n"
    )
    m = _only(text)
    assert (m.ordinal, m.start, m.end) == (3, D(2022, 3, 14), D(2022, 3, 15))
    assert _only(text.replace("III", "I")).ordinal is None


def test_earlier_this_week_is_held_and_first_ever_is_the_first() -> None:
    text = (
        "Title\n\nBishkek, 16 April 2016\n\nThe sides held the 7th round of the EU-Kyrgyzstan dialogue on "
        "human rights in Bishkek earlier this week.\n"
    )
    m = _only(text)
    assert (m.ordinal, m.city, m.start) == (7, "Bishkek", None)
    text = (
        "Title\n\nBishkek, 24 November 2021\n\nThe European Union and Kyrgyzstan held their first-ever Human "
        "Rights Dialogue in Bishkek on 22nd November.\n"
    )
    assert (_only(text).ordinal, _only(text).start) == (1, D(2021, 11, 22))


def test_each_day_goes_with_the_meeting_named_last_before_it() -> None:
    text = (
        "Title\n\nBangkok, 12.05.2022\n\nTalks between the EU and Thailand ended in Bangkok. The 2nd "
        "Human Rights Dialogue opened the week on 9 May, and the 5th Senior Officials' Meeting (SOM) "
        "followed on 10 May.\n\nThe Dialogue addressed the death penalty.\n\nThe SOM reviewed trade "
        "relations.\n"
    )
    hrd, som = _run(text).meetings
    assert (hrd.kind, hrd.ordinal, hrd.start) == ("human-rights-dialogue", 2, D(2022, 5, 9))
    assert (som.kind, som.name, som.ordinal, som.start) == (
        "other",
        "Senior Officials' Meeting",
        5,
        D(2022, 5, 10),
    )


def test_a_weekday_is_no_part_of_the_name_and_the_nth_of_its_kind_is_the_ordinal() -> None:
    text = (
        "Title\n\nSTRELSAU, Oct 8, 2019 - Ruritania and the European Union used their annual human "
        "rights dialogue on Monday to discuss attacks on migrants, officials said.\n\n"
        "The meeting in Strelsau, the sixth of its kind, was chaired by two directors.\n"
    )
    m = _only(text)
    assert (m.name, m.ordinal, m.start) == ("human rights dialogue", 6, D(2019, 10, 7))


def test_the_first_law_of_its_kind_is_no_ordinal() -> None:
    text = (
        "Title\n\nBrussels, 8.10.2019\n\nThe EU and Ruritania held their human rights dialogue in "
        "Strelsau on 7 October. The EU welcomed the new asylum law, the first of its kind in the region.\n"
    )
    assert _only(text).ordinal is None


def test_the_capital_of_the_partner_as_the_dateline_writes_it_and_a_spaced_pair_of_parties() -> None:
    text = (
        "Title\n\nNur-Sultan, 25 November 2021 - On 23 November 2021, the capital of Kazakhstan hosted the "
        "13th round of the Kazakhstan - European Union Human Rights Dialogue.\n"
    )
    m = _only(text)
    assert (m.ordinal, m.city, m.country) == (13, "Nur-Sultan", "KZ")


def test_a_venue_after_a_commission_is_the_meetings() -> None:
    text = (
        "Title\n\nAddis Ababa, 16 November 2022\n\nThe African Union and the European Union held their "
        "seventeenth Human Rights Dialogue at the headquarters of the African Union Commission in Addis "
        "Ababa, Ethiopia, on 14 and 15 November 2022.\n"
    )
    m = _only(text)
    assert (m.city, m.country, m.format) == ("Addis Ababa", "ET", "in-person")


def test_the_day_of_a_side_event_before_the_meeting_is_not_the_meetings() -> None:
    text = (
        "Title\n\nTuesday, 9 November 2021\n\nRuritania and the European Union held today, by "
        "videoconference, the IX Meeting of their High-Level Dialogue on Human Rights. The Dialogue was "
        "preceded on 5 November by a virtual meeting with civil society.\n"
    )
    assert _only(text).start == D(2021, 11, 9)


def test_a_meeting_that_followed_on_a_day_takes_it() -> None:
    text = (
        "Title\n\nVientiane, 24.11.2023\n\nThe 12th meeting of the Working Group on Human Rights was held "
        "in Vientiane on 22 November 2023. It was followed on 23 November by the 13th Joint Committee.\n\n"
        "The Joint Committee took stock of development cooperation.\n"
    )
    wg, jc = _run(text).meetings
    assert (wg.start, jc.start) == (D(2023, 11, 22), D(2023, 11, 23))


def test_a_day_after_on_and_a_weekday_is_the_meetings_and_a_hybrid_format_said_later() -> None:
    text = (
        "Title\n\n18.11.2021\n\nOn Wednesday, 17 November, the European Union and Ukraine held the seventh "
        "round of their Human Rights Dialogue in Kyiv. The meeting was held in a hybrid format.\n"
    )
    m = _only(text)
    assert (m.start, m.format, m.city) == (D(2021, 11, 17), "hybrid", "Kyiv")


def test_a_meeting_on_the_following_day() -> None:
    text = (
        "Title\n\nAshgabat, 25.05.2023\n\nAshgabat hosted the 15th Human Rights Dialogue on 23 May and, on "
        "the following day, the 13th meeting of the EU-Turkmenistan Joint Committee.\n\n"
        "The Dialogue addressed torture.\n\nThe Joint Committee reviewed trade.\n"
    )
    hrd, jc = _run(text).meetings
    assert (hrd.start, jc.start) == (D(2023, 5, 23), D(2023, 5, 24))


def test_a_meeting_dated_months_before_the_dateline_is_one_mentioned_in_passing() -> None:
    text = (
        "Ruritania: Statement by the Spokesperson on a verdict\n\n"
        "Brussels, 10.04.2024\n\n"
        "The EU has raised this case with the authorities, most recently at the EU-Ruritania Joint "
        "Committee held in Ruriville in January 2024. The EU calls for the release of the defendant.\n"
    )
    assert _run(text).meetings == ()
    recent = text.replace("January 2024", "late March 2024")
    assert [m.kind for m in _run(recent).meetings] == ["cooperation-committee"]


def test_a_city_that_has_hosted_the_meeting_on_a_day() -> None:
    text = (
        "Title\n\nLima, 30 June 2022\n\nIn the framework of their agreement, Cusco has hosted on Wednesday "
        "the 29th of June 2022 the sixth meeting of the Subcommittee on Human Rights of Peru and the EU.\n"
    )
    m = _only(text)
    assert (m.city, m.country, m.format, m.start) == ("Cusco", "PE", "in-person", D(2022, 6, 29))


KEY_FACTS = """3rd EU-ASEAN Policy Dialogue on Human Rights - readout

Brussels, 9 November 2019

Key facts
• What: third Policy Dialogue on Human Rights between the European Union and ASEAN, in Brussels
• When: 08.11.2019
• Where: Brussels, EEAS headquarters

Main points
• The two sides exchanged views on the rights of migrant workers and on trafficking in persons.
• The fourth Policy Dialogue will take place in Jakarta in 2021.
"""


def test_a_box_of_key_facts_dates_and_places_the_meeting_and_its_bullets_are_body_text() -> None:
    m = _only(KEY_FACTS)
    assert (m.kind, m.parties, m.ordinal) == ("human-rights-dialogue", ("EU", "ASEAN"), 3)
    assert (m.start, m.city, m.country, m.format) == (D(2019, 11, 8), "Brussels", "BE", "in-person")
    doc = _run(KEY_FACTS)
    bullet = next(s for s in doc.sentences if s.text.startswith("• The two sides"))
    assert not bullet.header


def test_the_capital_where_a_meeting_is_held_names_no_party() -> None:
    text = (
        "EU and African Union hold human rights talks\n\n4 November 2016\n\n"
        "DAKAR, Nov 4 (Wire) - The African Union Commission and the European Union on Thursday held their "
        "12th human rights dialogue in the Senegalese capital. Senegalese officials attended.\n\n"
        "Senegal has asked to host the next session. Senegalese diplomats spoke, as did Senegal's envoy.\n"
    )
    assert _only(text).parties == ("EU", "AUC")


def test_a_meeting_followed_the_next_day_is_held_and_a_title_waiting_for_a_date_holds_none() -> None:
    text = (
        "Title\n\nKyiv, 20/11/2019\n\nThe EU and Ukraine held their Human Rights Dialogue in Kyiv on 18 "
        "November 2019, followed the next day by the sixth meeting of the Subcommittee on Justice.\n"
    )
    _, sub = _run(text).meetings
    assert (sub.kind, sub.ordinal, sub.start) == ("subcommittee", 6, D(2019, 11, 19))
    waiting = (
        "EU still waiting for a date for its human rights dialogue with Ruritania\n\n"
        "BRUSSELS, December 9, 2016 - The EU has yet to agree on a date for the next round.\n\n"
        "The 34th round of the dialogue was held in Brussels on 30 November 2015.\n"
    )
    assert _run(waiting).meetings == ()


def test_a_box_of_key_facts_with_date_and_venue_on_one_line_places_the_meeting() -> None:
    text = (
        "EU and Laos hold their 10th Working Group on Human Rights\n\nVientiane, 19 November 2020\n\n"
        "• Date and venue: 18 November 2020, Ministry of Foreign Affairs, Vientiane\n"
        "• The Working Group met after a meeting on trade in Luang Prabang.\n\n"
        "The EU and the Lao PDR held the 10th meeting of their Working Group on Human Rights.\n"
    )
    m = _only(text)
    assert (m.start, m.city, m.country, m.format) == (D(2020, 11, 18), "Vientiane", "LA", "in-person")


def test_a_letter_ahead_of_a_dialogue_reports_no_meeting() -> None:
    text = (
        "Joint NGO letter ahead of the EU-Ruritania Human Rights Dialogue\n\n12 October 2022\n\n"
        "Dear High Representative,\n\nWe are writing to you ahead of the second round of the "
        "EU-Ruritania Human Rights Dialogue.\n\n"
        "The first round of the dialogue, held in Brussels in November 2021, produced no results.\n"
    )
    assert _run(text).meetings == ()


def test_a_meeting_that_preceded_another_shares_its_venue_and_not_its_rank() -> None:
    text = (
        "22nd Session of the EU - Ruritania Joint Commission and meeting of the Working Group on Human "
        "Rights\n\nColombo, 18 January 2019\n\n"
        "The twenty-second session of the Joint Commission was held in Colombo on 17 January 2019.\n\n"
        "The Joint Commission was preceded, on 16 January 2019, by a meeting of the Working Group on Human "
        "Rights.\n\nThe Working Group discussed cooperation ahead of the 40th session of the Human Rights "
        "Council.\n"
    )
    meetings = {m.kind: m for m in _run(text).meetings}
    wg = meetings["subcommittee"]
    assert (wg.ordinal, wg.start, wg.city, wg.format) == (None, D(2019, 1, 16), "Colombo", "in-person")
    assert meetings["cooperation-committee"].ordinal == 22


def test_the_headquarters_of_the_eeas_is_in_brussels_and_numeric_dates_make_a_range() -> None:
    text = (
        "Title\n\nBrussels, 4 October 2019\n\nThe European Union and Ruritania held their first Human Rights "
        "Dialogue on 3 October 2019 at the headquarters of the European External Action Service.\n"
    )
    m = _only(text)
    assert (m.city, m.country, m.format) == ("Brussels", "BE", "in-person")
    text = "Title\n\nOslo, 31.10.2018\n\nThe human rights dialogue was held on 29.10.2018-30.10.2018.\n"
    assert (_only(text).start, _only(text).end) == (D(2018, 10, 29), D(2018, 10, 30))


def test_a_round_last_held_before_is_no_meeting_and_a_report_card_names_none() -> None:
    text = (
        "Parliamentary questions\n29 January 2019\n\nAnswer given by the High Representative\n\n"
        "The EU raises these issues in the local human rights dialogue with Ruritania, which was last held "
        "in Abuja in 2018. The next dialogue is expected after the elections.\n"
    )
    assert _run(text).meetings == ()
    text = (
        "HUMAN RIGHTS DIALOGUE REPORT CARD: EU - RURITANIA\n\nBrussels, 6 February 2020\n\n"
        "ROUND 6 - Brussels, 8 December 2016. Grade: F\n"
    )
    assert _run(text).meetings == ()


def test_a_title_on_the_second_line_with_its_round_after_a_comma() -> None:
    text = (
        "Delegation of the European Union to the Kyrgyz Republic\n\n"
        "EU-Kyrgyz Republic Human Rights Dialogue, 11th round\n\nBishkek, 13/11/2019\n\n"
        "The dialogue took place in Bishkek on 12 November 2019.\n"
    )
    m = _only(text)
    assert (m.kind, m.ordinal, m.start, m.city) == ("human-rights-dialogue", 11, D(2019, 11, 12), "Bishkek")


def test_the_donor_comes_first_among_two_parties_without_the_eu() -> None:
    text = (
        "Viet Nam and Germany hold Human Rights Dialogue\n\nBerlin, 4 December 2015\n\n"
        "On 3 December 2015, the Human Rights Dialogue between Viet Nam and Germany took place in Berlin. "
        "Viet Nam presented its reforms.\n"
    )
    assert _only(text).parties == ("DE", "VN")


def test_a_box_of_key_facts_with_dotted_leaders() -> None:
    text = (
        "EEAS | Press release | Brussels, 15/11/2017\n\n"
        "EU-RURITANIA HUMAN RIGHTS DIALOGUE - 7th ROUND\n"
        "  When ........ Tuesday 14 November 2017\n  Where ....... Brussels (EEAS headquarters)\n\n"
        "Ruritania and the European Union held the seventh round of their Human Rights Dialogue.\n"
    )
    m = _only(text)
    assert (m.start, m.city, m.country) == (D(2017, 11, 14), "Brussels", "BE")


def test_a_subcommittee_named_in_lower_case_with_its_subjects_and_a_date_of_another_event() -> None:
    text = (
        "EU presses Egypt at rights talks\n\nCAIRO, 18 June 2024 - The European Union and Egypt held talks "
        "on Monday 17 June in Cairo, in a meeting of their subcommittee on political matters, human rights "
        "and democracy.\n"
    )
    m = _only(text)
    assert (m.kind, m.start, m.city) == ("subcommittee", D(2024, 6, 17), "Cairo")
    text = (
        "Title\n\nJakarta, 27 October 2021\n\nOn 25-26 October 2021, the EU and Indonesia held their Human "
        "Rights Dialogue in Jakarta. The dialogue took place ahead of the ASEAN Summits, scheduled for 26-28 "
        "October 2021.\n"
    )
    m = _only(text)
    assert (m.start, m.end) == (D(2021, 10, 25), D(2021, 10, 26))


def test_a_letter_ahead_of_the_resumption_of_a_dialogue_reports_no_meeting() -> None:
    text = (
        "Joint NGO letter ahead of the resumption of the EU-China Human Rights Dialogue\n\n"
        "15 September 2022\n\nDear High Representative,\n\n"
        "The last round of the dialogue took place in Brussels on 1-2 April 2019.\n"
    )
    assert _run(text).meetings == ()


def test_a_day_that_goes_with_another_meeting_loses_to_today_in_the_meetings_own_sentence() -> None:
    text = (
        "EU and Kyrgyzstan hold Cooperation Committee\n\n"
        "The 11th meeting of the EU-Kyrgyzstan Cooperation Committee was held in Bishkek today. "
        "The Cooperation Committee was preceded by the 4th meeting of the Subcommittee on Justice and "
        "Human Rights on 6 June 2023, also in Bishkek. The Subcommittee discussed the rule of law.\n\n"
        "Bishkek\n7 June 2023\n"
    )
    days = {m.kind: m.start for m in _run(text).meetings}
    assert days == {"cooperation-committee": D(2023, 6, 7), "subcommittee": D(2023, 6, 6)}


def test_a_meeting_named_by_its_acronym_and_the_day_after_preceded_on() -> None:
    text = (
        "EU-Kyrgyzstan Cooperation Council and Human Rights Dialogue, 14-15 November 2018\n\n"
        "The 14th meeting of the EU-Kyrgyzstan Cooperation Council (ECC) took place in Brussels on "
        "15 November 2018. The ECC was preceded on 14 November by the sixth EU-Kyrgyzstan Human Rights "
        "Dialogue, also held in Brussels. The ECC reviewed trade. At the Human Rights Dialogue, the two "
        "sides discussed torture.\n"
    )
    doc = _run(text)
    days = {m.kind: m.start for m in doc.meetings}
    assert days == {"cooperation-council": D(2018, 11, 15), "human-rights-dialogue": D(2018, 11, 14)}
    council = next(m for m in doc.meetings if m.kind == "cooperation-council")
    reviewed = next(i for i, s in enumerate(doc.sentences) if s.text.startswith("The ECC reviewed"))
    assert reviewed in council.sentences
