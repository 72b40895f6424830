"""Where programme names may be: the triggers the money stage looks for first."""

from __future__ import annotations

from hrd.extract.programme_names import find_programmes, programme_triggers
from hrd.extract.triggers import lowered


def test_triggers_are_head_words_and_known_names() -> None:
    text = "The EU funds the Rule of Law Programme and BOMCA; the Ruritanian Government thanked it."
    found = {text[a:b] for a, b in programme_triggers(text, lowered(text), 0, len(text))}
    assert found == {"Programme", "BOMCA"}
    assert programme_triggers("No names here.", "no names here.", 0, 14) == []


def test_a_programme_is_found_only_inside_the_range_asked() -> None:
    text = "First, the Rule of Law Programme. Then nothing."
    cut = text.index(". ") + 1
    assert [n for _, _, n, _ in find_programmes(text, 0, cut)] == ["Rule of Law Programme"]
    assert find_programmes(text, cut, len(text)) == []


def test_a_french_or_spanish_name_known_by_its_acronym() -> None:
    text = (
        "The EU supports the Programme d'appui à la réforme de la justice (PARJ), the "
        '"Programme d\'appui aux organes indépendants" (PAOI) and the Programa de Apoyo a la Justicia '
        "(PAJ), "
        "but not the programme de travail of the Government (no acronym)."
    )
    assert [(n, a) for _, _, n, a in find_programmes(text, 0, len(text))] == [
        ("Programme d'appui à la réforme de la justice", "PARJ"),
        ("Programme d'appui aux organes indépendants", "PAOI"),
        ("Programa de Apoyo a la Justicia", "PAJ"),
    ]
