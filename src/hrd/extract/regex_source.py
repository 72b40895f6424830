"""Reading the source of a regular expression: literals that its matches start with or hold.

Small conservative readers for the shortcuts of :mod:`.gates` and :mod:`.starts`:
each returns None where it meets a construct it does not know, so that callers
fall back to running the pattern everywhere. Literals are read only outside
character classes (except a class of one letter in both cases, "[Cc]"); a
character followed by a quantifier that allows zero repetitions is optional.
"""

from __future__ import annotations

import re

__all__ = [
    "IGNORECASE_FLAG",
    "class_end",
    "first_literals",
    "group_body",
    "group_end",
    "has_alternatives",
    "literal_runs",
    "required_any",
    "required_literal",
    "required_sets",
    "skip_quantifier",
    "split_alternatives",
]

IGNORECASE_FLAG = "(?i)"
"""A leading global flag that the readers accept (their literals are in lower case anyway)."""
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")
_VERBOSE = re.compile(r"\(\?[aiLmsu-]*x")  # spaces are no literals there
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_GROUP_HEAD = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?:")
_ZERO_WIDTH = ("(?<!", "(?<=", "(?=", "(?!")
_MIN_LITERAL = 3
_MAX_FIRSTS = 64


def class_end(source: str, i: int) -> int | None:
    """The index after the character class that opens at ``source[i]``."""
    j = i + 1
    if source[j : j + 1] == "^":
        j += 1
    if source[j : j + 1] == "]":
        j += 1
    while j < len(source):
        if source[j] == "\\":
            j += 2
            continue
        if source[j] == "]":
            return j + 1
        j += 1
    return None


def group_end(source: str, i: int) -> int | None:
    """The index after the group that opens at ``source[i]``."""
    depth = 0
    j = i
    while j < len(source):
        ch = source[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            end = class_end(source, j)
            if end is None:
                return None
            j = end
            continue
        depth += ch == "("
        depth -= ch == ")"
        j += 1
        if depth == 0:
            return j
    return None


def skip_quantifier(source: str, i: int) -> int:
    if i < len(source) and source[i] in "?*+":
        i += 1
    elif i < len(source) and source[i] == "{":
        close = source.find("}", i)
        i = close + 1 if close >= 0 else i + 1
    if i < len(source) and source[i] in "?+":  # lazy or possessive
        i += 1
    return i


def has_alternatives(source: str) -> bool:
    """Whether ``source`` has a "|" outside its groups and classes (True where unsure)."""
    alternatives = split_alternatives(source)
    return alternatives is None or len(alternatives) > 1


def literal_runs(source: str, ignorecase: bool = False) -> list[str] | None:
    """The stretches of plain characters (lower case with ``ignorecase``) that every match of the
    regular expression ``source`` contains, or None when the reader meets top-level alternatives,
    inline flags or anything it does not know.

    Only characters outside groups and classes count; a character followed by a quantifier
    does not (it may be absent), nor, with ``ignorecase``, does a non-ASCII character.
    """
    if source.startswith(IGNORECASE_FLAG):
        source, ignorecase = source[len(IGNORECASE_FLAG) :], True
    if _INLINE_FLAGS.search(source):
        return None
    runs: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            runs.append("".join(run))
        run.clear()

    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            nxt = source[i + 1 : i + 2]
            if not nxt or nxt.isalnum() or nxt == "_":
                flush()  # a class, an assertion, a reference or a special character
                i += 2
                continue
            ch, i = nxt, i + 2
        elif ch == "[" or ch == "(":
            flush()
            end = class_end(source, i) if ch == "[" else group_end(source, i)
            if end is None:
                return None
            i = skip_quantifier(source, end)
            continue
        elif ch in ")|":
            return None
        elif ch in ".^$":
            flush()
            i += 1
            continue
        elif ch in "?*+{":
            if run:
                run.pop()
            flush()
            i = skip_quantifier(source, i)
            continue
        else:
            i += 1
        if source[i : i + 1] in ("?", "*", "{"):
            flush()  # this character is optional: the quantifier is skipped on the next turn
            continue
        if ignorecase and not ch.isascii():
            flush()
            continue
        run.append(ch.lower() if ignorecase else ch)
    flush()
    return runs


def required_literal(source: str, ignorecase: bool = False) -> str | None:
    """The longest of :func:`literal_runs` if it has at least three characters, else None."""
    runs = literal_runs(source, ignorecase)
    best = max(runs, key=len, default="") if runs else ""
    return best if len(best) >= _MIN_LITERAL else None


def required_sets(source: str) -> list[frozenset[str]]:
    """Sets of lower-case literals such that every match of the regular expression ``source``
    holds a literal of each set: its literal runs of three characters or more and the literals
    of the groups it must go through (:func:`required_any`); for top-level alternatives, the one
    set of :func:`required_any`. Empty where the reader knows none."""
    if _VERBOSE.search(source):
        return []
    if has_alternatives(source):
        one = required_any(source)
        return [one] if one else []
    runs = literal_runs(source, ignorecase=True) or []
    sets = [frozenset({run}) for run in runs if len(run) >= _MIN_LITERAL]
    for body in _required_groups(source.removeprefix(IGNORECASE_FLAG)) or []:
        inner = required_any(body)
        if inner:
            sets.append(inner)
    return sets


def split_alternatives(source: str) -> list[str] | None:
    """The top-level alternatives of ``source``."""
    out: list[str] = []
    i = last = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
        elif ch in "[(":
            end = class_end(source, i) if ch == "[" else group_end(source, i)
            if end is None:
                return None
            i = end
        elif ch == "|":
            out.append(source[last:i])
            i = last = i + 1
        else:
            i += 1
    out.append(source[last:])
    return out


def group_body(group: str) -> str | None:
    """The inside of a consuming group ("(...)", "(?:...)", "(?P<n>...)", "(?-i:...)")."""
    if not group.startswith("(?"):
        return group[1:-1]
    if group.startswith("(?P<"):
        return group[group.index(">") + 1 : -1]
    m = _GROUP_HEAD.match(group)
    return group[m.end() : -1] if m else None


def _firsts(source: str) -> set[str] | None:
    """Lower-case literal beginnings of the matches of ``source`` (one alternative)."""
    i = 0
    while True:  # zero-width assertions at the start consume nothing
        if source.startswith(("\\b", "^"), i):
            i += 1 if source[i] == "^" else 2
        elif source.startswith(_ZERO_WIDTH, i):
            end = group_end(source, i)
            if end is None:
                return None
            i = end
        else:
            break
    source = source[i:]
    if source.startswith("("):
        end = group_end(source, 0)
        body = None if end is None else group_body(source[:end])
        alternatives = None if body is None else split_alternatives(body)
        if end is None or alternatives is None:
            return None
        rest = source[end:]
        optional = rest[:1] in ("?", "*") or rest.startswith("{0")
        if rest[:1] in ("+", "{") and not optional:
            rest = ""  # repeated: its first turn is all that is sure
        elif optional:
            rest = source[skip_quantifier(source, end) :]
        out: set[str] = set()
        for alt in alternatives:
            got = _firsts(alt + rest)
            if got is None:
                return None
            out |= got
        if optional:
            got = _firsts(rest)
            if got is None:
                return None
            out |= got
        return out
    run: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        step = 1
        if ch == "\\":
            nxt = source[i + 1 : i + 2]
            if not nxt or nxt.isalnum() or nxt == "_":
                break
            ch, step = nxt, 2
        elif ch == "[":  # a class of one letter in either case ("[Cc]") is that letter
            end = class_end(source, i)
            if end is None:
                break
            body = source[i + 1 : end - 1]
            if len(set(body.lower())) != 1 or not body.isalpha():
                break
            ch, step = body[0], end - i
        elif ch in "(.^$|?*+{)":
            break
        if not ch.isascii():
            break
        if source[i + step : i + step + 1] in ("?", "*", "{"):
            break
        run.append(ch.lower())
        if source[i + step : i + step + 1] == "+":
            break
        i += step
    return {"".join(run)} if run else None


def first_literals(source: str) -> frozenset[str] | None:
    """Lower-case literal beginnings, one of which starts every match of the regular expression
    ``source`` (with or without IGNORECASE); None where the reader is unsure (a match may begin
    with a class, an optional character or a construct it does not know)."""
    source = source.removeprefix(IGNORECASE_FLAG)
    alternatives = split_alternatives(source)
    if alternatives is None or _GLOBAL_FLAGS.search(source) or _VERBOSE.search(source):
        return None
    out: set[str] = set()
    for alt in alternatives:
        got = _firsts(alt)
        if got is None or "" in got:
            return None
        out |= got
    return frozenset(out) if len(out) <= _MAX_FIRSTS else None


def _required_groups(source: str) -> list[str] | None:
    """The bodies of the consuming groups at the top level of ``source`` (one alternative) that
    every match goes through (no "?", "*" or "{" after them)."""
    out: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
        elif ch == "[":
            end = class_end(source, i)
            if end is None:
                return None
            i = end
        elif ch == "(":
            end = group_end(source, i)
            if end is None:
                return None
            if not source.startswith(_ZERO_WIDTH, i) and source[end : end + 1] not in ("?", "*", "{"):
                body = group_body(source[i:end])
                if body is None:
                    return None
                out.append(body)
            i = end
        else:
            i += 1
    return out


def required_any(source: str) -> frozenset[str] | None:
    """Lower-case literals one of which every match of the regular expression ``source`` holds
    (with or without IGNORECASE): for each alternative its longest required literal
    (:func:`required_literal`), else the literals of one of the groups it must go through.
    None where the reader is unsure."""
    source = source.removeprefix(IGNORECASE_FLAG)
    alternatives = split_alternatives(source)
    if alternatives is None or _GLOBAL_FLAGS.search(source) or _VERBOSE.search(source):
        return None
    out: set[str] = set()
    for alt in alternatives:
        literal = required_literal(alt, ignorecase=True)
        if literal is not None:
            out.add(literal)
            continue
        # No literal of its own: one of the literals of a group it must go through.
        bodies = _required_groups(alt)
        options = [x for x in (required_any(body) for body in bodies or ()) if x]
        if not options:
            return None
        out |= max(options, key=lambda x: (min(map(len, x)), -len(x)))
    # A text holds a literal that contains another only if it holds that other one.
    return frozenset(x for x in out if not any(y != x and y in x for y in out))
