"""The topic and act code lists of dialogue-record/1, shipped as package data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Act", "Topic", "act_codes", "acts", "topic_codes", "topics"]


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    group: str
    label: str
    covers: str


@dataclass(frozen=True, slots=True)
class Act:
    code: str
    label: str
    cameo: str
    covers: str


def _load(name: str) -> dict[str, object]:
    data = json.loads(resources.files(__package__).joinpath(name).read_text("utf-8"))
    assert isinstance(data, dict)
    return data


@cache
def topics() -> tuple[Topic, ...]:
    """Every topic of topics.json, in file order."""
    items = _load("topics.json")["topics"]
    assert isinstance(items, list)
    return tuple(Topic(i["code"], i["group"], i["label"], i["covers"]) for i in items)


@cache
def acts() -> tuple[Act, ...]:
    """Every act of acts.json, in file order."""
    items = _load("acts.json")["acts"]
    assert isinstance(items, list)
    return tuple(Act(i["code"], i["label"], i["cameo"], i["covers"]) for i in items)


@cache
def topic_codes() -> frozenset[str]:
    return frozenset(t.code for t in topics())


@cache
def act_codes() -> frozenset[str]:
    return frozenset(a.code for a in acts())
