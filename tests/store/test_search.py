from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from hrd.record import Statement
from hrd.store import review
from hrd.store.engine import make_engine, read, read_pool, write
from hrd.store.repo import store_document, store_record
from hrd.store.search import SearchQuery, SearchResult, as_json, search

from .samples import TEXT_KZ, document, kz_record

TEXT_UZ = (
    "EU and Uzbekistan hold Subcommittee on Justice and Home Affairs\n"
    "Tashkent, 3 March 2016\n\n"
    "The EU raised concerns about forced labour in the cotton harvest. "
    "Uzbekistan informed about its reforms of the judiciary."
)


def _uz_record() -> object:
    a = "The EU raised concerns about forced labour in the cotton harvest"
    b = "Uzbekistan informed about its reforms of the judiciary"
    statements = [
        Statement(actor="EU", act="concern", topics=["forced-labour"], text=a, span=(0, 1)),
        Statement(actor="UZ", act="inform", topics=["judiciary", "reforms"], text=b, span=(2, 3)),
    ]
    return kz_record(
        "uz-2016",
        source="uz-2016",
        text=TEXT_UZ,
        kind="subcommittee",
        parties=["EU", "UZ"],
        ordinal=None,
        start=dt.date(2016, 3, 3),
        end=dt.date(2016, 3, 3),
        statements=statements,
        heads=[],
        city="Tashkent",
        country="UZ",
    )


@pytest.fixture
def stored(engine: Engine) -> Engine:
    write(engine, lambda s: store_document(document=document(), record=kz_record(), extractor="t", session=s))
    uz = _uz_record()
    write(
        engine,
        lambda s: store_document(
            document=document(TEXT_UZ, "uz-2016"),
            record=uz,  # type: ignore[arg-type]
            extractor="t",
            session=s,
        ),
    )
    return engine


def _search(engine: Engine, text: str = "", **filters: object) -> SearchResult:
    return read(engine, lambda s: search(SearchQuery(text, **filters), session=s))  # type: ignore[arg-type]


def test_a_word_finds_statements_and_documents_with_highlights(stored: Engine) -> None:
    result = _search(stored, "tortured")  # stemmed: matches "torture"
    assert [h.act for h in result.statements] == ["concern"]
    hit = result.statements[0]
    assert (hit.document, hit.partner, hit.kind, hit.topics) == (
        "kz-eu-2020",
        "KZ",
        "human-rights-dialogue",
        ["torture"],
    )
    assert [piece for piece, marked in hit.snippet.parts() if marked] == ["torture"]
    assert [d.key for d in result.documents] == ["kz-eu-2020"]
    assert any(marked for _, marked in result.documents[0].snippet.parts())
    assert result.total_statements == 1 and result.total_documents == 1


def test_phrases_alternatives_and_exclusions(stored: Engine) -> None:
    assert _search(stored, '"forced labour"').total_statements == 1
    assert _search(stored, '"labour forced"').total_statements == 0
    assert _search(stored, "torture or cotton").total_statements == 2
    assert _search(stored, "the -torture").total_statements >= 1
    assert all("torture" not in (h.snippet.text) for h in _search(stored, "the -torture").statements)
    assert _search(stored, "-torture").total_statements == 0


def test_ranking_puts_the_better_match_first(stored: Engine) -> None:
    hits = _search(stored, "rights child").statements
    assert hits and hits[0].actor == "KZ"


@pytest.mark.parametrize(
    ("filters", "acts"),
    [
        ({"partner": "kz"}, ["concern", "discuss", "welcome"]),
        ({"partner": "UZ"}, ["concern", "inform"]),
        ({"topic": "judiciary"}, ["inform"]),
        ({"act": "concern"}, ["concern", "concern"]),
        ({"actor": "both"}, ["discuss"]),
        ({"actor": "eu"}, ["concern", "concern"]),
        ({"kind": "subcommittee"}, ["concern", "inform"]),
        ({"since": 2018}, ["concern", "discuss", "welcome"]),
        ({"until": 2017}, ["concern", "inform"]),
        ({"since": 2017, "until": 2019}, []),
    ],
)
def test_filters_without_words_list_what_they_select(
    stored: Engine, filters: dict[str, object], acts: list[str]
) -> None:
    result = _search(stored, **filters)
    assert sorted(h.act for h in result.statements) == acts
    assert result.total_statements == len(acts)


def test_facets_count_every_match(stored: Engine) -> None:
    facets = _search(stored).facets
    assert dict(facets["partner"]) == {"KZ": 3, "UZ": 2}
    assert dict(facets["act"])["concern"] == 2
    assert dict(facets["year"]) == {"2020": 3, "2016": 2}
    assert dict(facets["topic"])["torture"] == 1
    assert facets["partner"][0] == ("KZ", 3)  # most frequent first


def test_rejected_statements_and_old_versions_are_not_found(stored: Engine) -> None:
    hit = _search(stored, "torture").statements[0]
    write(stored, lambda s: review.reject(statement_id=hit.id, who="ana", session=s))
    assert _search(stored, "torture").total_statements == 0
    # A new version of the UZ readout without the cotton sentence: the old text is no longer found.
    newer = TEXT_UZ.replace("cotton", "wheat")
    write(
        stored,
        lambda s: store_document(
            document=document(newer, "uz-2016"),
            record=kz_record("uz-2016", source="uz-2016", text=newer),
            extractor="t",
            session=s,
        ),
    )
    assert _search(stored, "cotton").total_documents == 0
    assert _search(stored, "wheat").total_documents == 1


def test_the_json_form(stored: Engine) -> None:
    data = as_json(_search(stored, "labour", partner="UZ"))
    assert data["total_statements"] == 1
    assert data["statements"][0]["snippet"]["highlights"]
    assert data["query"]["partner"] == "UZ"
    assert {"partner", "kind", "actor", "act", "topic", "year"} <= set(data["facets"])


def test_imported_records_without_text_are_searchable_by_statement(engine: Engine) -> None:
    write(engine, lambda s: store_record(record=kz_record(), session=s))
    assert _search(engine, "torture").total_statements == 1
    assert _search(engine, "torture").total_documents == 0
    assert _search(engine, "-torture").statements == []
    assert TEXT_KZ  # the text itself was never stored


def test_a_read_pool_gives_the_same_answers(stored: Engine) -> None:
    pool = read_pool(stored)
    assert pool is not None  # file SQLite and PostgreSQL: the parts run on connections of their own
    try:
        for query in [
            SearchQuery("torture"),
            SearchQuery("labour", partner="UZ"),
            SearchQuery("", topic="judiciary"),
            SearchQuery("rights -child", until=2020),
            SearchQuery("nothing-matches-this"),
        ]:
            alone = read(stored, lambda s, q=query: as_json(search(q, session=s)))  # type: ignore[misc]
            parallel = read(stored, lambda s, q=query: as_json(search(q, session=s, pool=pool)))  # type: ignore[misc]
            assert parallel == alone
            assert alone["total_statements"] or alone["total_documents"] or query.text.startswith("nothing")
    finally:
        pool.close()


def test_an_in_memory_database_gets_no_pool() -> None:
    assert read_pool(make_engine("sqlite://")) is None


def _many_matches(engine: Engine, n: int) -> None:
    """One readout with ``n`` statements on torture; the first ones mention it most."""
    statements = [
        Statement(
            actor="EU",
            act="concern",
            topics=[],
            text=" ".join(["torture"] * (n - i) + ["item"] * i + [f"number {i}"]),
            span=(i, i + 1),
        )
        for i in range(n)
    ]
    record = kz_record(statements=statements)
    write(engine, lambda s: store_document(document=document(), record=record, extractor="t", session=s))


@pytest.mark.parametrize("rejected", [3, 25])
def test_the_best_statements_past_rejected_ones(engine: Engine, rejected: int) -> None:
    # The best matches are ranked by the full-text index alone and then looked up;
    # when rejected ones leave too few of them, the whole join answers. Both give the
    # order a filtered query (always the whole join) gives.
    _many_matches(engine, 30)
    best = _search(engine, "torture", limit=rejected).statements
    assert [h.snippet.text.count("torture") for h in best] == list(range(30, 30 - rejected, -1))
    for hit in best:
        write(engine, lambda s, i=hit.id: review.reject(statement_id=i, who="ana", session=s))  # type: ignore[misc]
    quick = _search(engine, "torture", limit=2)
    joined = _search(engine, "torture", limit=2, since=1900)
    assert [h.id for h in quick.statements] == [h.id for h in joined.statements]
    assert [h.snippet.text.count("torture") for h in quick.statements] == [30 - rejected, 29 - rejected]
    assert quick.total_statements == 30 - rejected


def test_the_pool_never_waits_for_the_callers_connections(stored: Engine) -> None:
    # Every connection of the caller's engine is taken (here: its only one, by the caller's
    # session); the pool's workers read on connections of their own, so the search completes.
    small = make_engine(stored.url, connections=1)
    pool = read_pool(small)
    assert pool is not None
    try:
        with Session(small) as session:
            session.execute(select(1))  # the caller's transaction holds the connection from here on
            result = search(SearchQuery("torture"), session=session, pool=pool)
        assert (result.total_statements, result.total_documents) == (1, 1)
    finally:
        pool.close()
        small.dispose()
