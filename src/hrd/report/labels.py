"""Readable names for topic codes, acts and subjects in reports."""

from __future__ import annotations

from functools import cache

from ..codes import acts, topics
from ..track.rounds import Provision, Subject

__all__ = ["act_label", "subject_name", "topic_label"]


@cache
def _topic_labels() -> dict[str, str]:
    return {t.code: t.label for t in topics()}


@cache
def _act_labels() -> dict[str, str]:
    return {a.code: a.label for a in acts()}


def topic_label(code: str) -> str:
    """The label of a topic code ("torture" gives "Torture and ill-treatment"); unknown codes as given."""
    return _topic_labels().get(code, code)


def act_label(code: str) -> str:
    return _act_labels().get(code, code)


def subject_name(subject: Subject) -> str:
    return subject.label if isinstance(subject, Provision) else topic_label(subject)
