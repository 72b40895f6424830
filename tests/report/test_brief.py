import pytest

from hrd.errors import NotFoundError
from hrd.report.brief import BriefInputs, BriefOptions, build_brief
from hrd.track.rounds import Series

from .conftest import EXTREMISM, TODAY, kz_brief


def test_brief_collects_the_partner_facts(partner: list[Series]) -> None:
    b = kz_brief(partner)
    assert [s.kind for s in b.series] == ["human-rights-dialogue", "subcommittee"]
    # the note is about the dialogue: its round 13 opens it, though the subcommittee met a day later
    assert (b.last_round.kind, b.last_round.ref.ordinal, b.last_round.statements) == (
        "human-rights-dialogue",
        13,
        4,
    )
    assert b.last_round.raised == ("death-penalty", "individual-cases", "torture")
    assert b.last_round.documents == ("eu-2022",) and b.last_round.heads[0].name == "Anna Example"
    sub_first = kz_brief(partner, kind="subcommittee")
    assert [s.kind for s in sub_first.series] == ["subcommittee", "human-rights-dialogue"]
    assert (sub_first.last_round.kind, sub_first.last_round.raised) == ("subcommittee", ("religion",))
    hrd, sub = b.series
    assert [(t.topic, t.streak) for t in hrd.concerns] == [
        ("torture", 4),
        ("death-penalty", 1),
        ("individual-cases", 1),
    ]
    assert [(t.topic, t.streak) for t in sub.concerns] == [("religion", 2)]
    assert [(o.item.topics[0], o.item.status, o.rounds_open, o.stale) for o in hrd.open_items] == [
        ("torture", "open", 3, True),
        ("expression", "open", 2, False),
        ("assembly", "progressing", 2, False),
        ("torture", "open", 1, False),
    ]
    assert (b.open_item_count, b.stale_item_count) == (5, 1)
    assert [(h.provision, h.since.ordinal, len(h.citations)) for h in b.provisions_at_issue] == [
        (EXTREMISM, 1, 2)
    ]
    assert [c.direction for c in hrd.changes] == ["progress", "progress", "progress", "regression"]
    assert [p.programme.acronym or p.programme.name for p in b.programmes] == [
        "Rule of Law Programme",
        "BOMCA",
    ]
    assert [e.what for e in b.upcoming] == ["presidential elections"]
    assert [(s.benchmark.id, s.current.result if s.current else None) for s in b.benchmarks] == [
        ("b1", "not-met"),
        ("b2", "met"),
    ]
    assert hrd.next_round is not None and hrd.next_round.city == "Astana"
    assert sub.next_round is None


def test_unknown_partner_is_not_found(partner: list[Series]) -> None:
    with pytest.raises(NotFoundError):
        build_brief("CN", partner, BriefInputs(), BriefOptions(today=TODAY))
