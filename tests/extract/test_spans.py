import random

from hrd.extract.spans import DisjointSpans


def _naive(chosen: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(a < y and x < b for x, y in chosen)


def test_overlap_matches_the_linear_definition_on_random_spans() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans, chosen = DisjointSpans(), []
        for _ in range(60):
            a = rng.randrange(0, 300)
            b = a + rng.randrange(0, 12)
            expected = _naive(chosen, a, b)
            assert spans.overlaps(a, b) == expected, (chosen, a, b)
            if not expected:
                spans.add(a, b)
                chosen.append((a, b))
        assert len(spans) == len(chosen)


def test_touching_spans_do_not_overlap() -> None:
    spans = DisjointSpans()
    spans.add(10, 20)
    assert not spans.overlaps(0, 10)
    assert not spans.overlaps(20, 30)
    assert spans.overlaps(19, 21)
    assert spans.overlaps(0, 100)
