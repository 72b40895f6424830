from hrd.track.provisions import ProvisionOptions, provision_histories
from hrd.track.rounds import Provision, Series

from .conftest import CC174, rnd, series, st


def test_provision_cited_over_time_and_repealed(kz: Series) -> None:
    (history,) = provision_histories([kz])
    assert (history.partner, history.provision) == ("KZ", CC174)
    assert [c.round.ordinal for c in history.citations] == [10, 11, 12]
    assert history.state == "repealed" and history.since.ordinal == 12
    assert not history.at_issue


LAW = Provision("Law on Mass Media", None)


def _state(*rounds_statements: tuple[str, str, str | None]) -> str:
    rounds = [
        rnd(i + 1, 2010 + i, st(actor, act, "media", refs=(LAW,), text=text))
        for i, (actor, act, text) in enumerate(rounds_statements)
    ]
    (history,) = provision_histories([series(*rounds)])
    return history.state


def test_provision_states() -> None:
    assert _state(("EU", "concern", None)) == "of-concern"
    assert (
        _state(("EU", "concern", None), ("EU", "welcome", "welcomed the amendments to the law")) == "amended"
    )
    assert (
        _state(("EU", "concern", None), ("EU", "welcome", "welcomed that the law was abolished"))
        == "repealed"
    )
    assert _state(("EU", "welcome", "welcomed the new law")) == "welcomed"
    assert _state(("both", "discuss", None), ("KZ", "inform", None)) == "cited"
    # a later concern puts it back at issue; a partner's own praise changes nothing
    assert _state(("EU", "concern", None), ("EU", "welcome", "amended"), ("EU", "call", None)) == "of-concern"
    assert _state(("EU", "concern", None), ("KZ", "welcome", "repealed")) == "of-concern"
    # a call to apply a law does not put it at issue; a call to change it does
    assert _state(("EU", "call", "called for rights to be respected as the law requires")) == "cited"
    assert _state(("EU", "call", "called for the law to be revised")) == "of-concern"
    assert _state(("EU", "call", None)) == "of-concern"


def test_welcome_in_same_round_as_concern_keeps_it_at_issue() -> None:
    s = series(
        rnd(
            1,
            2020,
            st("EU", "concern", "media", refs=(LAW,)),
            st("EU", "welcome", "media", refs=(LAW,), text="amended"),
        )
    )
    (history,) = provision_histories([s])
    assert history.state == "of-concern"


def test_one_entity_per_partner_across_series_and_instrument_case() -> None:
    hrd = series(rnd(1, 2020, st("EU", "concern", "fair-trial", refs=(Provision("Criminal Code", "10"),))))
    sub = series(
        rnd(
            2,
            2021,
            st("EU", "welcome", "fair-trial", refs=(Provision("criminal code", "10"),), text="amended"),
            kind="subcommittee",
        )
    )
    other = series(
        rnd(
            3, 2021, st("EU", "concern", "fair-trial", refs=(Provision("Criminal Code", "10"),)), partner="UZ"
        )
    )
    histories = provision_histories([hrd, sub, other])
    assert [(h.partner, h.state, len(h.citations)) for h in histories] == [
        ("KZ", "amended", 2),
        ("UZ", "of-concern", 1),
    ]
    assert {c.kind for c in histories[0].citations} == {"human-rights-dialogue", "subcommittee"}
    strict = provision_histories([hrd, sub], ProvisionOptions(match_instrument_case=True))
    assert len(strict) == 2


def test_articles_are_separate_entities() -> None:
    s = series(
        rnd(
            1,
            2020,
            st(
                "EU",
                "concern",
                "media",
                refs=(Provision("Criminal Code", "274"), Provision("Criminal Code", "131")),
            ),
        )
    )
    assert [h.provision.article for h in provision_histories([s])] == ["131", "274"]
