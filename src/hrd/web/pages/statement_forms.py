"""What the review forms send, read into library values: legal references and evidence spans.

Pure functions of the submitted strings (no request, no database):

- :func:`legal_refs_from_rows` reads the (instrument, article) rows of a form;
  empty rows are ignored, instrument names are canonicalised the way the
  extractor names them (:func:`canonical_instrument`: "criminal code" gives
  "Criminal Code", "International Covenant on Civil and Political Rights"
  gives "ICCPR"), article numbers lose an "Article" / "Art." prefix;
- :func:`occurrences` finds where an analyst's evidence text stands in a
  document's text (runs of whitespace match any whitespace, either apostrophe
  or quotation mark matches the other), so a sentence copied from the page
  across a line break is still found.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ...errors import InvalidInputError
from ...extract.legal_mentions import find_mentions
from ...record import LegalRef

__all__ = [
    "MAX_ARTICLE",
    "MAX_INSTRUMENT",
    "Occurrence",
    "canonical_instrument",
    "clean_article",
    "legal_refs_from_rows",
    "occurrences",
]

MAX_INSTRUMENT = 500
MAX_ARTICLE = 100
_LEAD_RE = re.compile(r"[\s\"'“”‘’(]*(?:the\s+)?[\"'“”‘’]*", re.IGNORECASE)
# After a code's name: closing punctuation, or the partner it belongs to ("of the Republic of Kazakhstan").
_TAIL_RE = re.compile(
    r"[\s\"'“”‘’),.;:]*(?:of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of|the|[A-Z][\w'’-]*))*)?\.?"
)
_ARTICLE_PREFIX_RE = re.compile(r"^(?:articles?|arts?\.?|sections?|secs?\.?|§§?)\s*", re.IGNORECASE)
_SMALL_WORDS = frozenset({"a", "an", "and", "against", "for", "in", "of", "on", "the", "to", "with"})
_QUOTES = {"'": "['’‘]", "’": "['’‘]", "‘": "['’‘]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}


def canonical_instrument(name: str) -> str:
    """The extractor's name of the instrument ``name`` names, else ``name`` with its spaces tidied.

    A name in lower case is tried with capitals too. Only a name that is one instrument mention
    as a whole (give or take a leading "the", quotes and the partner it belongs to) is replaced:
    "Criminal Code of Kazakhstan" gives "Criminal Code", "the Convention against Torture" "CAT";
    "the law on NGOs and the Criminal Code" stays.
    """
    name = " ".join(name.split())
    for form in dict.fromkeys([name, _titled(name)]):
        mentions = find_mentions(form)
        if len(mentions) == 1 and len(mentions[0].instruments) == 1:
            mention = mentions[0]
            if _LEAD_RE.fullmatch(form[: mention.start]) and _TAIL_RE.fullmatch(form[mention.end :]):
                return mention.instruments[0]
    return name


def _titled(name: str) -> str:
    """'code of criminal procedure' as a name is written: 'Code of Criminal Procedure'."""
    return " ".join(
        w if w in _SMALL_WORDS or not w[:1].islower() else w[:1].upper() + w[1:] for w in name.split()
    )


def clean_article(text: str) -> str | None:
    """'Art. 174' and 'Article 174' give '174'; nothing gives ``None``."""
    text = " ".join(text.split())
    return _ARTICLE_PREFIX_RE.sub("", text).strip() or None


def legal_refs_from_rows(
    instruments: Sequence[str], articles: Sequence[str], *, keep: Collection[str] = ()
) -> list[LegalRef]:
    """The references of a form's (instrument, article) rows, in order, each once; empty rows ignored.

    Instrument names in ``keep`` (those the statement already cites) stand as they are, so that
    saving an unrelated change never renames them. An article without an instrument, or a name
    too long to be one, is an :class:`~hrd.errors.InvalidInputError` (the row's number names it).
    """
    rows = max(len(instruments), len(articles))
    padded = zip([*instruments, *[""] * rows][:rows], [*articles, *[""] * rows][:rows], strict=True)
    refs: list[LegalRef] = []
    for row, (raw_instrument, raw_article) in enumerate(padded, start=1):
        article = clean_article(raw_article)
        if not raw_instrument.strip():
            if article:
                raise InvalidInputError(f"legal reference {row}: article {article!r} needs its instrument")
            continue
        if len(raw_instrument) > MAX_INSTRUMENT or (article and len(article) > MAX_ARTICLE):
            raise InvalidInputError(f"legal reference {row}: the instrument or article is too long")
        name = raw_instrument.strip()
        ref = LegalRef(instrument=name if name in keep else canonical_instrument(name), article=article)
        if ref not in refs:
            refs.append(ref)
    return refs


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place where the evidence stands in the text, with a little of the text around it."""

    start: int
    end: int
    before: str
    match: str
    after: str


def _pattern(evidence: str) -> re.Pattern[str] | None:
    words = evidence.split()
    if not words:
        return None
    parts = ["".join(_QUOTES.get(c, re.escape(c)) for c in word) for word in words]
    return re.compile(r"\s+".join(parts))


def occurrences(text: str, evidence: str, *, context: int = 60) -> list[Occurrence]:
    """Every place (left to right, without overlaps) where ``evidence`` stands in ``text``."""
    pattern = _pattern(evidence)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - context) : m.start()]
        after = text[m.end() : m.end() + context]
        out.append(
            Occurrence(m.start(), m.end(), " ".join(before.split()), m.group(0), " ".join(after.split()))
        )
    return out
