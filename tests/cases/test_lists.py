"""Lists per round: what was handed over, and the next list with what changed since."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine

from hrd.cases import access, lists
from hrd.cases.crypto import Keyring
from hrd.cases.models import Category, MeetingLink, Reply, Status, StatusEntry
from hrd.errors import InvalidInputError, NotFoundError
from hrd.store.engine import write

from .conftest import OFFICER, sample


def _case(
    engine: Engine, keys: Keyring, name: str, partner: str = "KZ", status: StatusEntry | None = None
) -> int:
    data = sample(name, partner, status=status or StatusEntry(Status.DETAINED, dt.date(2021, 3, 1)))
    return write(engine, lambda s: access.create_case(data=data, principal=OFFICER, keys=keys, session=s)).id


def _status(engine: Engine, keys: Keyring, case_id: int, version: int, entry: StatusEntry) -> int:
    return write(
        engine,
        lambda s: access.add_status(
            case_id=case_id, version=version, entry=entry, principal=OFFICER, keys=keys, session=s
        ),
    ).version


def _next(engine: Engine, keys: Keyring, partner: str = "KZ") -> lists.NextList:
    return write(
        engine,
        lambda s: lists.next_round_list(
            partner=partner, principal=OFFICER, keys=keys, session=s, today=dt.date(2022, 5, 1)
        ),
    )


def _record(engine: Engine, keys: Keyring, ids: list[int], meeting: int | None, partner: str = "KZ") -> int:
    return write(
        engine,
        lambda s: lists.record_list(
            partner=partner,
            case_ids=ids,
            handed_over_on=dt.date(2021, 6, 1),
            meeting_id=meeting,
            principal=OFFICER,
            keys=keys,
            session=s,
        ),
    )


def test_a_first_list_has_every_open_case_and_no_changes(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]]
) -> None:
    a = _case(engine, keys, "Aigul A")
    _case(engine, keys, "Freed F", status=StatusEntry(Status.RELEASED, dt.date(2020, 1, 1)))
    _case(engine, keys, "Other Partner", "UZ")
    nxt = _next(engine, keys)
    assert [c.id for c in nxt.cases] == [a] and nxt.previous is None
    text = lists.render_markdown(nxt)
    assert "| 1 | Aigul A | journalist | detained (2021-03-01) |" in text
    assert "Freed" not in text and "Other Partner" not in text
    assert "No list has been handed over" in text and "Changes" not in text


def test_the_next_list_shows_what_changed_since_the_last_one(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]]
) -> None:
    first_round, second_round = rounds["KZ"][0], rounds["KZ"][1]
    a, b, c = (_case(engine, keys, n) for n in ("Aigul A", "Bolat B", "Chingiz C"))
    list_id = _record(engine, keys, [a, b, c], first_round)
    gone = _status(engine, keys, b, 1, StatusEntry(Status.RELEASED, dt.date(2021, 12, 24), "press"))
    _status(engine, keys, c, 1, StatusEntry(Status.SENTENCED, dt.date(2022, 1, 10), "court"))
    reply = Reply(second_round, "investigation closed", dt.date(2022, 3, 3))
    write(
        engine,
        lambda s: access.add_reply(
            case_id=a, version=1, reply=reply, principal=OFFICER, keys=keys, session=s
        ),
    )
    d = _case(engine, keys, "Dana | <b>D</b>")
    nxt = _next(engine, keys)
    assert nxt.previous == lists.PreviousList(list_id, dt.date(2021, 6, 1), first_round, (a, b, c))
    assert [x.id for x in nxt.cases] == [a, c, d]
    assert [x.id for x in nxt.added] == [d] and [x.id for x in nxt.dropped] == [b]
    assert [(x.case_id, x.before, x.after.status) for x in nxt.status_changes] == [
        (b, Status.DETAINED, Status.RELEASED),
        (c, Status.DETAINED, Status.SENTENCED),
    ]
    assert [(r.case_id, r.text) for r in nxt.replies] == [(a, "investigation closed")]
    text = lists.render_markdown(nxt)
    assert f"handed over on 2021-06-01 at meeting {first_round}, 3 cases." in text
    assert r"- Added: Dana \| \<b\>D\</b\> (detained (2021-03-01))" in text
    assert "- Dropped: Bolat B (released (2021-12-24))" in text
    assert "- Status: Chingiz C: detained → sentenced (2022-01-10)" in text
    assert f"- Reply about Aigul A (2022-03-03 at meeting {second_round}): investigation closed" in text
    assert "<b>" not in text and gone == 2
    view = write(engine, lambda s: access.get_case(case_id=a, principal=OFFICER, keys=keys, session=s))
    assert view.lists == (list_id,)


def test_a_list_only_takes_existing_cases_of_its_partner(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]]
) -> None:
    kz, uz = _case(engine, keys, "Aigul A"), _case(engine, keys, "Umid U", "UZ")
    with pytest.raises(InvalidInputError, match="not with KZ"):
        _record(engine, keys, [kz, uz], rounds["KZ"][0])
    with pytest.raises(InvalidInputError, match="twice"):
        _record(engine, keys, [kz, kz], None)
    with pytest.raises(NotFoundError, match="no case 999"):
        _record(engine, keys, [kz, 999], None)
    with pytest.raises(InvalidInputError, match="round with UZ"):
        _record(engine, keys, [kz], rounds["UZ"][0])
    assert _record(engine, keys, [uz], rounds["UZ"][0], "UZ") > 0


def test_markdown_escapes_every_markup_character() -> None:
    summary = access.CaseSummary(
        1, 1, "KZ", "*a* _b_ `c` [d](e) # | \\ <f>\nnext", Category.OTHER, None, None
    )
    nxt = lists.NextList("KZ", dt.date(2022, 1, 1), None, (summary,), (summary,), (), (), ())
    row = next(line for line in lists.render_markdown(nxt).splitlines() if line.startswith("| 1 |"))
    assert row == r"| 1 | \*a\* \_b\_ \`c\` \[d\]\(e\) \# \| \\ \<f\> next | other | no status recorded |"


def test_links_to_meetings_are_listed_with_the_case(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]]
) -> None:
    a = _case(engine, keys, "Aigul A")
    link = MeetingLink(rounds["KZ"][2], "raised by the EU head")
    write(
        engine,
        lambda s: access.link_meeting(
            case_id=a, version=1, link=link, principal=OFFICER, keys=keys, session=s
        ),
    )
    with pytest.raises(InvalidInputError, match="already linked"):
        write(
            engine,
            lambda s: access.link_meeting(
                case_id=a, version=2, link=link, principal=OFFICER, keys=keys, session=s
            ),
        )
    view = write(engine, lambda s: access.get_case(case_id=a, principal=OFFICER, keys=keys, session=s))
    assert view.meetings == (link,) and view.version == 2
