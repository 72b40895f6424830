import pytest

from hrd.errors import InvalidInputError
from hrd.track.followup import FollowUpItem, items_from_series, set_status, stale, suggest_evidence
from hrd.track.rounds import Provision, Series

from .conftest import CC174, rnd, series, st


def _item(items: tuple[FollowUpItem, ...], topic: str, kind: str = "call") -> FollowUpItem:
    return next(i for i in items if topic in i.topics and i.kind == kind)


def test_every_eu_call_and_partner_commitment_is_an_open_item(kz: Series) -> None:
    items = items_from_series(kz)
    assert [(i.kind, i.topics, i.round.ordinal) for i in items] == [
        ("call", ("death-penalty",), 10),
        ("commitment", ("torture",), 10),
        ("call", ("expression",), 11),
        ("call", ("assembly",), 11),
        ("call", ("torture",), 12),
    ]
    assert all(i.status == "open" for i in items)
    assert _item(items, "expression").provisions == (CC174,)
    assert len({i.id for i in items}) == len(items)


def test_joint_commitment_counts_and_eu_commitment_does_not() -> None:
    s = series(
        rnd(1, 2020, st("both", "commit", "media"), st("EU", "commit", "labour"), st("UZ", "commit", "drugs"))
    )
    assert [i.topics for i in items_from_series(s)] == [("media",)]


def test_suggested_evidence_ranks_later_statements(kz: Series) -> None:
    item = _item(items_from_series(kz), "expression")
    evidence = suggest_evidence(item, kz.rounds)
    # only rounds after round 11; the welcome of the repeal, citing the same provision, comes first
    assert [e.round.ordinal for e in evidence] == [12]
    assert evidence[0].signal == "progress" and evidence[0].shared_provisions == (CC174,)
    assert evidence[0].score == 5.0


def test_evidence_orders_by_score_then_recency() -> None:
    s = series(
        rnd(1, 2019, st("EU", "call", "media", "expression", refs=(Provision("Media Law"),))),
        rnd(2, 2020, st("EU", "concern", "media")),
        rnd(3, 2021, st("both", "discuss", "media")),
        rnd(4, 2022, st("EU", "welcome", "expression"), st("both", "discuss", "labour")),
        rnd(5, 2023, st("KZ", "inform", "media", refs=(Provision("Media Law"),))),
    )
    (item,) = items_from_series(s)
    evidence = suggest_evidence(item, s.rounds)
    assert [(e.round.ordinal, e.signal) for e in evidence] == [
        (5, "progress"),
        (4, "progress"),
        (2, "pressed-again"),
        (3, "mentioned"),
    ]


def test_stale_flags_open_items_without_progress(kz: Series) -> None:
    items = items_from_series(kz)
    flagged = {(f.item.kind, f.item.topics[0]): f.rounds_open for f in stale(items, kz.rounds, 2)}
    # the death-penalty and expression calls saw progress; the torture call of round 12 is too recent
    assert flagged == {("commitment", "torture"): 3, ("call", "assembly"): 2}
    assert {f.item.topics[0] for f in stale(items, kz.rounds, 3)} == {"torture"}


def test_analyst_status_takes_items_off_the_stale_list(kz: Series) -> None:
    items = list(items_from_series(kz))
    assembly = _item(tuple(items), "assembly")
    items[items.index(assembly)] = set_status(
        assembly, "progressing", "new law on assemblies drafted", ["s-x"]
    )
    assert {f.item.topics[0] for f in stale(items, kz.rounds, 2)} == {"torture"}
    updated = set_status(assembly, "fulfilled", evidence=("a", "b"))
    assert (updated.status, updated.evidence, assembly.status) == ("fulfilled", ("a", "b"), "open")


def test_invalid_status_and_window_are_input_errors(kz: Series) -> None:
    item = items_from_series(kz)[0]
    with pytest.raises(InvalidInputError):
        set_status(item, "closed")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        stale([item], kz.rounds, 0)
