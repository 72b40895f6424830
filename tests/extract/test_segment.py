from hrd.extract.segment import run, split_sentences
from hrd.extract.state import Analysis

TEXT = """EU and Ruritania hold 3rd Human Rights Dialogue

Brussels, 05.05.2021

The EU and Ruritania met on 4 May. Mr. J. Smith led the EU side; the talks covered e.g. torture.

The EU raised cases.

Jane Doe
Spokesperson
"""


def test_header_and_body_are_told_apart() -> None:
    doc = run(Analysis(text=TEXT))
    assert doc.title == "EU and Ruritania hold 3rd Human Rights Dialogue"
    headers = [s.text for s in doc.sentences if s.header]
    assert headers == [
        "EU and Ruritania hold 3rd Human Rights Dialogue",
        "Brussels, 05.05.2021",
        "Jane Doe",
        "Spokesperson",
    ]
    body = [s.text for s in doc.sentences if not s.header]
    assert body == [
        "The EU and Ruritania met on 4 May.",
        "Mr. J. Smith led the EU side; the talks covered e.g. torture.",
        "The EU raised cases.",
    ]


def test_offsets_point_into_the_text() -> None:
    doc = run(Analysis(text=TEXT))
    for s in doc.sentences:
        assert TEXT[s.start : s.end] == s.text


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Article 5 (cf. Art. 7) applies. No. 3 is next."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Article 5 (cf. Art. 7) applies.",
        "No. 3 is next.",
    ]


def test_language_is_english_or_unknown() -> None:
    assert (
        run(
            Analysis(text="The EU and the partner discussed the situation of human rights in the country.")
        ).language
        == "en"
    )
    assert (
        run(
            Analysis(
                text="Die Europäische Union und Kasachstan haben heute den Dialog über Menschenrechte geführt."  # noqa: E501
            )
        ).language
        is None
    )


def test_the_title_is_the_headline_not_a_menu_issuer_or_label() -> None:
    page = (
        "Skip to main content\nMenu\nHome > Press material > Press releases\nEN | FR | AR\nSearch\n"
        "News and press material\nEEAS | European External Action Service\n\n"
        "EU-Ruritania: 5th Human Rights Dialogue held in Strelsau\n\n12.10.2022\n"
        "Press and information team of the Delegation to RURITANIA\n\n"
        "The European Union and Ruritania held their fifth Human Rights Dialogue.\n"
    )
    assert run(Analysis(text=page)).title == "EU-Ruritania: 5th Human Rights Dialogue held in Strelsau"
    ministry = (
        "Ministry of Foreign Affairs\nGovernment of Ruritania\n\nPress Release\nNo. 41/2023\n\n"
        "Ruritania and the EU hold their Sub-Group on Human Rights\n\nStrelsau, 2 May 2023\n\n"
        "The meeting was held.\n"
    )
    assert run(Analysis(text=ministry)).title == "Ruritania and the EU hold their Sub-Group on Human Rights"
    plain = "EU-Ruritania Dialogue\n\nThe Dialogue was held.\n"
    assert run(Analysis(text=plain)).title == "EU-Ruritania Dialogue"


def test_an_upper_case_label_is_no_title() -> None:
    text = (
        "COUNCIL OF THE EUROPEAN UNION\nPRESIDENCY PRESS RELEASE\n\n"
        "EU-Ruritania Human Rights Consultations\n\nThe round was held.\n"
    )
    assert run(Analysis(text=text)).title == "EU-Ruritania Human Rights Consultations"


def test_a_ministry_name_in_another_language_or_a_bulletin_number_is_no_title() -> None:
    text = (
        "Ministerio de Relaciones Exteriores\nMinistry of Foreign Affairs of Ruritania\n\nBulletin No. 112\n"
        "Strelsau, 16.03.2022\n\nRuritania and the EU held the III Human Rights Dialogue\n\nIt was held.\n"
    )
    assert run(Analysis(text=text)).title == "Ruritania and the EU held the III Human Rights Dialogue"


def test_a_bulleted_line_starts_a_sentence() -> None:
    text = (
        "Title\n\nThe EU raised torture.\n• The EU welcomed the law.\n- The EU called for reform;\n"
        "2. The EU noted X.\n"
    )
    body = [s.text for s in run(Analysis(text=text)).sentences if not s.header]
    assert body == [
        "The EU raised torture.",
        "• The EU welcomed the law.",
        "- The EU called for reform;",
        "2. The EU noted X.",
    ]


def test_a_state_name_is_no_title() -> None:
    text = (
        "Kingdom of Ruritania\nMinistry of Foreign Affairs\n\nStrelsau hosts the eighth Sub-Committee\n\n"
        "It was held.\n"
    )
    assert run(Analysis(text=text)).title == "Strelsau hosts the eighth Sub-Committee"


def test_a_country_name_alone_is_no_title() -> None:
    text = "United Arab Emirates\nMinistry of Foreign Affairs\n\nUAE and EU hold first Dialogue\n\nHeld.\n"
    assert run(Analysis(text=text)).title == "UAE and EU hold first Dialogue"


def test_issuer_and_office_lines_are_no_title() -> None:
    for header in (
        "Ruritanian Republic – Ministry of Foreign Affairs and Worship\nPress Information No. 214/18",
        "Secretaría de Relaciones Exteriores\nPress and Information Section",
    ):
        text = header + "\n\nRuritania and the EU hold their Dialogue\n\nHeld.\n"
        assert run(Analysis(text=text)).title == "Ruritania and the EU hold their Dialogue"


def test_a_reference_number_line_is_no_title() -> None:
    text = (
        "COUNCIL OF THE EUROPEAN UNION\n\nBrussels, 6 July 2009\n10234/09 (Presse 198)\n\n"
        "EU-Ruritania human rights dialogue\n\nHeld.\n"
    )
    assert run(Analysis(text=text)).title == "EU-Ruritania human rights dialogue"
    text = "COUNCIL OF THE EUROPEAN UNION\n\nBrussels, 6 July 2009\n10234/09 (Presse 198)\n\nHeld.\n"
    assert run(Analysis(text=text)).title is None


def test_a_dateline_alone_is_no_title() -> None:
    text = "Strelsau, 13.05.2021\n\nThe EU and Ruritania held their first dialogue on 12 May.\n"
    assert run(Analysis(text=text)).title is None


def test_breadcrumbs_with_wide_spaces_and_cookie_notices_are_no_title() -> None:
    text = (
        "Home  >  Headquarters  >  Press releases\n\n"
        "We use cookies to give you the best experience.  [ OK ]  [ More information ]\n\n"
        "EU and Ruritania hold their Dialogue\n\nHeld.\n"
    )
    assert run(Analysis(text=text)).title == "EU and Ruritania hold their Dialogue"


def test_a_states_full_name_is_no_title() -> None:
    text = (
        "Arab Republic of Ruritania\nMinistry of Foreign Affairs\n\n"
        "Ruritania and the EU hold their Subcommittee\n\nHeld.\n"
    )
    assert run(Analysis(text=text)).title == "Ruritania and the EU hold their Subcommittee"


def test_slash_breadcrumbs_and_states_named_in_spanish_or_french_are_no_title() -> None:
    for header in ("Home / Press material / Statements by the Spokesperson", "República de Ruritania"):
        text = header + "\n\nRuritania and the EU hold their Dialogue\n\nHeld.\n"
        assert run(Analysis(text=text)).title == "Ruritania and the EU hold their Dialogue", header


def test_the_headline_after_a_menu_and_a_cookie_notice() -> None:
    text = (
        "Skip to main content\nHome\nCountries & Regions\nNewsroom\n\n"
        "This site uses cookies to offer you a better browsing experience. Find out more.\n"
        "I accept cookies   I refuse cookies\n\n"
        "EU-Ruritania Human Rights Dialogue: third round held in Brussels\n\n"
        "20/07/2017 - 16:41\nPress releases\n\nThe third round took place in Brussels on 19 July 2017.\n"
    )
    doc = run(Analysis(text=text))
    assert doc.title == "EU-Ruritania Human Rights Dialogue: third round held in Brussels"


def test_a_headline_that_opens_the_first_paragraph_and_a_title_wrapped_over_two_lines() -> None:
    text = (
        "GOV.UK\nHome > World > Ruritania\n\nPress release\nUK-Ruritania Human Rights Dialogue 2016\n"
        "The Minister led the UK delegation at the 23rd round, held in London.\n"
    )
    assert run(Analysis(text=text)).title == "UK-Ruritania Human Rights Dialogue 2016"
    text = (
        "Eleventh session of the EU-Ruritania Sub-Group on Democracy,\nGovernance and Human Rights\n\nHeld.\n"
    )
    assert run(Analysis(text=text)).title == (
        "Eleventh session of the EU-Ruritania Sub-Group on Democracy, Governance and Human Rights"
    )


def test_a_menu_line_with_wide_gaps_and_you_are_here_breadcrumbs_are_no_title() -> None:
    text = (
        "Menu   Home   About the Delegation   Projects   Press & Media   Jobs\n\n"
        "You are here: Home > Ruritania > Press & Media > Press releases\n\n"
        "IX EU-Ruritania Human Rights Dialogue\n\nHeld.\n"
    )
    assert run(Analysis(text=text)).title == "IX EU-Ruritania Human Rights Dialogue"


WEB_PAGE = """Home > Delegations > Ruritania > News

EU and Ruritania hold Human Rights Dialogue

Share this page:

The EU and Ruritania held their dialogue in Brussels on 4 May. The EU raised cases.

Share on:
Facebook

Related news
EU and Ruritania hold Subcommittee on Trade
Statement by the Spokesperson on the verdict against Mr A. Person.
"""


def test_a_web_pages_tail_after_the_article_is_no_sentence() -> None:
    body = [s.text for s in run(Analysis(text=WEB_PAGE)).sentences if not s.header]
    # "Share this page:" above the article cuts nothing; "Share on:" after its prose ends it.
    assert body == [
        "Share this page:",
        "The EU and Ruritania held their dialogue in Brussels on 4 May.",
        "The EU raised cases.",
    ]


def test_a_tail_word_inside_a_line_of_the_article_cuts_nothing() -> None:
    text = "EU and Ruritania hold dialogue\n\nThe EU raised cases. Related news were discussed.\n\nIt left.\n"
    body = [s.text for s in run(Analysis(text=text)).sentences if not s.header]
    assert body == ["The EU raised cases.", "Related news were discussed.", "It left."]


PDF_TEXT = """EU and Ruritania hold 4th Human Rights Dialogue

1. The EU and Ruritania held their fourth Human Rights Dialogue in Brussels on
3 March 2020. The EU expressed concern about reports of torture in places of
detention, about the conditions of detention of prisoners, and about the climate of

                                                        Page 1 of 2

Ruritania Press Release No. 12/2020                  Ministry of Foreign Affairs

impunity surrounding them. The Ruritanian side presented its new prison law.

2. Both sides agreed to meet again in 2021.
"""


def test_a_sentence_goes_on_over_the_furniture_of_a_page_break() -> None:
    doc = run(Analysis(text=PDF_TEXT))
    body = [s.text for s in doc.sentences if not s.header]
    first = body[1]
    assert first.startswith("The EU expressed concern") and first.endswith("impunity surrounding them.")
    assert "Page 1 of 2" in first  # the sentence keeps the text's characters and offsets
    assert body[2:] == [
        "The Ruritanian side presented its new prison law.",
        "2. Both sides agreed to meet again in 2021.",
    ]


def test_a_paragraph_that_ends_a_sentence_is_not_joined_to_the_next() -> None:
    text = PDF_TEXT.replace("about the climate of\n", "about the climate of impunity.\n").replace(
        "impunity surrounding them. ", "the "
    )
    body = [s.text for s in run(Analysis(text=text)).sentences if not s.header]
    assert body[1].endswith("climate of impunity.")
    assert "Page 1 of 2" in body
