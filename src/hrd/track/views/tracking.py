"""The tracking views of the web pages and the JSON API: a partner's tracking, and one legal provision.

Like :mod:`hrd.store.views`, each view is one keyword-only function taking
the session and returning typed values that the HTML page and the JSON
answer both render. The analyses are the pure ones of :mod:`hrd.track`, run
over the series the store builds (:func:`hrd.store.tracking.load_series`).
The follow-up board and the benchmarks are in :mod:`hrd.track.views.followup`
and :mod:`hrd.track.views.benchmarks`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import NotFoundError
from ...series import Series
from ...store.tables import Provision as ProvisionRow
from ...store.tracking import SeriesFilter, load_series
from ..both_sides import SidesComparison, compare_series
from ..progress import Change, changes
from ..provisions import ProvisionHistory, provision_histories
from ..recurring import Recurring, recurring

__all__ = ["PartnerTracking", "ProvisionView", "SeriesTracking", "partner_tracking", "provision_view"]


@dataclass(frozen=True, slots=True)
class SeriesTracking:
    """One dialogue series: its rounds, recurring concerns, progress and regression, both sides' reports."""

    series: Series
    recurring: Recurring
    changes: tuple[Change, ...]
    sides: tuple[SidesComparison, ...]


@dataclass(frozen=True, slots=True)
class PartnerTracking:
    partner: str
    series: list[SeriesTracking]
    provisions: list[ProvisionHistory]
    provision_ids: dict[tuple[str, str], int]
    """(instrument folded to lower case, article or '') -> the store's provision id (for links)."""

    def provision_id(self, history: ProvisionHistory) -> int | None:
        p = history.provision
        return self.provision_ids.get((p.instrument.casefold(), p.article or ""))

    def kind(self, kind: str) -> SeriesTracking:
        found = next((s for s in self.series if s.series.kind == kind), None)
        if found is None:
            raise NotFoundError(f"no {kind} series with {self.partner!r}")
        return found


def _series_of(partner: str, session: Session) -> list[Series]:
    found = load_series(session=session, filters=SeriesFilter(partner=partner))
    if not found:
        raise NotFoundError(f"no dialogue round of {partner.strip().upper()!r} is recorded")
    return found


def partner_tracking(*, partner: str, session: Session) -> PartnerTracking:
    """Recurring concerns, progress and regression and both sides per series; provisions over all of them."""
    found = _series_of(partner, session)
    code = found[0].partner
    ids = {
        (instrument.strip().casefold(), article): pid
        for pid, instrument, article in session.execute(
            select(ProvisionRow.id, ProvisionRow.instrument, ProvisionRow.article)
            .where(ProvisionRow.partner == code)
            .order_by(ProvisionRow.id)
        ).all()
    }
    return PartnerTracking(
        partner=code,
        series=[SeriesTracking(s, recurring(s), changes(s), compare_series(s)) for s in found],
        provisions=list(provision_histories(found)),
        provision_ids=ids,
    )


@dataclass(frozen=True, slots=True)
class ProvisionView:
    id: int
    history: ProvisionHistory


def provision_view(*, provision_id: int, session: Session) -> ProvisionView:
    """One provision of one partner: every visible statement citing it over time, and its state."""
    row = session.get(ProvisionRow, provision_id)
    if row is None:
        raise NotFoundError(f"no provision {provision_id}")
    key = (row.instrument.strip().casefold(), row.article or None)
    for history in provision_histories(_series_of(row.partner, session)):
        if (history.provision.instrument.casefold(), history.provision.article) == key:
            return ProvisionView(provision_id, history)
    raise NotFoundError(f"provision {provision_id} is cited by no visible statement")
