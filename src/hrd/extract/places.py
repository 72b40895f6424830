"""Stage 3: places: party mentions (countries, the EU, organisations), cities, the issuer.

Every gazetteer match (see :mod:`.gazetteer`) in the text becomes a
:class:`PartyMention` when it names a party (a country by name, demonym or
capital; the EU; an organisation) and a :class:`PlaceMention` when it names a
city. The issuer is read from the header, the first sentence and the
sign-off: ``EU`` for the EEAS, an EU delegation, the spokesperson or a joint
release; the partner's code for its ministry or embassy; null for a news
agency or anyone else (see ANNOTATION.md).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .gates import Gate
from .gazetteer import gazetteer
from .lexicon import load_lexicon
from .persons import NAME_PREFIX
from .state import Analysis, PartyMention, PlaceMention

__all__ = ["find_issuer", "run"]

_ISSUER = load_lexicon("issuer")
_EU_RE = Gate(re.compile("|".join(_ISSUER["eu"]), re.IGNORECASE))
# One gate per cue: most are absent from a text, which a literal each contains tells fast.
_AGENCY_RES = tuple(Gate(re.compile(p, re.MULTILINE)) for p in _ISSUER["agency"])
_PARTNER_RE = Gate(re.compile("|".join(_ISSUER["partner"]), re.IGNORECASE))
# "Sajjad al-Iraqi", "Ahmed el-Masri": a name after a lower-case particle and a hyphen is a person's.
# Lower-case words of a city's own name ("Dar es Salaam"); another lower-case word describes a place.
_PARTICLES = frozenset(
    ["es", "de", "del", "la", "le", "al", "el", "du", "da", "di", "do", "dos", "sur", "am", "an"]
)
_NAME_PARTICLE = re.compile(rf"(?<![\w-]){NAME_PREFIX}\Z")


def run(doc: Analysis) -> Analysis:
    gaz = gazetteer()
    parties: list[PartyMention] = []
    places: list[PlaceMention] = []
    table = gaz.table
    # A name may run over the break of a hard-wrapped line ("Nay Pyi\nTaw"): searched with spaces.
    flat = doc.text.replace("\n", " ") if "\n" in doc.text else doc.text
    for m in gaz.pattern.finditer(flat):  # as gaz.find, without a Hit per match
        entries = table.get(m.group())
        if not entries:
            continue
        start, end = m.span()
        if start and doc.text[start - 1] == "-" and _NAME_PARTICLE.search(doc.text, max(0, start - 5), start):
            continue
        party_done = False
        place_done = False
        for e in entries:
            if e.party and e.form and not party_done:
                parties.append(PartyMention(start, end, e.party, e.form))
                party_done = True
            if e.city and not place_done:
                # The city as the text writes it ("Ha Noi", "Nur-Sultan"); in upper case ("NAY PYI TAW") in
                # title case.
                written = " ".join(m.group().split())
                if written.isupper():
                    written = written.title()
                elif any(w[0].islower() and w not in _PARTICLES for w in written.split()):
                    written = e.city  # a description of the place ("EEAS headquarters"): the city's name
                places.append(PlaceMention(start, end, written, e.country))
                place_done = True
    issuer = find_issuer(doc, tuple(parties))
    return replace(doc, parties=tuple(parties), places=tuple(places), issuer=issuer)


def _frame(doc: Analysis) -> list[tuple[int, int]]:
    """Spans of the header lines, the first body sentence and the sign-off."""
    spans = [(s.start, s.end) for s in doc.sentences if s.header]
    body = [s for s in doc.sentences if not s.header]
    if body:
        spans.append((body[0].start, body[0].end))
    if not spans and doc.text:
        spans.append((0, min(len(doc.text), 300)))
    return spans


def find_issuer(doc: Analysis, parties: tuple[PartyMention, ...]) -> str | None:
    """Who issued the readout: 'EU', the partner's code, or None (see the module doc)."""
    frame = _frame(doc)
    text = doc.text
    # A news agency's report quotes the EU ("the bloc said in a press release").
    if any(agency.search(text) for agency in _AGENCY_RES):
        return None
    header = [s for s in doc.sentences if s.header]
    block_end = header[-1].end if header else 0
    for s in header:
        m = _PARTNER_RE.search(text, s.start, s.end)
        if m:
            # The country named with the ministry, or on another line of the header block
            # ("Ministry of Foreign Affairs / Government of Pakistan").
            near = [p for p in parties if m.start() <= p.start < m.end() + 60]
            block = [p for p in parties if p.start < block_end]
            for p in [*near, *block]:
                if p.code != "EU" and len(p.code) == 2:
                    return p.code
    for a, b in frame:
        if _EU_RE.search(text, a, b):
            return "EU"
    return None
