"""The tracking views of the web pages, the JSON API and the CLI: the analyses run over stored series.

Each view is one keyword-only function taking the session, like
:mod:`hrd.store.views`: it loads what it needs through the store
(:func:`hrd.store.tracking.load_series`, analysts' statuses and benchmarks)
and runs the pure analyses of :mod:`hrd.track` over it, so the HTML page
and the JSON answer render the same values. The store itself never imports
the tracker; these views are the one place where the two meet.

- :mod:`.tracking`: a partner's tracking (recurring concerns, progress, both
  sides, provisions) and one legal provision;
- :mod:`.followup`: the follow-up board, and items with the analysts' status;
- :mod:`.benchmarks`: benchmarks assessed over their series;
- :mod:`.partner`: the partner page (timeline, topic x round stance matrix).

:mod:`hrd.track` itself does not import this package: the analyses stay free
of the database.
"""

from __future__ import annotations

__all__: list[str] = []
