"""Amounts of money in a readout: "€8 million" -> 8000000 EUR, "£1.2bn", "5.5 million euros".

A currency symbol or code before a number ("€8m", "EUR 13m", "US$ 3 million")
or a code or currency word after it ("8 million EUR", "3 million euros", "a 40-million-euro programme"),
with an optional multiplier ("m", "mn", "million", "bn"). Number words
("five million euros") and decimal commas ("€3,5 million") are read. The
currencies, multipliers and number words are in lexicon ``money.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .lexicon import load_lexicon
from .triggers import find_words, in_windows, lowered, windows

__all__ = ["CURRENCY_CODES", "CURRENCY_WORDS", "Money", "currency_hits", "parse_money"]

_LEX = load_lexicon("money")


def _alt(words: list[str]) -> str:
    """A regular-expression alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str


_SYMBOLS: dict[str, str] = _LEX["currency_symbols"]
CURRENCY_CODES = frozenset(_LEX["currency_codes"])
_WORDS: dict[str, str] = _LEX["currency_words"]
_MULT: dict[str, int] = _LEX["multipliers"]
_NUMBER_WORDS: dict[str, int] = _LEX["number_words"]
_NUMBER = (
    r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?"
    rf"|(?i:\b(?:{_alt(list(_NUMBER_WORDS))}))(?=[\s-](?i:{_alt([w for w in _MULT if len(w) > 2])}))"
)
_MULT_RE = rf"(?:[\s-]?(?i:({_alt(list(_MULT))}))(?![A-Za-z]))?"
_CUR_FIRST = _alt([*_SYMBOLS, *CURRENCY_CODES])
_MONEY_RE = re.compile(
    rf"(?<![\w$€£¥₹])(?:({_CUR_FIRST})\s?({_NUMBER}){_MULT_RE}"
    rf"|({_NUMBER}){_MULT_RE}(?:\s+|-)(?:({_alt(list(CURRENCY_CODES))})\b|(?i:({_alt(list(_WORDS))}))\b))"
)


CURRENCY_WORDS = tuple(
    {w.lower() for w in [*CURRENCY_CODES, *_WORDS]} | {k.lower() for k in _SYMBOLS if k.isalpha()}
)


def _symbols(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for sym in ("€", "$", "£", "¥", "₹"):
        i = text.find(sym, start, end)
        while i >= 0:
            out.append((i, i + 1))
            i = text.find(sym, i + 1, end)
    return out


def _amount(number: str, mult: str | None) -> float | None:
    word = _NUMBER_WORDS.get(number.lower())
    if word is not None:
        number = str(word)
    elif re.fullmatch(r"\d+,\d{1,2}", number):
        number = number.replace(",", ".")  # a decimal comma: "€3,5 million"
    try:
        value = Decimal(re.sub(r"[,\u00a0\u202f ]", "", number))
    except InvalidOperation:
        return None
    if mult:
        value *= _MULT[mult.lower()]
    return float(value)


def parse_money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """Amounts of money in ``text[start:end]``: "€8 million" -> 8000000 EUR, "£1.2bn", "5.5 million euros"."""
    end = len(text) if end is None else end
    out: list[Money] = []
    hits = find_words(lowered(text), CURRENCY_WORDS, start, end) + _symbols(text, start, end)
    for m in in_windows(_MONEY_RE, text, windows(text, sorted(hits), start, end, 40, 40)):
        if m.group(1):
            currency = _SYMBOLS.get(m.group(1), m.group(1))
            amount = _amount(m.group(2), m.group(3))
        else:
            currency = m.group(6) or _WORDS[m.group(7).lower()]
            amount = _amount(m.group(4), m.group(5))
        if amount is not None:
            out.append(Money(m.start(), m.end(), amount, currency))
    return out


def currency_hits(text: str, low: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where currency words, codes and symbols stand in ``text[start:end]`` (``low``: the text lowered)."""
    return [*find_words(low, CURRENCY_WORDS, start, end), *_symbols(text, start, end)]
