"""Cross-round tracking: pure analyses over dialogue series.

The store (or :func:`rounds_from_records`) builds :class:`Series` values; each
module holds one analysis: ``recurring`` (recurring concerns), ``progress``
(progress and regression), ``provisions`` (legal provisions as entities),
``both_sides`` (EU and partner readouts compared), ``followup`` (follow-up
items) and ``benchmarks``. ``stance`` decides what counts as pressure and as
recognition for all of them.
"""

from __future__ import annotations

from .benchmarks import Benchmark, BenchmarkStatus, Override, assess, statuses
from .both_sides import SidesComparison, compare_series, compare_sides
from .followup import FollowUpItem, items_from_series, set_status, stale, suggest_evidence
from .progress import Change, changes
from .provisions import ProvisionHistory, provision_histories
from .recurring import Recurring, recurring
from .rounds import Provision, Round, RoundRef, Series, Source, TrackedStatement, rounds_from_records
from .stance import StanceOptions

__all__ = [
    "Benchmark",
    "BenchmarkStatus",
    "Change",
    "FollowUpItem",
    "Override",
    "Provision",
    "ProvisionHistory",
    "Recurring",
    "Round",
    "RoundRef",
    "Series",
    "SidesComparison",
    "Source",
    "StanceOptions",
    "TrackedStatement",
    "assess",
    "changes",
    "compare_series",
    "compare_sides",
    "items_from_series",
    "provision_histories",
    "recurring",
    "rounds_from_records",
    "set_status",
    "stale",
    "statuses",
    "suggest_evidence",
]
