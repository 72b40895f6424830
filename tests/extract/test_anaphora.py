"""How a clause points back to earlier topics."""

from __future__ import annotations

from hrd.extract.anaphora import names_its_next_step, names_steps, names_these, points_back


def test_pointing_back() -> None:
    assert points_back("welcomed these changes", 0, 22)
    assert points_back("welcomed the reforms", 0, 20)
    assert not points_back("It was agreed that torture", 0, 26)  # an expletive "it"
    assert not points_back("welcomed a new law", 0, 18)


def test_steps_these_and_next_steps() -> None:
    text = "welcomed these steps"
    assert names_steps(text, 0, len(text))
    text = "welcomed these laws, as well as X"
    assert names_these(text, len("welcomed"), len(text))
    text = "called for its swift ratification"
    assert names_its_next_step(text, len("called for") - 4, len(text))
    assert not names_its_next_step("called for an end", 6, 17)


def test_their_release_points_back() -> None:
    text = "and called for their release"
    assert names_its_next_step(text, len("and called for"), len(text))


def test_his_release_points_back_too() -> None:
    text = "and called for his release"
    assert names_its_next_step(text, len("and called for"), len(text))


def test_the_said_issues_point_back() -> None:
    from hrd.extract.anaphora import points_back

    text = "the Tajik side provided explanations on the said issues"
    assert points_back(text, 0, len(text))
