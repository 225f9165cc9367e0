"""Content spans of a speech verb read off the parse where its complement does not give
them: "<content>, X said", "As the Post reported, A", a block after "he declared:", a
quotation beside the cue, the rest of a quotation after a parenthetical cue, a complement
that goes on with "but", and a bare clause the parse hangs on the verb. Used by spacy_path.py.
"""

from __future__ import annotations

import re

from .records import CharSpan, quoted_spans, trim
from .spacy_spans import extend_to_quotes, line_of, source_of, subtree_span

_SUBJECTS = {"nsubj", "nsubjpass"}
_RELATIVE_WORDS = {"that", "which", "who", "whom", "what"}


def content_before(verb, sentence) -> CharSpan | None:
    """For "<content>, X said": everything in the sentence before the subject or verb."""
    first = min([verb] + [c for c in verb.children if c.dep_ in _SUBJECTS], key=lambda t: t.i)
    if first.i <= sentence.start + 2:
        return None
    previous = first.doc[first.i - 1]
    if previous.text not in {",", "”", '"'} and first.doc[first.i - 1].text != ",":
        return None
    if not any(t.pos_ in {"VERB", "AUX"} for t in first.doc[sentence.start:first.i]):
        return None  # "For his part, Lavrov expressed gratitude": a phrase, not what was said
    return sentence.start_char, previous.idx + len(previous.text)


def as_clause_content(verb, text: str) -> CharSpan | None:
    """"As the Post reported, A." / "A, as critics note.": A, the clause the cue hangs on."""
    if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return None  # "As improbable as it may seem, ...": a comparison, nobody's view
    head = verb.head
    start, end = subtree_span(head)
    own_start, own_end = subtree_span(verb)
    if verb.i < head.i:
        start = own_end
    else:
        end = own_start
    content = trim(text, start, end)
    return content if content[1] - content[0] >= 8 else None


def block_after(text: str, verb) -> CharSpan | None:
    """"In a 1963 speech, he declared:" closing its line: the next paragraph is what he said."""
    line_end = text.find("\n", verb.idx)
    if line_end == -1:
        return None
    head = text[verb.idx + len(verb.text):line_end].rstrip()
    if not head.endswith(":") or len(head) > 120 or any(c in head for c in ".!?“\""):
        return None
    following = re.compile(r"\s*([^\n]+)").match(text, line_end)
    if following is None:
        return None
    block = trim(text, following.start(1), following.end(1))
    return block if block[1] - block[0] >= 8 else None


def colon_quote(text: str, verb) -> CharSpan | None:
    """'Mr. Christie gloated: “...”', 'As Foner put it: “...”': any verb whose own words end
    in a colon with a quotation after it (on its line, or opening the next line) introduces it."""
    colon = next((c for c in verb.children if c.text == ":" and c.i > verb.i), None)
    if colon is None:
        return None
    # "The bias begins to show when looking at how ...:": another verb's words come before the colon
    if any(t.pos_ in {"VERB", "AUX"} or not _under(t, verb) for t in verb.doc[verb.i + 1:colon.i]):
        return None
    after = colon.idx + 1
    line_end = text.find("\n", after)
    line_end = len(text) if line_end == -1 else line_end
    opening = re.compile(r"[ \t\xa0]*(?:\n\s*)?([“\"])").match(text, after)
    if opening is None or not text[after:opening.start(1)].strip(" \t\xa0\n") == "":
        return None
    start = opening.start(1)
    if start > line_end:  # the next line is the quotation
        end = text.find("\n", start)
        return trim(text, start, len(text) if end == -1 else end, keep_final_stop=True)
    quotes = quoted_spans(text, start, line_end)
    return quotes[0] if quotes and quotes[0][1] - quotes[0][0] > 8 else None


def _under(token, head) -> bool:
    while token.head.i != token.i:
        if token.head.i == head.i:
            return True
        token = token.head
    return False


def adjacent_quote(text: str, verb, bounds: CharSpan) -> CharSpan | None:
    """A quotation right before the cue and its subject ("...," he said) or right after it
    (said: "..."); a quotation further away is someone else's or a scare quote."""
    subject = source_of(verb)
    left = min(verb.idx, subject.left_edge.idx if subject is not None else verb.idx)
    right = verb.idx + len(verb.text)
    if subject is not None and subject.i > verb.i:
        right = subject.right_edge.idx + len(subject.right_edge.text)
    # "telling the crowd on Monday: “...”": whom and when come between the cue and the quotation
    told = [c for c in verb.children if c.i > verb.i and c.dep_ in _ADDRESSEES]
    after_object = max((c.right_edge.idx + len(c.right_edge.text) for c in told), default=right)
    for q_start, q_end in quoted_spans(text, *bounds):
        if q_end - q_start > 12 and (0 <= left - q_end <= 3 or 0 <= q_start - right <= 3
                                     or told and 0 <= q_start - after_object <= 3):
            return q_start, q_end
    return None


_ADDRESSEES = {"dobj", "dative", "npadvmod", "prep"}
# words that open the reporter's own clause after a cue, not the rest of what was said
_NOT_REST = {"according", "adding", "saying", "as", "in", "on", "at", "during", "after", "before", "when", "while",
             "because", "since", "although", "though", "if", "who", "which", "where"}


def parenthetical_rest(text: str, verb, paragraph: CharSpan, quoted: bool = False) -> CharSpan | None:
    """"The Chinese side, he added, is confident ...": the content goes on after the cue.
    ``quoted``: what came before the cue is a quotation, and only another one goes on with it."""
    after = verb.idx + len(verb.text)
    subject = source_of(verb)
    if subject is not None and subject.i > verb.i:
        after = subject.right_edge.idx + len(subject.right_edge.text)
    # '"A," Lund told reporters on Monday, "B."': whom and when come before the rest
    for child in verb.children:
        if child.i > verb.i and child.idx >= after:
            if child.dep_ not in _ADDRESSEES | {"advmod"} or any(t.text == "," for t in child.subtree):
                break
            after = child.right_edge.idx + len(child.right_edge.text)
    sentence_end = verb.sent.end_char
    rest = text[after:sentence_end]
    if not rest.startswith(",") or len(rest.split()) < 4:
        return None
    first = rest[1:].split()[0]
    if first.endswith("ing") or first.lower() in _NOT_REST:
        return None
    start, end = trim(text, after, min(sentence_end, paragraph[1]))
    if quoted and text[start:start + 1] not in "“\"":
        return None  # '“A,” she said, and the crowd cheered': the reporter goes on
    if text.startswith("and ", start):  # "..., the agency said, and B": B without the "and"
        start += 4
    # '"A," he said, "B. C."': a quotation opening the rest runs to its closing mark
    start, end = extend_to_quotes(text, (start, end), paragraph)
    return (start, end) if end - start >= 8 else None


_CLAUSE_BREAK = re.compile(r",\s+(?:adding|saying|noting|according|as|while|when|after|before|since|because|who|which)\b|[;:]")


def to_clause_end(text: str, verb, content: CharSpan) -> CharSpan:
    """A complement after its cue that goes on with "but"/"and" ("that A, but B") runs to the
    end of the sentence unless a new clause of the reporter's starts first; "told the crowd: “...”" keeps the quotation."""
    start, end = content
    colon = re.match(r"[^“\"]{0,40}?[:,]\s*(?=[“\"])", text[start:end])
    if colon and text[start:start + colon.end()].strip(" ,").lower() != "that":  # "that, “...”" keeps its "that"
        start += colon.end()
    sentence_end = min(verb.sent.end_char, line_of(text, verb.idx)[1])
    rest = text[end:sentence_end]
    # "admitted that A, but said B": the cue's own second verb is the reporter's again
    # ("said A, but that B" goes on with what was said)
    goes_on = any(c.dep_ == "conj" and c.idx >= end and not any(m.dep_ == "mark" for m in c.children) for c in verb.children)
    if re.match(r"\s*,?\s*(?:but|and|yet|so|or)\s", rest) and _CLAUSE_BREAK.search(rest) is None and not goes_on:
        end = trim(text, end, sentence_end)[1] if rest.strip(" .") else end
        end = max(end, content[1])
    elif re.match(r"\s*:\s*\S", rest) and ";" not in rest:
        # "said she has the quality for the job: “Steadiness ...”": what the colon opens is hers too
        end = max(content[1], trim(text, end, sentence_end)[1])
    return start, end


_CLAUSE_ADVERBS = {"when", "how", "where", "why", "while", "once", "if", "as", "so"}


def is_bare_clause(child, verb) -> bool:
    """'Trump said after the convention he would not ...': a clause after a speech verb with
    its own subject and no subordinator, which the parse hangs on it as an adverbial clause."""
    return (child.dep_ == "advcl" and child.i > verb.i and child.pos_ in {"VERB", "AUX"}
            and any(c.dep_ in _SUBJECTS and c.i < child.i for c in child.children)
            and not any(c.dep_ == "mark" or c.lower_ in _RELATIVE_WORDS | _CLAUSE_ADVERBS for c in child.children)
            and not any(c.dep_ in {"dobj", "dative"} for c in verb.children)
            and not any(t.text in {",", ";", ":"} for t in verb.doc[verb.i + 1:child.left_edge.i]))
