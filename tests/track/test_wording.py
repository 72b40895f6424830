from hrd.track.wording import CHANGE_STEMS, change_stems, reports_change


def test_known_verbs_in_any_form() -> None:
    assert change_stems("abolish") == CHANGE_STEMS["abolish"]
    assert change_stems("Abolition of the death penalty") == CHANGE_STEMS["abolish"]
    assert change_stems("ratification") == CHANGE_STEMS["ratify"]
    assert change_stems("release") == CHANGE_STEMS["release"]


def test_free_text_gives_its_own_words() -> None:
    assert change_stems("national preventive mechanism") == ("natio", "preve", "mecha")


def test_reports_change_on_word_starts() -> None:
    stems = CHANGE_STEMS["repeal"]
    assert reports_change("welcomed the repeal of Article 174", stems)
    assert reports_change("the law was Decriminalised", stems)
    assert not reports_change("welcomed the unrepealable law", ("repeal",))
    assert not reports_change(None, stems)
    assert not reports_change("anything", ())
