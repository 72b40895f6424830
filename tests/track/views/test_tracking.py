"""A partner's tracking and one provision, over the stored series, on every backend."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.errors import NotFoundError
from hrd.series import Provision
from hrd.store import review
from hrd.store.engine import read, write
from hrd.store.tables import Provision as ProvisionRow
from hrd.store.tables import StatementRow
from hrd.track.views.tracking import partner_tracking, provision_view
from store.tracking_samples import store_all

ARTICLE_174 = Provision("Criminal Code", "174")


def _provision_id(engine: Engine) -> int:
    return read(
        engine,
        lambda s: s.scalars(
            select(ProvisionRow.id).where(ProvisionRow.partner == "KZ", ProvisionRow.article == "174")
        ).one(),
    )


def test_partner_tracking_per_series_and_provisions(engine: Engine) -> None:
    store_all(engine)
    tracking = read(engine, lambda s: partner_tracking(partner=" kz", session=s))
    assert tracking.partner == "KZ"
    assert [(t.series.kind, len(t.series.rounds)) for t in tracking.series] == [
        ("human-rights-dialogue", 3),
        ("subcommittee", 1),
    ]
    dialogue = tracking.kind("human-rights-dialogue")
    # torture raised in all three rounds, assembly in the last two
    assert [(t.topic, t.streak) for t in dialogue.recurring.topics][:2] == [("torture", 3), ("assembly", 2)]
    # only round 12 was reported by both sides (the EU's and KZ's readouts), and both name torture
    assert [(c.round.ordinal, sorted(c.shared_topics)) for c in dialogue.sides] == [(12, ["torture"])]
    (history,) = tracking.provisions
    assert history.provision == ARTICLE_174 and history.state == "repealed"
    assert tracking.provision_id(history) == _provision_id(engine)
    with pytest.raises(NotFoundError):
        tracking.kind("cooperation-council")
    with pytest.raises(NotFoundError):
        read(engine, lambda s: partner_tracking(partner="ZZ", session=s))


def test_provision_view_follows_the_visible_statements(engine: Engine) -> None:
    store_all(engine)
    pid = _provision_id(engine)
    view = read(engine, lambda s: provision_view(provision_id=pid, session=s))
    assert view.id == pid and view.history.provision == ARTICLE_174
    assert [(c.round.ordinal, c.statement.act) for c in view.history.citations] == [
        (10, "concern"),
        (11, "call"),
        (12, "welcome"),
    ]
    with pytest.raises(NotFoundError):
        read(engine, lambda s: provision_view(provision_id=999_999, session=s))
    # once every statement citing it is rejected, the provision has no history to show
    cites = read(
        engine,
        lambda s: list(s.scalars(select(StatementRow.id).where(StatementRow.text.contains("174")))),
    )
    for sid in cites:
        write(engine, lambda s, i=sid: review.reject(statement_id=i, who="ana", session=s))
    with pytest.raises(NotFoundError, match="cited by no visible statement"):
        read(engine, lambda s: provision_view(provision_id=pid, session=s))
