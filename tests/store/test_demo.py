from __future__ import annotations

import shutil
from pathlib import Path

from hrd.settings import Settings
from hrd.store.demo import default_examples, prepare_demo

FIXTURES = Path(__file__).parent.parent / "fixtures" / "web"


def test_demo_loads_examples_once(tmp_path: Path) -> None:
    examples = tmp_path / "examples"
    examples.mkdir()
    for text in FIXTURES.glob("mn-*.txt"):
        shutil.copy(text, examples)
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'demo' / 'hrd.sqlite'}")
    report = prepare_demo(settings, examples=examples)
    assert report is not None and report.count("ingested") == 1
    assert prepare_demo(settings, examples=examples) is None, "a second run keeps the database as it is"


def test_bundled_examples() -> None:
    folder = default_examples()
    readouts = sorted(folder.glob("*.txt"))
    assert len(readouts) >= 12
    assert "kz-2020-hrd12.txt" not in {p.name for p in readouts}, "the real EEAS text is not bundled"
    assert "not official texts" in (folder / "README.md").read_text()
