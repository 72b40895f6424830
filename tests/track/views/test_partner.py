"""The partner page over the hand-written web fixtures, on every backend."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from hrd.errors import NotFoundError
from hrd.store.engine import read
from hrd.track.views.partner import partner_view


def test_partner_view_stances(loaded: Engine) -> None:
    view = read(loaded, lambda s: partner_view(partner="KZ", session=s))
    stances = {row.topic: [c.stance for c in row.cells] for row in view.matrix}
    assert stances["torture"] == ["critical", None]
    assert stances["death-penalty"] == ["mixed", None]
    with pytest.raises(NotFoundError):
        read(loaded, lambda s: partner_view(partner="ZZ", session=s))
