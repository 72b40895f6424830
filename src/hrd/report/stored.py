"""The briefing note of a partner from the database: the one query behind ``hrd brief`` and the web page.

:func:`stored_brief` reads the partner's series (review state applied,
:func:`hrd.store.tracking.load_series`), the analysts' follow-up status,
benchmarks and round assessments, and builds the note with the pure
:func:`hrd.report.brief.build_brief`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..store.benchmarks import assessment_history, list_benchmarks, overrides_of
from ..store.tracking import SeriesFilter, load_series
from ..track.views.followup import with_status
from .brief import Brief, BriefInputs, BriefOptions, build_brief

__all__ = ["stored_brief"]


def stored_brief(*, partner: str, session: Session, options: BriefOptions) -> Brief:
    """The briefing note for ``partner`` (a code such as 'KZ'); NotFoundError if it has no round."""
    code = partner.strip().upper()
    series = load_series(session=session, filters=SeriesFilter(partner=code))
    if not series:
        raise NotFoundError(f"no dialogue round of {code!r} is recorded")
    benchmarks = list_benchmarks(session=session, partner=code)
    history = assessment_history(session=session, benchmark_ids=[int(b.id) for b in benchmarks])
    inputs = BriefInputs(
        items=with_status(series, session=session),
        benchmarks=tuple(benchmarks),
        overrides=overrides_of(history),
    )
    return build_brief(code, series, inputs, options)
