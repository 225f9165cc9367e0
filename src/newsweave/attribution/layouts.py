"""Attributions a page's layout makes, with no speech verb: transcript turns and signed quotations.

* A transcript gives each turn a line opening with the speaker in capitals and a colon
  ("TAPPER: Do you think ..."): the colon is the cue, the name the source, the rest of the
  line the content, as PolNeAR marks them (train: 11 of 19 such lines, every one of the
  transcripts where speakers take turns). A text counts as a transcript only where at least
  two speakers each have two turns, so a lone "UPDATE:" is no speaker.
* A quotation signed after a dash ("“...” ― Sonya Herridge"), the way readers' voices and
  epigraphs are printed: the dash is the cue, the name the source, the quotation the content.
Both paths use these; neither needs a parse.
"""

from __future__ import annotations

import re
from collections import Counter

from .records import Attribution, CharSpan, trim

_TURN = re.compile(r"^[\"“]?(?P<speaker>[A-Z][A-Z.'’ -]{0,30}[A-Z.])(?P<cue>:)[ \t\xa0]+(?P<said>\S[^\n]*)$", re.MULTILINE)
_NOT_SPEAKERS = frozenset((
    "UPDATE", "UPDATED", "VIDEO", "PHOTOS", "PHOTO", "WATCH", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION",
    "CLARIFICATION", "PREVIOUSLY", "RELATED", "READ MORE", "FULL TEXT", "SOURCE", "SOURCES", "CREDIT", "Q", "A",
))
_SIGNED = re.compile(
    r"^[ \t\xa0]*(?P<said>[“”\"][^\n]{12,}?[”\"])[ \t\xa0]*(?P<cue>[―—–]|--)[ \t\xa0]*"
    r"(?P<speaker>[A-Z][\w.'’-]*(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|de|del|la|van|von)){0,4}?)[ \t\xa0]*\.?[ \t\xa0]*$",
    re.MULTILINE,
)


_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.$")


def _transcript_turns(text: str) -> list[Attribution]:
    turns = [m for m in _TURN.finditer(text) if m.group("speaker").strip() not in _NOT_SPEAKERS]
    surnames = Counter(m.group("speaker").split()[-1] for m in turns)
    if sum(1 for count in surnames.values() if count >= 2) < 2:
        return []
    found = []
    for turn in turns:
        said = trim(text, turn.start("said"), turn.end("said"))
        if said[1] - said[0] < 2:
            continue
        found.append(Attribution("indirect", turn.span("cue"), turn.span("speaker"), [said]))
    return found


def _signed_quotations(text: str) -> list[Attribution]:
    found = []
    for signed in _SIGNED.finditer(text):
        said: CharSpan = signed.span("said")
        start, end = signed.span("speaker")
        if text[end - 1] == "." and not _INITIAL.search(text, start, end):
            end -= 1  # the line's full stop, not an initial's ("Carla Sanchez." but "Julie A.")
        found.append(Attribution("direct", signed.span("cue"), (start, end), [said]))
    return found


def find_attributions(text: str) -> list[Attribution]:
    """Transcript turns and signed quotations in ``text``, in text order."""
    return sorted(_transcript_turns(text) + _signed_quotations(text), key=lambda a: a.cue[0])
