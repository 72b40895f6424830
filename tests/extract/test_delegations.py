"""Tests of the delegations stage on small hand-written readouts."""

from __future__ import annotations

from hrd.extract import dates, delegations, meetings, places, segment
from hrd.extract.state import Analysis, HeadInfo

HEAD = (
    "Title\n\nBrussels, 12.05.2022\n\nThe EU and Kyrgyzstan held their 10th Human Rights Dialogue in "
    "Brussels on 11 May.\n\n"
)


def _run(text: str) -> Analysis:
    doc = Analysis(text=text)
    for stage in (segment, dates, places, meetings, delegations):
        doc = stage.run(doc)
    return doc


def _heads(body: str, meeting: int = 0) -> list[tuple[str, str, str | None]]:
    heads: tuple[HeadInfo, ...] = _run(HEAD + body).meetings[meeting].heads
    return [(h.party, h.name, h.title) for h in heads]


def test_passive_headed_by_with_titles() -> None:
    body = (
        "The EU delegation was headed by Mr Jan Novak, Head of the Central Asia Division of the "
        "European External "
        "Action Service. The delegation of Kyrgyzstan was headed by Ms Aida Sadykova, Deputy "
        "Minister of Justice."
    )
    assert _heads(body) == [
        ("EU", "Jan Novak", "Head of the Central Asia Division of the European External Action Service"),
        ("KG", "Aida Sadykova", "Deputy Minister of Justice"),
    ]


def test_co_chaired_by_two_with_clause_title() -> None:
    body = (
        "The Dialogue was co-chaired by Anna Berg, who heads the Asia Division of the European "
        "External Action "
        "Service, and by Bakyt Osmonov, head of the legal department of Kyrgyzstan's Ministry of "
        "Foreign Affairs."
    )
    assert _heads(body) == [
        ("EU", "Anna Berg", "Head of the Asia Division of the European External Action Service"),
        ("KG", "Bakyt Osmonov", "head of the legal department of Kyrgyzstan's Ministry of Foreign Affairs"),
    ]


def test_subject_who_runs_led_the_team_and_members_are_not_heads() -> None:
    body = (
        "Bakyt Osmonov, who runs the Asia department, led the Kyrgyz team. Ombudsman Aida Sadykova "
        "travelled with "
        "him. Ms Anna Berg, head of division at the EEAS, led the EU team, accompanied by Mr Piet de Vries."
    )
    assert _heads(body) == [
        ("KG", "Bakyt Osmonov", "Head of the Asia department"),
        ("EU", "Anna Berg", "head of division at the EEAS"),
    ]


def test_respectively_and_honorifics() -> None:
    body = (
        "H.E. Ambassador Anna Berg and Dr Bakyt Osmonov co-chaired the meeting for the EU and for "
        "Kyrgyzstan respectively."
    )
    assert _heads(body) == [("EU", "Anna Berg", None), ("KG", "Bakyt Osmonov", None)]


def test_heading_opener_and_ellipsis() -> None:
    body = (
        "Heading the EU side was Anna Berg, Director for Human Rights. The EU delegation was led by "
        "Mr Piet de Vries, "
        "and the Kyrgyz delegation by Mr Bakyt Osmonov, Deputy Foreign Minister."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [
        ("EU", "Anna Berg"),
        ("EU", "Piet de Vries"),
        ("KG", "Bakyt Osmonov"),
    ]


def test_delegation_under_title_and_included_member() -> None:
    body = (
        "Kyrgyzstan was represented by a delegation under the Minister of Justice, Mr Bakyt Osmonov, "
        "which also "
        "included the Director of the National Centre for Human Rights, Ms Aida Sadykova."
    )
    assert _heads(body) == [("KG", "Bakyt Osmonov", "Minister of Justice")]


def test_officials_who_opened_the_meeting_are_not_heads() -> None:
    body = "Minister Aida Sadykova opened the meeting. The EU raised the case of Bakyt Osmonov."
    assert _heads(body) == []


def test_heads_go_to_the_meeting_the_sentence_names() -> None:
    text = (
        "Title\n\nDhaka, 05.11.2024\n\nThe 11th Joint Commission between the EU and Bangladesh met "
        "in Dhaka on "
        "4 November. Ahead of it, the Sub-group on Good Governance and Human Rights held its 11th "
        "meeting.\n\n"
        "The Sub-group was co-chaired by Anna Berg, of the European External Action Service, and by "
        "Rafiq Ahmed, "
        "of Bangladesh's Ministry of Law."
    )
    doc = _run(text)
    jc, sg = doc.meetings
    assert jc.heads == ()
    assert [(h.party, h.name) for h in sg.heads] == [("EU", "Anna Berg"), ("BD", "Rafiq Ahmed")]


def test_second_head_after_a_title_with_with_and_opener_with_comma() -> None:
    body = (
        "The EU delegation was led by Ms Anna Berg, Director for Relations with Central Asia, and the Kyrgyz "
        "delegation by Mr Bakyt Osmonov. Leading the EU team, Mr Piet de Vries said little."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [
        ("EU", "Anna Berg"),
        ("KG", "Bakyt Osmonov"),
        ("EU", "Piet de Vries"),
    ]


def test_participle_and_initials() -> None:
    body = "The talks were frank, with Mr Akmal K. Saidov heading the Kyrgyz delegation."
    assert [(p, n) for p, n, _ in _heads(body)] == [("KG", "Akmal K. Saidov")]


def test_led_by_outside_a_delegation_is_not_a_head() -> None:
    body = (
        "The EU welcomed the reforms led by President Sadyr Japarov and the changes that led to his release."
    )
    assert _heads(body) == []


def test_title_before_the_second_head_and_eusr() -> None:
    body = (
        "The dialogue was co-chaired by the EU Special Representative for Human Rights, Olof Skoog, "
        "and Kyrgyzstan's "
        "Deputy Minister of Justice, Ms Aida Sadykova. EUSR Olof Skoog also met civil society."
    )
    assert _heads(body) == [
        ("EU", "Olof Skoog", "EU Special Representative for Human Rights"),
        ("KG", "Aida Sadykova", "Kyrgyzstan's Deputy Minister of Justice"),
    ]


def test_side_phrase_and_ministerial_title_give_the_partner() -> None:
    assert _heads("On the Kyrgyz side, the meeting was chaired by Mr Bakyt Osmonov.") == [
        ("KG", "Bakyt Osmonov", None)
    ]
    assert _heads("The meeting was chaired by Mr Bakyt Osmonov, Deputy Minister of Justice.") == [
        ("KG", "Bakyt Osmonov", "Deputy Minister of Justice")
    ]


def test_a_clause_after_the_name_is_no_title() -> None:
    body = "The Kyrgyz delegation, headed by Mr Bakyt Osmonov, included officials of several ministries."
    assert _heads(body) == [("KG", "Bakyt Osmonov", None)]


def test_a_presidency_and_the_words_of_a_title_are_no_heads() -> None:
    body = "The EU Troika was led by the Netherlands Presidency. The Kyrgyz side was headed by Mr Azat Bekov."
    assert _heads(body) == [("KG", "Azat Bekov", None)]
    body = (
        "The EU delegation was led by Ms Anna Berg, Director for Governance and Conflict Prevention, "
        "and the Kyrgyz delegation by Mr Azat Bekov."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("EU", "Anna Berg"), ("KG", "Azat Bekov")]


def test_a_title_keeps_the_parenthesis_it_opened() -> None:
    body = (
        "The Kyrgyz delegation was led by Mr. Azamat Beishenov, Director General (Europe), while the EU "
        "delegation was led by Ms Jana Kral (Head of Division, EEAS)."
    )
    assert _heads(body) == [
        ("KG", "Azamat Beishenov", "Director General (Europe)"),
        ("EU", "Jana Kral", "Head of Division, EEAS"),
    ]


def test_each_meeting_of_a_paragraph_keeps_its_own_heads() -> None:
    text = (
        "Title\n\nBaghdad, 09.12.2021\n\nOn 7 and 8 December 2021 the EU and Iraq held their 3rd "
        "Human Rights "
        "Dialogue and 2nd Subcommittee on Justice and Home Affairs.\n\n"
        "The Human Rights Dialogue took place on 7 December. It was co-chaired by Ms Clara Vento, Head of "
        "Division, and Dr Ali Hassan al-Kanani, Director of Human Rights.\n\n"
        "On 8 December, the Subcommittee met online. The EU delegation was led by Ms Jo Berg, Head of Unit, "
        "and the Iraqi delegation by Mr Karim Hamid, Deputy Minister.\n\n"
        "The EU and Iraq welcomed the talks.\n"
    )
    doc = _run(text)
    names = [[h.name for h in m.heads] for m in doc.meetings]
    assert names == [["Clara Vento", "Ali Hassan al-Kanani"], ["Jo Berg", "Karim Hamid"]]


def test_a_first_name_that_is_a_place_after_a_title() -> None:
    body = "The dialogue was co-chaired by EU Ambassador Sofia Lindqvist and Mr Jan Novak, Deputy Minister."
    assert [(p, n) for p, n, _ in _heads(body)] == [("EU", "Sofia Lindqvist"), ("KG", "Jan Novak")]


def test_a_meeting_name_with_commas_before_chaired_by() -> None:
    body = (
        "The 5th meeting of the EU-Kyrgyzstan Subcommittee on Human Rights, Democracy and Good Governance "
        "was "
        "chaired by Pascal Verhoeven, head of division at the EU's diplomatic service, and by Rami Haddad, "
        "director at the Kyrgyz foreign ministry."
    )
    doc = _run(HEAD + body)
    (sub,) = [m for m in doc.meetings if m.kind == "subcommittee"]
    assert [(h.party, h.name) for h in sub.heads] == [("EU", "Pascal Verhoeven"), ("KG", "Rami Haddad")]


def test_the_partners_europe_desk_and_a_commission_department_are_not_mistaken() -> None:
    body = (
        "The meeting was co-chaired by Ms Jana Kral, Head of Unit at the Directorate-General for "
        "Neighbourhood and Enlargement Negotiations of the European Commission, and Mr Azamat Beishenov, "
        "Assistant Secretary for European Affairs at the Ministry of Foreign Affairs."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("EU", "Jana Kral"), ("KG", "Azamat Beishenov")]


def test_a_representative_of_a_member_state_to_the_organisation_heads_its_side() -> None:
    text = (
        "The 3rd ASEAN-EU Policy Dialogue on Human Rights\n\nBangkok, 11 October 2019\n\n"
        "The third ASEAN-EU Policy Dialogue on Human Rights was held in Bangkok on 9-10 October 2019. "
        "It was co-chaired by Ms Amara Chai, Representative of Thailand to the ASEAN Intergovernmental "
        "Commission on Human Rights, and Mr Jan Novak, EU Special Representative for Human Rights.\n"
    )
    heads = _run(text).meetings[0].heads
    assert [(h.party, h.name) for h in heads] == [("ASEAN", "Amara Chai"), ("EU", "Jan Novak")]


def test_the_second_head_after_a_long_phrase_and_a_title_before_the_name() -> None:
    body = (
        "The EU delegation was led by Anna Berg, Head of Division for the Eastern Partnership at the "
        "European External Action Service, and the delegation of the Kyrgyz Republic by Deputy "
        "Minister of Foreign Affairs Aida Sadykova."
    )
    assert _heads(body) == [
        (
            "EU",
            "Anna Berg",
            "Head of Division for the Eastern Partnership at the European External Action Service",
        ),
        ("KG", "Aida Sadykova", "Deputy Minister of Foreign Affairs"),
    ]


def test_heads_of_a_meeting_named_by_its_acronym_and_a_title_cut_before_a_verb() -> None:
    text = (
        "Title\n\nBangkok, 12.05.2022\n\nThe EU and Thailand held their 5th Senior Officials' Meeting "
        "(SOM) in Bangkok on 11 May.\n\nThe SOM, co-chaired by Ms Anna Berg, Managing Director at the "
        "EEAS, and Mr Somchai Dee, Permanent Secretary of the Ministry of Foreign Affairs, reviewed "
        "relations.\n"
    )
    heads = _run(text).meetings[0].heads
    assert [(h.party, h.name, h.title) for h in heads] == [
        ("EU", "Anna Berg", "Managing Director at the EEAS"),
        ("TH", "Somchai Dee", "Permanent Secretary of the Ministry of Foreign Affairs"),
    ]


def test_a_head_after_while_leads_the_other_side() -> None:
    body = (
        "The Kyrgyz delegation was headed by Ambassador Aida Sadykova, Under-Secretary for Political "
        "Affairs at the Ministry of Foreign Affairs, while Ms Anna Berg, Managing Director for Human "
        "Rights of the European External Action Service, led the EU side."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("KG", "Aida Sadykova"), ("EU", "Anna Berg")]


def test_talks_led_by_two_heads_in_a_news_report() -> None:
    body = (
        "The talks, held on Monday at the Ministry of Foreign Affairs in Bishkek, were led by Anna Berg, "
        "the European External Action Service's deputy managing director, and Aida Sadykova, state "
        "secretary at Kyrgyzstan's foreign ministry."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("EU", "Anna Berg"), ("KG", "Aida Sadykova")]


def test_heads_with_long_titles_before_their_names_who_co_chaired() -> None:
    body = (
        "Assistant Minister of Foreign Affairs for Human Rights and International Humanitarian and Social "
        "Affairs, Ambassador Aida Sadykova, and the Director for Asia at the European External Action "
        "Service, Anna Berg, co-chaired the meeting of the Human Rights Dialogue."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("KG", "Aida Sadykova"), ("EU", "Anna Berg")]


def test_a_surname_and_the_full_name_are_one_head_and_a_third_organisation_is_no_party() -> None:
    body = (
        "Minister Baroness Carrow led the EU delegation. The dialogue was led by Baroness Elspeth Carrow "
        "and by Aida Sadykova, Undersecretary for ASEAN Affairs at the Ministry of Foreign Affairs."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("EU", "Elspeth Carrow"), ("KG", "Aida Sadykova")]


def test_in_a_dialogue_the_eu_does_not_hold_a_head_without_a_country_is_on_the_first_partys_side() -> None:
    text = (
        "UK-Paraguay Human Rights Dialogue\n\nLondon, 12.05.2022\n\nThe United Kingdom and Paraguay "
        "held their 5th Human Rights Dialogue in London on 11 May.\n\n"
        "The dialogue was co-chaired by Jane Hollis, Director for Asia at the Foreign Office, and "
        "Minister Karel Dvorak, Deputy Minister of Foreign Affairs of Paraguay.\n"
    )
    heads = _run(text).meetings[0].heads
    assert [(h.party, h.name) for h in heads] == [("GB", "Jane Hollis"), ("PY", "Karel Dvorak")]


def test_a_heading_names_the_meeting_of_the_heads_in_the_paragraph_under_it() -> None:
    text = (
        "EU and Kyrgyzstan hold Human Rights Dialogue and Cooperation Committee\n\nBrussels, 12.05.2022\n\n"
        "The EU and Kyrgyzstan held their 10th Human Rights Dialogue in Brussels on 11 May, followed by "
        "the Cooperation Committee on 12 May.\n\nHuman Rights Dialogue\n\n"
        "The EU delegation was headed by Jan Novak, the European External Action Service's Head of Division "
        "for Central Asia.\n\nCooperation Committee\n\n"
        "The Committee was chaired by Anna Berg, Director at the European Commission.\n"
    )
    doc = _run(text)
    assert [[(h.party, h.name, h.title) for h in m.heads] for m in doc.meetings] == [
        [("EU", "Jan Novak", "European External Action Service's Head of Division for Central Asia")],
        [("EU", "Anna Berg", "Director at the European Commission")],
    ]


def test_the_head_of_a_body_is_no_head_of_delegation() -> None:
    body = (
        "Kyrgyzstan outlined the work of the national investigation commission led by Vice-President "
        "Asel Duishenova. The EU team was led by Jan Novak, Head of Division."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("EU", "Jan Novak")]


def test_a_second_delegation_after_a_semicolon_without_its_verb() -> None:
    body = (
        "The EU delegation was headed by Ms Anna Berg, Head of Division at the EEAS; the Kyrgyz "
        "delegation by Bakyt Osmonov, Deputy Minister of Justice."
    )
    assert _heads(body) == [
        ("EU", "Anna Berg", "Head of Division at the EEAS"),
        ("KG", "Bakyt Osmonov", "Deputy Minister of Justice"),
    ]


def test_co_chairs_listed_under_a_label() -> None:
    body = (
        "• Co-chairs: Mr Jan Novak, Ambassador of the European Union to the Kyrgyz Republic; "
        "Ms Aida Sadykova, Director of the Legal Department, Ministry of Foreign Affairs\n"
    )
    assert _heads(body) == [
        ("EU", "Jan Novak", "Ambassador of the European Union to the Kyrgyz Republic"),
        ("KG", "Aida Sadykova", "Director of the Legal Department, Ministry of Foreign Affairs"),
    ]


def test_a_title_before_the_name_and_its_honorific() -> None:
    body = "The Kyrgyz delegation was headed by the Deputy Minister of Justice Mr. Bakyt Osmonov."
    assert _heads(body) == [("KG", "Bakyt Osmonov", "Deputy Minister of Justice")]


def test_heads_after_the_second_of_two_meetings_lead_that_one() -> None:
    text = (
        "Title\n\nColombo, 18 January 2019\n\n"
        "The 22nd session of the Joint Commission was held in Colombo on 17 January 2019. It was co-chaired "
        "by Ms Anna Berg, Deputy Managing Director of the EEAS, and Mr Ravi Perera, Secretary of the "
        "Ministry of Foreign Affairs of Sri Lanka.\n\n"
        "The Joint Commission was preceded, on 16 January, by a meeting of the Working Group on Human "
        "Rights, co-chaired by Ms Tanja Berg, Head of Division at the EEAS, and Ms Saroja Silva, Director "
        "General of the Ministry of Foreign Affairs.\n\nThe Working Group discussed land rights.\n"
    )
    doc = _run(text)
    heads = {m.kind: [h.name for h in m.heads] for m in doc.meetings}
    assert heads == {
        "cooperation-committee": ["Anna Berg", "Ravi Perera"],
        "subcommittee": ["Tanja Berg", "Saroja Silva"],
    }


def test_a_long_title_before_a_name_with_a_glued_initial() -> None:
    body = (
        "The Kyrgyz delegation was led by Director General of the Multilateral Cooperation Department of the "
        "Ministry of Foreign Affairs Mr. B.Osmonov, and the EU delegation was led by Ms Anna Berg, Head of "
        "Division at the EEAS."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("KG", "B.Osmonov"), ("EU", "Anna Berg")]


def test_co_chairs_listed_under_a_label_over_indented_lines() -> None:
    body = (
        "KEY FACTS\nDate: 11 May 2022\nCo-chairs: Mr Jan Novak, Director for Central Asia, EEAS\n"
        "           Ms Aida Sadykova, Deputy Minister of Justice of the Kyrgyz Republic\n"
        "Participants: Ministry of Justice\n"
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("EU", "Jan Novak"), ("KG", "Aida Sadykova")]


def test_talks_at_a_ministry_led_by_two_heads_and_titles_in_other_shapes() -> None:
    body = (
        "The talks at the foreign ministry were led by Anna Berg, deputy managing director at the EU's "
        "diplomatic service, and by U Bakyt Osmonov, permanent secretary of Kyrgyzstan's foreign ministry."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("EU", "Anna Berg"), ("KG", "Bakyt Osmonov")]
    body = (
        "The EU delegation was led by Director for Russia, Eastern Partnership, Central Asia, Regional "
        "Cooperation and the OSCE of the European External Action Service Mr Jan Novak. The Kyrgyz "
        "delegation was headed by Aida Sadykova, who is Director for Human Rights at the Ministry of "
        "Foreign Affairs."
    )
    assert _heads(body) == [
        (
            "EU",
            "Jan Novak",
            "Director for Russia, Eastern Partnership, Central Asia, Regional Cooperation and the OSCE "
            "of the European External Action Service",
        ),
        ("KG", "Aida Sadykova", "Director for Human Rights at the Ministry of Foreign Affairs"),
    ]


def test_a_title_ends_before_a_reporting_clause() -> None:
    body = (
        "The dialogue was co-chaired by Bakyt Osmonov, a deputy foreign minister, and Anna Berg, head of "
        "division at the EEAS, the EU delegation in Bishkek said in a statement."
    )
    assert _heads(body)[1] == ("EU", "Anna Berg", "head of division at the EEAS")


def test_presided_by_and_a_particle_in_a_name() -> None:
    body = (
        "The Kyrgyz delegation was presided by the Vice Minister, Ambassador Bakyt Osmonov e Silva. "
        "The EU delegation was presided by Mr. Jan Novak, Ambassador of the European Union."
    )
    assert [(p, n) for p, n, _ in _heads(body)] == [("KG", "Bakyt Osmonov e Silva"), ("EU", "Jan Novak")]


def test_the_side_between_commas_before_by() -> None:
    body = (
        "The meeting was co-chaired, for the European Union, by Ms Ana Tembo, Head of the Central Asia "
        "Division, and, for Kyrgyzstan, by Mr Ivan Petrov, Deputy Minister of Justice."
    )
    assert _heads(body) == [
        ("EU", "Ana Tembo", "Head of the Central Asia Division"),
        ("KG", "Ivan Petrov", "Deputy Minister of Justice"),
    ]


def test_an_active_head_before_while_leads_the_side_named_before_while() -> None:
    body = (
        "Foreign Secretary Mrs. Aida Sadykova led the Kyrgyz delegation while the delegation of the "
        "European Union was led by Ms. Ana Tembo, Deputy Managing Director for Asia, European External "
        "Action Service (EEAS)."
    )
    assert [(party, name) for party, name, _ in _heads(body)] == [
        ("EU", "Ana Tembo"),
        ("KG", "Aida Sadykova"),
    ]
