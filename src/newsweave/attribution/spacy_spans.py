"""Spans read off a spaCy parse: a token's phrase, a cue's subject and its words, the line a
quotation stays on. Shared by the spaCy path's readings (spacy_path.py)."""

from __future__ import annotations

from .records import CharSpan, quoted_spans, source_span

_SUBJECTS = {"nsubj", "nsubjpass"}


def subtree_span(token) -> CharSpan:
    """Characters of ``token`` and everything that hangs from it."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def source_of(verb):
    """The token that speaks for ``verb`` (its phrase: ``subject_span``), or None."""
    # "Trump was criticized by his rivals": the agent speaks, not the passive subject
    agents = [pobj for child in verb.children if child.dep_ == "agent" for pobj in child.children if pobj.dep_ == "pobj"]
    if agents:
        return agents[0]
    # "Sanders was asked about ...": the passive subject was spoken to, not the speaker
    # (PolNeAR train 0-399 gives such a cue no source in 206 of 263 cases, the subject in 28)
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if subjects:
        # a misparse can hang a word of a quotation on the cue as a second subject: the
        # speaker is the one next to the verb
        return min(subjects, key=lambda child: abs(child.i - verb.i))
    # "..., adding that ..." / "..., saying ...": the participle's subject is the main verb's
    if verb.dep_ in {"advcl", "xcomp", "conj"}:
        for child in verb.head.children:
            if child.dep_ in _SUBJECTS and child.i < verb.i:
                return child
    # "super PACs supporting Kasich": the noun the participle describes
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return verb.head
    # "Hart started winning by denouncing the New Deal": the subject of the verb the phrase hangs on
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return next((child for child in verb.head.head.children if child.dep_ == "nsubj" and child.i < verb.i), None)
    return None


def subject_span(subject, text: str, verb=None) -> CharSpan:
    """The subject's whole phrase: PolNeAR's source spans keep what follows a name, a
    relative clause ("Jason Furman, who leads ...,") or a place ("Senator Chris Murphy of
    Connecticut"); ``speakers.person_name`` finds the name inside. ``text`` is the article's
    (``Doc.text`` would rebuild it from every token on each call: a third of the run time).
    A participle set off by commas at its end ("Rubio, speaking at a rally, said") says
    what the speaker was doing, and PolNeAR leaves it out."""
    start, end = subtree_span(subject)
    if verb is not None and subject.left_edge.i < verb.i <= subject.right_edge.i:
        # "super PACs supporting Kasich": the phrase before the participle; a misparse that hangs
        # words after the cue on its subject ("Lund said ...: a ferry") keeps the words before it
        end = verb.left_edge.idx if verb.left_edge.idx > start else verb.idx
    doing = [c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > subject.i
             and c.left_edge.i > 0 and subject.doc[c.left_edge.i - 1].text == ","
             and c.right_edge.i == subject.right_edge.i - (subject.right_edge.text == ",")]
    if doing:
        end = subject.doc[doing[0].left_edge.i - 1].idx
    # "Britain, which has ...": PolNeAR train leaves out a "which"/"whose" clause set off by a
    # comma twice as often as it keeps it (a "who" clause it keeps more often than not); one
    # on a noun of the appositive keeps the appositive's closing comma
    for token in subject.subtree:
        edge = token.left_edge
        if (token.dep_ == "relcl" and edge.lower_ in {"which", "whose"} and edge.i > subject.left_edge.i
                and subject.doc[edge.i - 1].text == "," and subject.doc[edge.i - 1].idx < end):
            comma = subject.doc[edge.i - 1]
            end = comma.idx + (len(comma.text) if token.head.i != subject.i else 0)
            break
    return source_span(text, start, end)


def extend_to_quotes(text: str, span: CharSpan, sentence: CharSpan) -> CharSpan:
    """Grow a content span to whole quotations it cuts into (within its sentence)."""
    start, end = span
    for q_start, q_end in quoted_spans(text, sentence[0], sentence[1]):
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def line_of(text: str, offset: int) -> CharSpan:
    """The line around ``offset``: PolNeAR's content spans never run over a line break (one
    of 23,230 train fragments does), and copy without blank lines between paragraphs
    (live blogs) starts each on a new line."""
    start = text.rfind("\n", 0, offset)
    end = text.find("\n", offset)
    return start + 1, (len(text) if end == -1 else end)


# PolNeAR's cue spans take in the verb's auxiliaries, negation and adverbs before it ("has
# also not said"), its particle, a preposition that leads to the content ("warned of",
# "referring to") and a colon that opens it ("said:"). Share of cue verbs in train[:600]
# whose neighbour is in the span: aux 98%, neg 99%, "also" 96%, particle 100%, colon 92%,
# "to" 87%, "for" 88%, "about" 92%, "against" 97%, "with" 83%, "on" 64%, "of" 62%
_CUE_LEFT_DEPS = {"aux", "auxpass", "neg", "advmod"}
_NOT_CUE_ADVERBS = {"when", "how", "where", "why", "as", "so", "while", "once", "if"}
CUE_PREPOSITIONS = {"to", "for", "about", "against", "with", "of", "on", "over"}


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# PolNeAR train takes "in a statement" into the cue about 70% of the time, "in an interview"
# or "in an email" less than half
_MEDIA = {"statement", "post", "release"}


def _names_medium(preposition) -> bool:
    """"in a statement": where it was said, not what."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return preposition.lower_ == "in" and bool(objects) and objects[0].lemma_.lower() in _MEDIA


def cue_span(verb, content: CharSpan | None = None) -> CharSpan:
    """The cue's words around ``verb``: see the comment above."""
    doc = verb.doc
    first = verb
    while first.i > verb.sent.start:
        before = doc[first.i - 1]
        if before.head.i != verb.i or before.dep_ not in _CUE_LEFT_DEPS or before.lower_ in _NOT_CUE_ADVERBS:
            break
        if before.dep_ == "advmod" and before.pos_ != "ADV":
            break
        first = before
    last = verb
    after = doc[last.i + 1] if last.i + 1 < verb.sent.end else None
    if after is not None and after.head.i == verb.i and after.dep_ == "prt":
        last = after
        after = doc[last.i + 1] if last.i + 1 < verb.sent.end else None
    # "said Monday in a statement": the medium is the cue's
    if after is not None and after.head.i == verb.i and after.dep_ == "npadvmod" and after.lower_ in _WEEKDAYS:
        nxt = doc[after.i + 1] if after.i + 1 < verb.sent.end else None
        if nxt is not None and nxt.head.i == verb.i and nxt.dep_ == "prep" and _names_medium(nxt):
            last = after
            after = nxt
    if after is not None and after.head.i == verb.i and after.dep_ == "prep" and _names_medium(after):
        last = after.right_edge
        after = doc[last.i + 1] if last.i + 1 < verb.sent.end else None
    if (after is not None and after.head.i == verb.i and after.dep_ == "prep" and after.lower_ in CUE_PREPOSITIONS
            and content is not None and content[0] <= after.right_edge.idx < content[1] and content[0] > after.idx):
        last = after
        after = doc[last.i + 1] if last.i + 1 < verb.sent.end else None
    if after is not None and after.text == ":":
        last = after
    return first.idx, last.idx + len(last.text)


def lead_quote(text: str, sentence_start: int, block_start: int) -> CharSpan | None:
    """'“Every time,” he said, “you ...”': a quotation that opens the sentence and breaks off
    with a comma right before the speaker and cue is the first part of what follows them."""
    for q_start, q_end in quoted_spans(text, sentence_start, block_start):
        between = text[q_end:block_start].strip()
        if text[sentence_start:q_start].strip() or between not in {"", ","}:
            continue
        if between == "," or text[q_start:q_end].rstrip("”\"'’").endswith(","):
            return q_start, q_end
    return None
