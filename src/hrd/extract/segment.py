"""Stage 1: segmentation into header lines, paragraphs and sentences, with offsets.

A readout starts with a header block (title, a "Joint Press Release" label, a
dateline such as "Brussels, 27.11.2020") and may end with a sign-off (a
spokesperson's name and telephone number). Header lines are kept as
sentences of their own with ``header=True`` so that later stages can read the
dateline but do not take statements from it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .gazetteer import gazetteer
from .lexicon import load_lexicon
from .state import Analysis, Sentence

__all__ = ["run", "split_sentences"]

_LEX = load_lexicon("segment")
_ABBREV = frozenset(a.lower() for a in _LEX["abbreviations"])
_ENGLISH = frozenset(_LEX["english_function_words"])
# Header lines that are no title: a web page's menu and breadcrumbs, an issuer's name, a label, a dateline.
_NOT_TITLE = re.compile("(?i:" + "|".join(_LEX["not_title"]) + r")(?:\W+[\d/.-]+)?\W*")

# A line that ends a web page's article: the links, tags and sharing buttons that follow it.
_PAGE_TAIL = re.compile(r"(?i:" + "|".join(_LEX["page_tail"]) + r")\s*:?")

_PARA_RE = re.compile(r"\n\s*\n")
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket)
# followed by whitespace and something that can start a sentence.
# (not dotted leaders between a label and its value: "When ........ 14 November 2017")
_END_RE = re.compile(r"""[.!?](?<!\.\.)(?!\.)["”’)\]]*(?=\s+["“‘(\[]?[A-Z0-9À-Ý])""")
# A line that starts with a bullet or an item number starts a sentence: "...journalists.\n• The EU ..."
_ITEM_START_RE = re.compile(r"\n(?=\s*(?:[•·▪‣◦*]|[-–—]\s|\d{1,2}[.)]\s))")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ITEM_NUMBER_RE = re.compile(r"(?:^|\n)[ \t]*\d{1,2}$")
_DATELINE_RE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b(19|20)\d{2}\b")
# Bytes that are not a-z become spaces: the words of an ASCII-encoded text are then its [a-z]+ runs.
_NOT_A_TO_Z = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_ENGLISH_BYTES = frozenset(w.encode() for w in _ENGLISH if w.isascii())


def _is_abbreviation(text: str, dot: int) -> bool:
    if _ITEM_NUMBER_RE.search(text, max(0, dot - 4), dot):
        return True  # "2. The EU noted ...": the number of a list item, not a sentence
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 24), dot)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREV:
        return True
    # Initials ("J. Smith", "U.S.") but not the pronoun-free end of a sentence.
    return len(word) == 1 and word.isalpha() and text[m.start(1)].isupper()


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans with whitespace trimmed."""
    end = len(text) if end is None else end
    cuts = [
        m.end()
        for m in _END_RE.finditer(text, start, end)
        if not (text[m.start()] == "." and _is_abbreviation(text, m.start()))
    ]
    if text.find("\n", start, end) >= 0:
        cuts = sorted({*cuts, *(m.start() for m in _ITEM_START_RE.finditer(text, start, end))})
    spans: list[tuple[int, int]] = []
    cur = start
    for cut in cuts:
        spans.append((cur, cut))
        cur = cut
    spans.append((cur, end))
    return _trimmed(text, spans)


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without their leading and trailing whitespace; spans left empty are dropped."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _looks_like_header_line(line: str) -> bool:
    """A short line without a final full stop: a title, label, dateline or sign-off."""
    stripped = line.strip()
    if stripped.startswith(("• ", "· ", "▪ ", "– ")) and len(stripped) > 40:
        return False  # an item of a bulleted list (a short one, "• When: 07.11.2017", may stay a header)
    return bool(stripped) and len(stripped) < 200 and not stripped.endswith((".", ":", ";"))


def _language(text: str) -> str | None:
    # The runs of a-z of the lowered start ("replace" turns other characters into "?").
    words = text[:3000].lower().encode("ascii", "replace").translate(_NOT_A_TO_Z).split()
    if len(words) < 5:
        return None
    share = sum(map(_ENGLISH_BYTES.__contains__, words)) / len(words)
    return "en" if share >= 0.2 else None


def run(doc: Analysis) -> Analysis:
    text = doc.text
    # Structure is read on the text with the furniture of its page breaks blanked out (same offsets);
    # sentences keep the text's own characters.
    scan = _without_page_breaks(text)
    sentences: list[Sentence] = []
    pos = 0
    in_body = False
    doc_width = _wrap_width(scan.split("\n"), whole=True)
    for paragraph, m in enumerate([*_PARA_RE.finditer(scan), None]):
        block_end = m.start() if m else len(scan)
        block = scan[pos:block_end]
        lines = block.split("\n")
        # Header block: leading paragraphs made only of short unpunctuated lines, or of a web page's
        # notices ("This site uses cookies ...").
        if not in_body and all(
            _looks_like_header_line(ln) or not ln.strip() or _NOTICE.fullmatch(ln.strip()) for ln in lines
        ):
            off = pos
            for ln in lines:
                a = off + len(ln) - len(ln.lstrip())
                b = off + len(ln.rstrip())
                if a < b:
                    sentences.append(Sentence(a, b, text[a:b], paragraph, header=True))
                off += len(ln) + 1
        else:
            in_body = True
            width = _wrap_width(lines) or doc_width
            for a, b in split_sentences(scan, pos, block_end):
                # A line break inside a body paragraph separates a heading from its text.
                for a2, b2 in _split_lines(scan, a, b, width):
                    sentences.append(Sentence(a2, b2, text[a2:b2], paragraph))
        if m:
            pos = m.end()
    sentences = _mark_signoff(_without_page_tail(text, sentences))
    title = _title(sentences)
    return replace(doc, title=title, sentences=tuple(sentences), language=_language(text))


_PROSE_LINE = 40  # a paragraph of prose has a line this long
_FURNITURE_LINE = 130  # a running header or footer, a page number: short lines
_FURNITURE_LINES = 8
_FURNITURE_BLOCKS = 2
_OPEN_END = re.compile(r"[\w,(–-]$")  # a paragraph cut off in mid-sentence
_SENTENCE_END = re.compile(r"[.!?]$")


def _without_page_breaks(text: str) -> str:
    """``text`` with the furniture of a page break inside a sentence blanked out: a paragraph that stops in
    mid-sentence ("... about the climate of"), one or two blocks of short unpunctuated lines (page
    number, running header and footer) and a paragraph that goes on in lower case ("impunity surrounding
    them."), as text from a PDF has them. The blocks become spaces, so that the two parts read as one
    paragraph; offsets do not change."""
    blocks = [(0, len(text))]
    for m in _PARA_RE.finditer(text):
        blocks[-1] = (blocks[-1][0], m.start())
        blocks.append((m.end(), len(text)))
    out: list[str] = []
    done = 0
    i = 0
    while i < len(blocks) - 2:
        a, b = blocks[i]
        lines = text[a:b].split("\n")
        if not (_OPEN_END.search(lines[-1].rstrip()) and any(len(ln.strip()) >= _PROSE_LINE for ln in lines)):
            i += 1
            continue
        j = i + 1  # the first block that goes on in lower case, after the furniture
        furniture: list[str] = []
        while j < len(blocks) and j - i <= _FURNITURE_BLOCKS + 1:
            block = text[blocks[j][0] : blocks[j][1]]
            if block.lstrip()[:1].islower():
                break
            furniture += [ln.strip() for ln in block.split("\n") if ln.strip()]
            j += 1
        if (
            i + 1 < j < len(blocks)
            and j - i <= _FURNITURE_BLOCKS + 1
            and len(furniture) <= _FURNITURE_LINES
            and all(len(ln) <= _FURNITURE_LINE and not _SENTENCE_END.search(ln) for ln in furniture)
        ):
            gap_end = blocks[j][0] - 1  # the line break before the paragraph that goes on
            out += [text[done:b], " " * (gap_end - b)]
            done = gap_end
            i = j
            continue
        i += 1
    return "".join([*out, text[done:]]) if out else text


def _wrap_width(lines: list[str], whole: bool = False) -> int | None:
    """The width the lines of a paragraph (or, ``whole``, of a text) were wrapped at ("hard-wrapped"
    text from a PDF or an e-mail): the longest line, when most lines but the last come close to
    it; None when lines are whole paragraphs."""
    lengths = [len(ln.rstrip()) for ln in lines if ln.strip()]
    if whole:  # a text: its lines of 20 characters or more, headings and last lines aside
        lengths = [n for n in lengths if n >= 20]
    if len(lengths) < 3:
        return None
    width = max(lengths)
    full = sum(n >= 0.75 * width for n in lengths[:-1])
    return width if 40 <= width <= 200 and full >= 0.6 * (len(lengths) - 1) else None


def _split_lines(text: str, a: int, b: int, width: int | None = None) -> list[tuple[int, int]]:
    """``text[a:b]`` (a trimmed, non-empty sentence) cut after each line that looks like a heading;
    in a hard-wrapped paragraph (lines of about ``width`` characters) only after a short line."""
    nl = text.find("\n", a, b)
    if nl < 0:
        return [(a, b)]
    parts = []
    cur = a
    while nl >= 0:
        line = text[cur:nl]
        if (
            _looks_like_header_line(line)
            and line.strip()
            and (width is None or len(text[text.rfind("\n", 0, nl) + 1 : nl].strip()) < 0.6 * width)
        ):
            parts.append((cur, nl))
            cur = nl + 1
        nl = text.find("\n", nl + 1, b)
    parts.append((cur, b))
    return _trimmed(text, parts)


def _without_page_tail(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences before a line alone after the article's prose that opens a web page's tail
    ("Related links", "Latest news", "Share on:", "Tags"): the headlines and buttons after it report
    nothing. ("Share this page:" above the article is no tail.)"""
    prose = False
    for i, s in enumerate(sentences):
        prose = prose or (not s.header and s.text.rstrip('"”’)').endswith((".", "!", "?")))
        if (
            prose
            and _PAGE_TAIL.fullmatch(s.text)
            and text.startswith("\n", s.end)
            and (s.start == 0 or text[s.start - 1] == "\n")
        ):
            return sentences[:i]
    return sentences


def _mark_signoff(sentences: list[Sentence]) -> list[Sentence]:
    """Mark trailing short unpunctuated lines (spokesperson, phone) as header lines."""
    out = list(sentences)
    i = len(out) - 1
    while i >= 0 and not out[i].header and _looks_like_header_line(out[i].text) and len(out[i].text) < 80:
        out[i] = replace(out[i], header=True)
        i -= 1
    return out


def _title(sentences: list[Sentence]) -> str | None:
    """The headline: among the lines of the header block and the heading lines that open the first
    paragraph ("Press release / UK-China Human Rights Dialogue 2016 / Foreign Office Minister ..."),
    the first that names a meeting or runs to five words or more, else the first of three words or
    more (two of them words of letters); never a menu item, an issuer's name, a label or a dateline.
    A title wrapped over two lines ("... Sub-Group on Democracy,") goes on to the next line."""
    lead: list[Sentence] = []
    body_paragraph: int | None = None
    for s in sentences:
        if s.header and body_paragraph is None:
            lead.append(s)
            continue
        if body_paragraph is None:
            body_paragraph = s.paragraph
        if s.paragraph != body_paragraph or not _looks_like_header_line(s.text) or "\n" in s.text:
            break
        lead.append(s)  # a heading line that opens the first paragraph
    eligible = [k for k, s in enumerate(lead) if _eligible_title(s.text)]
    best = next(
        (k for k in eligible if _HEADLINE.search(lead[k].text) or len(lead[k].text.split()) >= 5), None
    )
    if best is None and eligible:
        best = eligible[0]
    if best is None:  # a short headline ("EU-Ruritania Dialogue"), unless it is a dateline or a label
        first = next((s.text for s in sentences if s.header), None)
        if first is None or _DATELINE_ALONE_RE.match(first) or _NOT_TITLE.fullmatch(first):
            return None
        return first
    title = lead[best].text
    if (
        best + 1 < len(lead)
        and _WRAPPED_TITLE.search(title)
        and lead[best + 1].paragraph == lead[best].paragraph
    ):
        title = f"{title} {lead[best + 1].text}"
    return title


def _eligible_title(line: str) -> bool:
    return (
        len(_WORDS_RE.findall(line)) >= 2
        and len(line.split()) >= 3
        and not _NOT_TITLE.fullmatch(line)
        and not _is_place(line)
        and not _DATELINE_ALONE_RE.match(line)
    )


# A headline names a meeting or a dialogue's subject; a menu item rarely does.
_HEADLINE = re.compile(
    r"(?i)\b(?:dialogue|sub-?committee|sub-?group|committee|council|consultations|talks|meeting|round|session"
    r"|human rights|statement)\b"
)
_WRAPPED_TITLE = re.compile(r"(?:,|\b(?:of|on|and|for|the|in|to|with|between))$")


# A web page's notice about cookies or the browser, which belongs to the page's header.
_NOTICE = re.compile(r"(?i)(?=.{0,300}$).*\b(?:cookies?|javascript|your browser)\b.*")
# Words of a headline: a reference line ("11792/09 (Presse 204)") has fewer than two.
_WORDS_RE = re.compile(r"[^\W\d_]{2,}")
# A dateline alone on its line: "Lima, 13.05.2021", "Brussels, 6 July 2009", "November 17, 2023".
_DATELINE_ALONE_RE = re.compile(
    r"(?:[^\W\d_][\w.' -]{0,40},\s*)?"
    r"(?:[\d./-]{6,10}|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4})\s*$"
)


def _is_place(line: str) -> bool:
    """A line that only names a country or a city ("United Arab Emirates"): an issuer's header."""
    return gazetteer().table.get(line.strip().strip(".:")) is not None
