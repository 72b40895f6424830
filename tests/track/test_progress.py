from hrd.track.progress import ProgressOptions, changes, subjects_of
from hrd.track.rounds import Provision, Series

from .conftest import CC174, rnd, series, st


def _summary(
    s: Series, options: ProgressOptions = ProgressOptions()
) -> list[tuple[str, str, int | None, int | None]]:
    return [
        (
            c.subject.label if isinstance(c.subject, Provision) else c.subject,
            c.direction,
            c.before.ordinal,
            c.after.ordinal,
        )
        for c in changes(s, options)
    ]


def test_progress_and_regression_in_round_order(kz: Series) -> None:
    assert _summary(kz) == [
        ("death-penalty", "progress", 10, 11),
        ("expression", "progress", 11, 12),
        ("Criminal Code, art. 174", "progress", 11, 12),
        ("death-penalty", "regression", 12, 13),
    ]


def test_change_carries_statements_as_evidence(kz: Series) -> None:
    regression = next(c for c in changes(kz) if c.direction == "regression")
    assert [s.act for s in regression.evidence_before] == ["congratulate"]
    assert [s.act for s in regression.evidence_after] == ["concern"]
    provision = next(c for c in changes(kz) if c.subject == CC174)
    assert provision.evidence_after[0].text == "welcomed the repeal of Article 174"


def test_constant_pressure_and_discussion_make_no_change(kz: Series) -> None:
    subjects = {c.subject for c in changes(kz)}
    assert "torture" not in subjects and "assembly" not in subjects and "labour" not in subjects


def test_mixed_round_is_skipped_not_a_reset() -> None:
    s = series(
        rnd(1, 2019, st("EU", "concern", "media")),
        rnd(2, 2020, st("EU", "welcome", "media"), st("EU", "call", "media")),
        rnd(3, 2021, st("EU", "acknowledge", "media")),
    )
    assert _summary(s) == [("media", "progress", 1, 3)]


def test_partner_welcome_is_not_recognition() -> None:
    s = series(rnd(1, 2019, st("EU", "concern", "media")), rnd(2, 2020, st("KZ", "welcome", "media")))
    assert changes(s) == ()


def test_subjects_can_be_restricted(kz: Series) -> None:
    options = ProgressOptions(subjects=("death-penalty",))
    assert subjects_of(kz, options) == ("death-penalty",)
    assert {c.subject for c in changes(kz, options)} == {"death-penalty"}
    assert CC174 not in subjects_of(kz, ProgressOptions(include_provisions=False))
