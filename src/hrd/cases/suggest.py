"""Names that public readouts give, suggested to case officers only.

Readouts sometimes name individual cases; the store keeps them as
``case_mentions``. :func:`suggestions` lists them for a partner and marks
those that match a case in the register (by name or alias, ignoring case,
accents, punctuation and word order), so that a case officer can link a
readout to a case or open a new one. Matching needs the plaintext names, so
it runs only for callers who may read cases, and it is audited.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import audit
from ..auth.principal import Principal
from ..auth.roles import Action, Resource
from ..store.tables import CaseMention, MeetingReport, MeetingRow, Series
from .access import check_partner
from .crypto import Keyring
from .sealing import open_field
from .tables import CaseAlias, CaseRow

__all__ = ["NameSuggestion", "name_key", "suggestions"]


@dataclass(frozen=True, slots=True)
class NameSuggestion:
    name: str = field(repr=False)
    """As the public readout gives it."""
    document_id: int
    meeting_id: int
    case_id: int | None
    """The case it matches, if any."""


def name_key(name: str) -> tuple[str, ...]:
    """A name compared loosely: case, accents, punctuation and word order do not matter."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return tuple(sorted(re.findall(r"\w+", plain)))


def _known(session: Session, keys: Keyring, partner: str) -> dict[tuple[str, ...], int]:
    known: dict[tuple[str, ...], int] = {}
    rows = list(session.scalars(select(CaseRow).where(CaseRow.partner == partner).order_by(CaseRow.id)))
    for row in rows:
        known.setdefault(name_key(open_field(keys, row, "name") or ""), row.id)
    aliases = select(CaseAlias).where(CaseAlias.case_id.in_([r.id for r in rows])).order_by(CaseAlias.id)
    for alias in session.scalars(aliases):
        known.setdefault(name_key(open_field(keys, alias, "alias") or ""), alias.case_id)
    known.pop((), None)
    return known


def suggestions(
    *, partner: str, principal: Principal, keys: Keyring, session: Session
) -> list[NameSuggestion]:
    """Every name the readouts about ``partner`` give, with the case it matches (case officers only)."""
    principal.require(Action.READ, Resource.CASES)
    check_partner(partner)
    known = _known(session, keys, partner)
    query = (
        select(CaseMention.name, MeetingReport.document_id, MeetingReport.meeting_id)
        .join(MeetingReport, MeetingReport.id == CaseMention.report_id)
        .join(MeetingRow, MeetingRow.id == MeetingReport.meeting_id)
        .join(Series, Series.id == MeetingRow.series_id)
        .where(Series.partner == partner)
        .order_by(MeetingReport.meeting_id, CaseMention.id)
    )
    found = [
        NameSuggestion(name, doc, meeting, known.get(name_key(name)))
        for name, doc, meeting in session.execute(query)
    ]
    detail: dict[str, str | int] = {
        "partner": partner,
        "names": len(found),
        "matched": sum(s.case_id is not None for s in found),
    }
    audit.record(session, principal, "case.suggest", target="cases", detail=detail)
    return found
