"""Where a speaker's words go on past the sentence of the cue: the later sentences of a
readout ("President Putin said that A. B. C."), a quotation that opens a later sentence of
the paragraph ('"A," he said. "B."') and following lines that are one quotation with no cue
of their own."""

from __future__ import annotations

import heapq
import re

from .records import Attribution, CharSpan, quoted_spans, trim

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


def continue_paragraphs(text: str, sentences: list[CharSpan], found: list[Attribution]) -> None:
    """Readout style: "President Putin said that A. B. C." attributes B and C to Putin too.

    Only where the attribution opens its paragraph, its content opens with "that" and runs to
    the end of its sentence, and the following sentences of the paragraph carry no cue of their own.
    """
    cue_sentence = {}
    statements = [a for a in found if a.statement]  # "... and sharing experience" goes on with the readout
    # a cue inside another's quotation ('"He started out by insulting ...," Barkley said') is
    # not the sentence's: the one around it goes on
    inside = _nested(statements)
    statements = [a for i, a in enumerate(statements) if i not in inside]
    for index, (start, end) in enumerate(sentences):
        for attribution in statements:
            if start <= attribution.cue[0] < end:
                cue_sentence.setdefault(index, attribution)
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    for index, attribution in cue_sentence.items():
        start, end = sentences[index]
        paragraph = next((p for p in paragraphs if p[0] <= start < p[1]), None)
        if paragraph is None:
            continue
        if attribution.kind == "direct" or text[attribution.content[0][0]] in "“\"" or _ends_quoted(text, attribution):
            _continue_quotation(text, paragraph, attribution, found)
            continue
        if text[paragraph[0]:start].strip() or attribution.content[-1][1] < end - 2:
            continue
        # readouts say "X said that A." and go on; after a bare "X said A." the reporter
        # speaks again (PolNeAR marks no content past such a sentence)
        if not text.startswith("that ", attribution.content[0][0]):
            continue
        if _READOUT_VERB.search(text, attribution.cue[0], attribution.cue[1]) is None:
            continue  # "X argued that A." / "The poll shows that A.": one claim, then the reporter again
        if attribution.content[0][0] < attribution.cue[0]:
            continue
        following = index + 1
        speaker_words = set(re.findall(r"[A-Z]\w+", text[attribution.source[0]:attribution.source[1]])) if attribution.source else set()
        while following < len(sentences) and sentences[following][0] < paragraph[1] and following not in cue_sentence:
            s_start, s_end = sentences[following]
            if _narrates(text[s_start:s_end], speaker_words):
                break
            attribution.content.append((s_start, s_end - 1 if text[s_end - 1] == "." else s_end))
            attribution.continued += 1
            following += 1


def _ends_quoted(text: str, attribution: Attribution) -> bool:
    """'Still, golf clubs are “just scratching out a profit,” he said. “Golf is ...”': content
    before its cue that ends in the speaker's own words goes on like a quotation."""
    end = attribution.content[-1][1]
    return end <= attribution.cue[0] and text[end - 1:end] in "”\"" and text[max(0, end - 2):end - 1] in ",?!"


# the plain speech verbs of a readout ("Putin said that A. B. C.", "Xi stressed that ..."):
# PolNeAR train[:250] gives the following sentences to the speaker after these, not after
# "argued", "warned", "pledged", "shows", "estimates" (content overlap F1 83.46 -> 83.63
# with the continuation kept for these verbs only, 83.65 with none at all)
_READOUT_VERB = re.compile(r"\b(?:sa(?:id|ys?)|told|tells?|add(?:ed|s)?|stress(?:ed|es)?|not(?:ed|es?)|stat(?:ed|es?)"
                           r"|emphasi[sz](?:ed|es?)|reiterat(?:ed|es?)|underlin(?:ed|es?)|point(?:ed|s)? out)\b", re.IGNORECASE)


def _nested(found: list[Attribution]) -> set[int]:
    """Indices of the attributions whose cue lies in another one's content (one sweep)."""
    parts = sorted((start, end, owner) for owner, a in enumerate(found) for start, end in a.content)
    open_parts: list[tuple[int, int]] = []
    nested, k = set(), 0
    for index in sorted(range(len(found)), key=lambda i: found[i].cue[0]):
        cue = found[index].cue[0]
        while k < len(parts) and parts[k][0] <= cue:
            heapq.heappush(open_parts, (parts[k][1], parts[k][2]))
            k += 1
        while open_parts and open_parts[0][0] <= cue:
            heapq.heappop(open_parts)
        if any(owner != index for _, owner in open_parts):
            nested.add(index)
    return nested


def _continue_quotation(text: str, paragraph: CharSpan, attribution: Attribution, found: list[Attribution]) -> None:
    """'"A," he said. "B. C."': a quotation that opens a later sentence of the paragraph is his
    too, to its closing mark however many sentences it runs over, unless a cue of its own
    stands outside it (a cue inside it, "people are saying", is the speaker's words). So is a
    following line that is one quotation with no cue outside it: PolNeAR train gives 133 of
    the 166 such paragraphs to the speaker before them (and splits the content there)."""
    position = max(attribution.content[-1][1], attribution.cue[1], attribution.source[1] if attribution.source else 0)
    # "..., Sanders said, invoking the 2008 race": his own second cue does not end his quotation
    cues = [other.cue[0] for other in found if other is not attribution and (other.source is None or other.source != attribution.source)]
    line_end = text.find("\n", position)
    paragraph = (paragraph[0], min(paragraph[1], len(text) if line_end == -1 else line_end))  # no span crosses a line
    while True:
        start = _next_quote(text, position, paragraph[1])
        # a title or scare quote on the way ('on CNN’s “State of the Union” Sunday. “...') is passed over
        while start is not None and not _SENTENCE_FINAL.search(text, max(0, start - 8), start):
            close = text.find("”" if text[start] == "“" else '"', start + 1, paragraph[1])
            start = None if close == -1 else _next_quote(text, close + 1, paragraph[1])
        if start is None or any(position <= cue < start for cue in cues):
            break
        close = text.find("”" if text[start] == "“" else '"', start + 1, paragraph[1])
        end = paragraph[1] if close == -1 else close + 1
        # a cue after it in its sentence ('"B," she said') makes it someone's own statement
        sentence_end = None if text[end - 2:end - 1] in (".", "?", "!") else _SENTENCE_END.search(text, end, paragraph[1])
        if any(end <= cue < (sentence_end.end() if sentence_end else end if text[end - 2:end - 1] in (".", "?", "!") else paragraph[1])
               for cue in cues):
            break
        attribution.content.append(trim(text, start, end, keep_final_stop=True))
        attribution.continued += 1
        position = end
    if _next_quote(text, position, paragraph[1]) is not None or any(position <= cue < paragraph[1] for cue in cues):
        return
    for line in _LINE.finditer(text, max(paragraph[1], attribution.content[-1][1])):
        start, end = trim(text, *line.span(), keep_final_stop=True)
        if start >= end:
            continue
        if text[start] not in "“\"" or _LABELLED.match(text, start + 1) or any(start <= cue < end and not _inside_quote(text, start, end, cue) for cue in cues):
            break
        close = text.find("”" if text[start] == "“" else '"', start + 1, end)
        if close != -1 and text[close + 1:end].strip(" .,;"):
            break  # '"A," he said. ...': the paragraph has its own speaker
        attribution.content.append((start, end))
        attribution.continued += 1


_SENTENCE_FINAL = re.compile(r"(?:^|[.?!…:][”\"’']?)\s*\Z")
_SENTENCE_END = re.compile(r"[.?!](?:[”\"’']|\s|$)")
_LINE = re.compile(r"[^\n]+")
# a transcript's turn ('"WALLACE: If I may ...') or stage direction ('"(CROSSTALK.)')
_LABELLED = re.compile(r"[A-Z][A-Z.’' -]+:|\(")


def _next_quote(text: str, start: int, end: int) -> int | None:
    """Where the next quotation mark opens in ``text[start:end]``, if any."""
    found = [at for at in (text.find("“", start, end), text.find('"', start, end)) if at != -1]
    return min(found) if found else None


def _inside_quote(text: str, start: int, end: int, offset: int) -> bool:
    return any(q_start < offset < q_end for q_start, q_end in quoted_spans(text, start, end))


_THIRD_PERSON_OPENERS = re.compile(r"^(?:He|She|They|His|Her|Their|It)\b")


def _narrates(sentence: str, speaker_words: set[str]) -> bool:
    """A sentence about the speaker ("She became ...", "Schumer was ...") or a new quotation
    is the reporter's again, not more of the speaker's words."""
    if _THIRD_PERSON_OPENERS.match(sentence) or sentence[:1] in "\"“‘'":
        return True
    return bool(speaker_words & set(re.findall(r"[A-Z]\w+", sentence)))
