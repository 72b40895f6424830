"""Topic tagging of single clauses."""

from __future__ import annotations

import pytest

from hrd.codes import Topic, topic_codes, topics
from hrd.extract.topics import TOPIC_ORDER, tag_topics


@pytest.mark.parametrize(
    ("clause", "topic"),
    [
        ("called for a moratorium", "death-penalty"),
        ("stressed that counterterrorism measures must be lawful", "terrorism"),
        ("encouraged it to protect Internet freedom", "expression"),
        ("asked it to end compulsory work in closed centres", "forced-labour"),
        ("welcomed the abolition of capital punishment", "death-penalty"),
        ("regretted the recent executions", "death-penalty"),
        ("raised the deaths of protesters at the hands of police", "right-to-life"),
        ("stressed freedom-of-expression online", "expression"),
        ("stressed freedom of expression, including online", "media"),
        ("raised sentences for peaceful online expression", "expression"),
        ("called for those responsible to be held to account", "accountability"),
        ("stressed that restrictions in the health emergency must be temporary", "emergency-measures"),
        ("presented cash transfers to low-income households", "esc-rights"),
        ("discussed the administration of justice", "judiciary"),
        ("welcomed the expansion of alternative sentencing", "detention"),
        ("congratulated it on its election to the Council", "multilateral"),
        ("undertook to provide information on each case", "individual-cases"),
        ("raised the principle of non-refoulement", "asylum"),
        ("discussed freedom and pluralism of the media", "media"),
        ("raised the trial of civilians before military courts", "fair-trial"),
        ("welcomed the support to the African human rights system", "regional-mechanisms"),
        ("raised prosecutions over critical posts on social media", "expression"),
        ("explained that bacha bazi was criminalised", "children"),
        ("informed about the partial state of exception in force since December", "emergency-measures"),
        ("welcomed the law on shelter houses for women survivors of violence", "gender-violence"),
        ("welcomed the lifting of the ban on emergency contraception", "esc-rights"),
        ("raised the situation of the Garifuna people", "minorities"),
        ("raised the ban on information about non-traditional sexual relations", "lgbti"),
        ("raised conditions in police detention centres", "detention"),
        ("invited support for the National Programme on Human Rights", "reforms"),
        ("discussed the livelihoods of herders", "esc-rights"),
        ("explained that it is applied only for the most serious crimes", "death-penalty"),
        ("reviewed the implementation of the 27 core international conventions", "gsp-plus"),
        ("briefed on the EU Action Plan on Human Rights and Democracy 2020-2024", "general"),
        ("praised the work of the Parliament Commissioner for Human Rights", "nhri"),
        ("welcomed the law on protection against family violence", "gender-violence"),
        ("noted the repeal of the offence of acting for unregistered organisations", "association"),
        ("welcomed the commitment to combating deforestation", "environment"),
        ("commended the regularisation of 2 million Venezuelans", "migration"),
        ("raised the dissolution of the main opposition party", "elections"),
        ("presented the protection orders issued", "gender-violence"),
        ("discussed the anti-torture action plan", "torture"),
        ("discussed internally displaced persons", "movement"),
        ("raised the situation of bloggers", "media"),
        ("discussed the law on foreign agents", "association"),
        ("stressed the importance of the Paris Principles for the Ombudsperson", "nhri"),
        ("welcomed the visit of the UN Special Rapporteur", "un-mechanisms"),
        ("discussed vaccine access", "esc-rights"),
        ("discussed the FATF recommendations", "money-laundering"),
        ("called for an end to child labour in the cotton harvest", "forced-labour"),
        ("raised custodial deaths", "torture"),
        ("welcomed the role of the National Commission for Human Rights", "nhri"),
        ("expressed concern over rising Islamophobia", "non-discrimination"),
        ("condemned the desecration of copies of the Quran", "religion"),
        ("briefed on legislative and institutional measures", "reforms"),
        ("noted the erosion of rights and freedoms", "general"),
        ("adopted the National Action Plan for the Promotion and Protection of Human Rights", "reforms"),
        ("discussed freedom of assembly during the electoral campaign", "elections"),
        ("reviewed the democratic transition since the adoption of the 2014 Constitution", "reforms"),
        ("underlined the need to bring those responsible to justice", "accountability"),
        ("raised the question of non-citizens", "asylum"),
        ("called for the repeal of the article that lets a rapist marry the victim", "gender-violence"),
        ("raised so-called honour crimes", "gender-violence"),
        ("laws criminalising consensual relations between adults of the same sex", "lgbti"),
        ("laws criminalising relations outside marriage", "privacy"),
        ("presented the new powers of the National Human Rights Council", "nhri"),
        ("presented the National Action Plan for Democracy and Human Rights", "reforms"),
        ("called for humanitarian access to the displaced population", "movement"),
        ("called for independent investigations into allegations of abuses", "accountability"),
        ("highlighted its efforts to promote tolerance and peaceful coexistence", "non-discrimination"),
        ("commended the adoption of the Civil Union Law", "lgbti"),
        ("asked about the article on inciting social, national, racial or religious discord", "expression"),
        ("the status of the Commissioner for Human Rights will be strengthened", "nhri"),
        ("welcomed the abolition of the re-education through labour system", "detention"),
        ("welcomed fewer crimes punishable by death", "death-penalty"),
        ("reported on the trials for crimes against humanity", "accountability"),
        ("explained the expulsion procedures for foreigners", "migration"),
        ("presented its priorities on the future of work", "labour"),
        ("expressed concern at the civilian casualties caused by air strikes", "right-to-life"),
        ("underlined the importance of collecting evidence of crimes", "accountability"),
        ("called for his release", "detention"),
        ("raised the sentencing of environmental activists", "environment"),
        ("informed about the ongoing revision of the Criminal Code", "reforms"),
        ("briefed the EU on the new Criminal Code adopted in May", "reforms"),
        ("confirmed its support to Nepal's federalism", "reforms"),
        ("informed about the preparation of a new National Human Rights Programme", "reforms"),
        ("welcomed the Strategy for Judicial and Legal Reforms", "judiciary"),
        ("expressed concern about provisions on blasphemy", "religion"),
        ("expressed concern about provisions on blasphemy", "expression"),
        ("raised the sentencing of journalists, including Pham Doan Trang", "individual-cases"),
        ("not to adopt the draft law banning propaganda of non-traditional sexual relations", "lgbti"),
        ("recalled the opinion of the Venice Commission on the proposed changes", "reforms"),
        ("welcomed the constitutional process", "reforms"),
        ("supported social cohesion policies", "esc-rights"),
        ("presented its interfaith initiatives", "religion"),
        ("stressed that all inmates receive visits", "detention"),
        ("provided information on the cases raised", "individual-cases"),
        ("commended Ruritania for keeping its borders open", "asylum"),
        ("welcomed a new law on preventing violence in the family", "gender-violence"),
        ("discussed the situation in the Northern Autonomous Region", "minorities"),
        ("addressed conditions in correction and rehabilitation centres", "detention"),
        ("called for unannounced monitoring visits to all places of detention", "torture"),
        ("noted that the defendants had been acquitted", "fair-trial"),
        ("welcomed the extension of the UN human rights office's mandate", "un-mechanisms"),
        ("raised the situation of conscientious objectors", "religion"),
        ("regretted the restrictions on travel abroad", "movement"),
        ("called for an end to forced anal examinations", "torture"),
        ("criticised prosecutions for spreading false news", "expression"),
        ("commended it for hosting people who have fled the war", "asylum"),
        ("thanked the EU for its support to the AU human rights organs", "regional-mechanisms"),
        ("raised the killing of radio broadcaster Ivan Petrov", "individual-cases"),
        ("welcomed the acquittal of former Senator Ana de Souza", "individual-cases"),
        ("regretted that Article 88 punishes propaganda against the state", "expression"),
        ("noted that bloggers who criticise the authorities online are jailed", "expression"),
        ("asked for information about Ivan Petrov", "individual-cases"),
        ("welcomed the release of Australian citizen Ivan Petrov", "individual-cases"),
        ("welcomed the release of Australian citizen Ivan Petrov", "detention"),
        ("called for the release of all detainees, among them Ivan Petrov", "individual-cases"),
        ("raised the liquidation of the news outlet Kloop Media", "individual-cases"),
        ("said the law made it harder for groups to receive foreign funding", "association"),
        ("welcomed the release in July of Ivan Petrov", "individual-cases"),
        ("raised concerns about forced anal examinations", "lgbti"),
        ("stressed that such crimes are not subject to amnesty", "accountability"),
        ("presented the commission set up to revise the Constitution", "reforms"),
        ("discussed Kachin State, where fighting has displaced tens of thousands of civilians", "movement"),
        ("informed the EU of easier access to pensions", "esc-rights"),
        ("said proceedings had been opened against 23 police officers", "accountability"),
        ("welcomed that it had accepted most of the recommendations", "un-mechanisms"),
        ("regretted the heavy sentences imposed on protesters", "detention"),
        ("described the transfer of habeas corpus to the courts", "detention"),
        ("stressed that confessions obtained under duress are inadmissible", "torture"),
        ("stressed that confessions obtained under duress are inadmissible", "fair-trial"),
        ("welcomed the signing by the Republic of Ruritania of the Convention on Disabilities", "treaties"),
        ("welcomed the release of the film director Oleg Petrov", "individual-cases"),
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


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("discussed the situation of religious minorities", {"religion", "minorities"}),
        ("raised the situation of the Baha'is", {"religion", "minorities"}),
        ("asked to free those jailed for peacefully expressing their views", {"detention", "expression"}),
        ("welcomed the standing invitation to the UN Commission on Human Rights", {"un-mechanisms"}),
        ("encouraged it to respond to pending visit requests", {"un-mechanisms"}),
        ("presented its global human rights sanctions regime", {"accountability"}),
        ("presented the inter-agency plan on human rights", {"reforms"}),
        ("discussed the situation of persons deprived of their liberty", {"detention"}),
        ("requested information on a number of individuals", {"individual-cases"}),
        ("said a list of whom was handed over", {"individual-cases"}),
        ("asked about the fate of a number of persons convicted in 2002", {"disappearances"}),
        (
            "expressed concern about the detention of human rights lawyers",
            {"detention", "defenders", "fair-trial"},
        ),
        ("recognised the role of the Independent High Commission for Human Rights", {"nhri"}),
        ("underlined the right of citizens to demonstrate peacefully", {"assembly"}),
        ("expressed concern about the polarised media environment", {"media"}),
        ("reiterated its rejection of country-specific mandates", {"un-mechanisms"}),
        ("welcomed the deinstitutionalisation of childcare", {"children"}),
        ("welcomed the work of the Office on Missing Persons", {"disappearances"}),
        ("raised restrictions on freedom of expression, both online and offline", {"expression", "media"}),
        ("asked about the proceedings against the photographer Shahidul Alam", {"individual-cases"}),
        ("called for an inclusive political environment", set()),
        ("Any other business", set()),
        ("raised the Law on Freedom of Conscience and Religious Associations", {"religion"}),
        (
            "congratulated it on its election as a non-permanent member of the UN Security Council",
            {"multilateral"},
        ),
        ("welcomed the monitoring of closed institutions", {"detention"}),
        ("presented the work of the Commission of Enquiry", {"accountability"}),
        ('asked about the refusal to register the Human Rights Centre "Viasna"', {"association"}),
        ("welcomed the work of the Human Rights Commission of Ruritania", {"nhri"}),
        ("was co-chaired by Mr Jan Novak and Ms Aida Sadykova, and discussed torture", {"torture"}),
        ("welcomed its ratification of the Escazú Agreement", {"treaties", "environment"}),
        ("briefed on its candidacy for membership of the UN Human Rights Council", {"multilateral"}),
    ],
)
def test_cues_of_other_wordings(clause: str, expected: set[str]) -> None:
    assert set(tag_topics(clause)) == expected


def test_a_national_action_plan_on_a_named_subject_is_that_subject_only() -> None:
    assert tag_topics("presented its national action plan on combating trafficking") == ("trafficking",)
    assert tag_topics("presented its national action plan on human rights") == ("reforms",)
    assert "reforms" in tag_topics("presented its national action plan")


def test_execution_of_judgments_is_no_death_penalty() -> None:
    assert "death-penalty" not in tag_topics("stressed the execution of judgments of the European Court")
    assert tag_topics("regretted the execution of two prisoners") == ("death-penalty", "detention")


def test_the_covenant_on_civil_and_political_rights_is_no_general_topic() -> None:
    assert tag_topics("urged it to implement the International Covenant on Civil and Political Rights") == (
        "treaties",
    )
    assert tag_topics("discussed civil and political rights") == ("general",)


def test_human_rights_that_only_qualify_another_subject_are_no_general_topic() -> None:
    assert tag_topics("discussed the impact of the pandemic on human rights, including vaccines") == (
        "emergency-measures",
        "esc-rights",
    )
    assert tag_topics("discussed the link between climate change and human rights") == ("environment",)
    assert tag_topics("discussed torture and human rights") == ("torture", "general")


def test_other_freedoms_after_named_ones_are_no_general_topic() -> None:
    assert tag_topics("discussed freedom of religion and other fundamental freedoms") == ("religion",)
    assert tag_topics("discussed fundamental freedoms") == ("general",)


def test_a_hunger_strike_is_no_economic_right() -> None:
    assert "esc-rights" not in tag_topics("raised the case of a detainee on hunger strike")
    assert "esc-rights" in tag_topics("discussed hunger and food security")


def test_the_eus_human_rights_instrument_names_no_topic() -> None:
    assert tag_topics("funded through the European Instrument for Democracy and Human Rights") == ()


def test_a_named_reform_is_its_sector_not_reforms_in_general() -> None:
    assert tag_topics("informed the EU about the reform of the prosecution service") == ("judiciary",)
    assert tag_topics("presented the reform of the prison system") == ("detention",)
    assert "reforms" in tag_topics("presented its reforms")


def test_the_prosecution_of_a_group_is_that_groups_topic_not_the_judiciary() -> None:
    assert tag_topics("expressed concern about the prosecution of journalists") == ("media",)
    assert "judiciary" in tag_topics("discussed the reform of the prosecution service")


def test_a_moratorium_on_something_else_is_no_death_penalty() -> None:
    assert "death-penalty" not in tag_topics("welcomed the moratorium on evictions")
    assert tag_topics("maintain the moratorium on executions") == ("death-penalty",)


def test_a_sector_reform_is_that_sectors_topic() -> None:
    assert tag_topics("reaffirmed its support to justice sector reform") == ("judiciary",)
    assert tag_topics("discussed penitentiary reform") == ("detention",)
    assert tag_topics("informed about the reform of the Security Service") == ("judiciary",)
    assert tag_topics("informed about the reform of the military justice system") == ("judiciary",)
    assert tag_topics("discussed cooperation with Eurojust") == ("judicial-cooperation",)


def test_a_vote_on_a_un_resolution_is_no_election() -> None:
    assert "elections" not in tag_topics(
        "encouraged Ruritania to vote in favour of the UN General Assembly resolution"
    )


def test_the_opinion_of_a_body_is_no_opinion_to_express() -> None:
    topics = tag_topics("recalled the opinion of the Venice Commission")
    assert "expression" not in topics and "regional-mechanisms" in topics


def test_the_name_of_a_human_rights_instrument_is_no_general_topic() -> None:
    assert tag_topics("applied in line with Article 11 of the European Convention on Human Rights") == ()
    assert tag_topics("discussed freedom and pluralism of the media") == ("media",)


def test_an_acronym_defined_after_a_cue_carries_its_topic() -> None:
    from hrd.extract.topics import CUES, acronym_matches

    text = "They met the National Human Rights Commission (NHRCR). Later the role of the NHRCR was discussed."
    found = sorted([*CUES[0].finditer(text, 0, len(text)), *CUES[1].finditer(text, 0, len(text))])
    later = text.rindex("NHRCR")
    assert acronym_matches(text, found) == [(later, later + 5, "nhri")]
    assert tag_topics(text, later - 12, len(text), ([], acronym_matches(text, found))) == ("nhri",)


def test_an_assembly_that_is_a_body_is_no_freedom_of_assembly() -> None:
    assert tag_topics("prepared the 36th Session of the Assembly of the African Union") == ()
    assert tag_topics("stressed the right to peaceful assembly") == ("assembly",)


def test_governance_and_human_rights_as_content_are_topics_but_not_in_a_meetings_name() -> None:
    assert "judiciary" in tag_topics("reviewed developments in governance, the rule of law and human rights")
    assert tag_topics("their Sub-Group on Good Governance, Rule of Law and Human Rights") == ()


def test_a_person_named_after_release_or_cases_of_is_an_individual_case() -> None:
    assert "individual-cases" in tag_topics("called for the release of Ivan Petrov")
    assert "individual-cases" in tag_topics("raised the cases of Ivan Petrov and Anna Berg")
    assert tag_topics("called for the release of political prisoners") == ("detention",)


def test_a_council_of_europe_convention_is_no_regional_mechanism_and_a_national_plan_no_person() -> None:
    topics = tag_topics("urged it to ratify the Council of Europe Convention on violence against women")
    assert "regional-mechanisms" not in topics and "gender-violence" in topics
    assert "individual-cases" not in tag_topics("welcomed the national Human Rights Strategy")


def test_a_parliament_alone_is_no_election() -> None:
    assert "elections" not in tag_topics("took note of the draft law on inheritance submitted to Parliament")
    assert "elections" not in tag_topics(
        "explained that the parliamentary procedure for ratification was under way"
    )
    assert "elections" in tag_topics("looked ahead to the parliamentary polls")


def test_international_experts_alone_are_no_un_mechanism() -> None:
    assert "un-mechanisms" not in tag_topics(
        "stressed an integrity check of judges with international experts"
    )
    assert "un-mechanisms" in tag_topics("invited UN human rights experts to visit")
    assert "un-mechanisms" in tag_topics("cooperated with international human rights mechanisms")


def test_a_national_assembly_is_no_election() -> None:
    assert tag_topics("urged it to adopt the anti-torture bill before the National Assembly") == ("torture",)


def test_a_prisoners_state_of_health_and_humanitarian_grounds_name_no_topic() -> None:
    assert "esc-rights" not in tag_topics("handed over a list of prisoners whose state of health is poor")
    assert "esc-rights" not in tag_topics("asked for their release on humanitarian grounds")
