"""One attribution relation found in a text: cue, source and content as character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CharSpan = tuple[int, int]

OPEN_QUOTES = "\"“«"
CLOSE_QUOTES = "\"”»"
_TRAILING = " \t\n\xa0,.;:—–-"


@dataclass
class Attribution:
    kind: str  # "direct" (inside quotation marks), "indirect" or "mixed"
    cue: CharSpan
    source: CharSpan | None  # the words naming the speaker here ("he", "the Chinese president")
    content: list[CharSpan] = field(default_factory=list)  # in text order; several where it is split
    continued: int = 0  # how many of the content parts are later sentences without their own cue
    statement: bool = True  # False: a stance or act ("spoke about X") PolNeAR counts, not a statement
    # a speech verb heading a clause of its own ("..., and said B", "who told ...", "while he
    # argues ..."): inside another's content it cuts that content short rather than go
    own_clause: bool = False


def trim(text: str, start: int, end: int, keep_final_stop: bool = False) -> CharSpan:
    """Shrink a span past surrounding spaces and clause punctuation, keeping quote marks whole.

    PolNeAR's and PARC's content spans stop before the sentence's final full stop and a
    comma before the cue, but keep quotation marks (and what they enclose).
    """
    while start < end and text[start] in " \t\n\xa0,;:—–-":
        start += 1
    while end > start and text[end - 1] in (_TRAILING if not keep_final_stop else " \t\n\xa0,;:"):
        end -= 1
    return start, end


def kind_of(text: str, span: CharSpan) -> str:
    piece = text[span[0] : span[1]]
    opens = sum(piece.count(q) for q in "“«") + piece.count('"') // 2
    if not opens and not any(q in piece for q in '"'):
        return "indirect"
    if piece[:1] in OPEN_QUOTES and piece.rstrip(".,!?")[-1:] in CLOSE_QUOTES:
        return "direct"
    return "mixed"


_OPENING_MARK = re.compile('[“«"]')


def _closing_mark(text: str, i: int, ch: str, stop: int) -> int:
    """Where the quotation opened by ``ch`` at ``i`` closes before ``stop``, or -1. Scraped
    copy mixes curly and straight marks ('“It is shameful," Smegielski said.'), so a mark of
    the other kind may close it: for “, a straight mark that does not open a quotation inside
    it (one after a space does, and its pair closes that); for ", a ” before the next straight
    mark unless a “ opened a quotation inside it first."""
    if ch == "«":
        return text.find("»", i + 1, stop)
    curly = text.find("”", i + 1, stop)
    if ch == '"':
        straight = text.find('"', i + 1, stop)
        if curly != -1 and (straight == -1 or curly < straight) and text.find("“", i + 1, curly) == -1:
            return curly
        return straight
    at = i + 1
    while True:
        straight = text.find('"', at, stop)
        if straight == -1 or curly != -1 and curly < straight:
            return curly
        if not text[straight - 1].isspace():
            return straight
        pair = text.find('"', straight + 1, stop)  # a straight-quoted piece inside: "x"
        if pair == -1:
            return curly
        at = pair + 1


def quoted_spans(text: str, start: int, end: int) -> list[CharSpan]:
    """Spans of quotations (marks included) inside ``text[start:end]``; straight quotes pair
    up, and a curly mark pairs with a straight one where the copy mixes them."""
    spans = []
    mark = _OPENING_MARK.search(text, start, end)  # the scan between marks runs in C
    while mark is not None:
        i, ch = mark.start(), mark.group()
        # a quotation closes on its own line; one running on into the next paragraph leaves
        # its mark open there ('"A.\n\n"B."') and is a quotation to the line's end
        line_end = text.find("\n", i)
        line_end = len(text) if line_end == -1 else line_end
        close = _closing_mark(text, i, ch, min(end + 400, line_end))
        if close == -1 and line_end > end + 400:
            break
        spans.append((i, line_end if close == -1 else close + 1))
        mark = _OPENING_MARK.search(text, spans[-1][1], end)
    return spans


def source_span(text: str, start: int, end: int) -> CharSpan:
    """A source phrase; one with an appositive keeps the comma that closes it, as PolNeAR does
    ("Marley Anderson, 21, a junior from Las Vegas,")."""
    start, end = trim(text, start, end, keep_final_stop=True)
    # a dateline the parse took in ("RENO, Nev. (AP) — Republican hopeful Donald Trump")
    dash = max(text.rfind(" — ", start, end), text.rfind(" – ", start, end), text.rfind(" -- ", start, end))
    if dash == -1 and ") - " in text[start:end]:  # "ORLANDO, Fla. (Reuters) - President ..."
        dash = text.rfind(") - ", start, end) + 1
    if dash != -1:
        start = trim(text, dash + 3, end)[0]
    # "even Obama said": PolNeAR leaves the focus word out of the source
    if text[start:start + 5].lower() == "even " and end - start > 5:
        start += 5
    if "," in text[start:end] and text[end : end + 1] == ",":
        end += 1
    return start, end


_CLOSING_AFTER = re.compile(r"[.,!?]?[”\"]")
_INITIALS = re.compile(r"\b(?:[A-Z]\.)+[A-Z]$")


def close_span(text: str, span: CharSpan) -> CharSpan:
    """A content span that opens a quotation ends with its closing mark (and the stop inside
    it: 'show up.”'); one that ends in initials keeps their last stop ('the U.S.')."""
    start, end = span
    piece = text[start:end]
    if piece.count("“") > piece.count("”") or piece.count('"') % 2:
        closing = _CLOSING_AFTER.match(text, end)
        if closing:
            return start, closing.end()
    if _INITIALS.search(piece) and text[end:end + 1] == ".":
        return start, end + 1
    return start, end
