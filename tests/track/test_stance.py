from hrd.track.rounds import Provision
from hrd.track.stance import StanceOptions, is_critical, is_positive, stance_matrix, stance_of

from .conftest import rnd, series, st

LAW = Provision("Law on Media")


def test_stance_of_a_subject() -> None:
    concern, welcome = st("EU", "concern", "media", refs=(LAW,)), st("both", "welcome", "media")
    assert stance_of([concern], "media") == "critical"
    assert stance_of([welcome], "media") == "positive"
    assert stance_of([concern, welcome], "media") == "mixed"
    assert stance_of([concern, welcome], LAW) == "critical"
    assert stance_of([st("KZ", "concern", "media"), st("EU", "inform", "media")], "media") == "discussed"
    assert stance_of([concern], "torture") is None


def test_who_presses_and_who_recognises() -> None:
    assert not is_critical(st("both", "concern", "terrorism"))
    assert is_positive(st("both", "acknowledge", "reforms"))
    assert not is_positive(st("KZ", "welcome", "reforms"))
    assert is_critical(st("EU", "raise", "individual-cases", "torture"))
    assert not is_critical(st("EU", "raise", "torture"))
    joint = StanceOptions(critical_actors=frozenset({"EU", "both"}))
    assert is_critical(st("both", "concern", "terrorism"), joint)


def test_matrix_rows_and_cells() -> None:
    s = series(rnd(1, 2020, st("EU", "call", "media")), rnd(2, 2021, st("both", "discuss", "labour")))
    matrix = stance_matrix(s, ["media", "labour"])
    assert [[c.stance for c in row] for row in matrix] == [["critical", None], [None, "discussed"]]
    assert [len(c.statements) for c in matrix[0]] == [1, 0]
