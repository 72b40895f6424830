from dataclasses import replace

import pytest

from hrd.extract.pipeline import STAGES, Stage, check_order
from hrd.extract.state import Analysis


def _noop(doc: Analysis) -> Analysis:
    return doc


def test_registered_order_is_valid() -> None:
    check_order(STAGES)
    assert [s.name for s in STAGES][:2] == ["segment", "dates"]


def test_a_stage_before_its_requirement_is_refused() -> None:
    bad = (Stage("statements", _noop, frozenset({"meetings"}), frozenset({"statements"})),)
    with pytest.raises(ValueError, match="requires"):
        check_order(bad)


def test_stages_do_not_mutate_their_input() -> None:
    doc = Analysis(text="The EU and Kazakhstan held their 3rd Human Rights Dialogue in Astana on 5 May 2021.")
    for stage in STAGES:
        before = replace(doc)
        out = stage.func(doc)
        assert doc == before
        doc = out
