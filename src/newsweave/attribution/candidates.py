"""Cue candidates outside the hand lists: any verb, adjective or noun with what it reports.

PolNeAR marks far more cues than the lexicon names ("Many Democrats are afraid that ...",
"Trump's claim that ...", "the group unveiled a plan ..."), most of them rare. The spaCy path
asks this module about a word its lists do not cover: ``kind_of`` says which shape the word
is in (a verb with a clause, an adjective after "be" with a clause, a noun with a "that"
clause or with a preposition's object, a verb with its subject and object or with a
preposition's object), and ``is_cue`` looks the kind and ``key_of`` (the lemma, with the
preposition where the shape has one) up in ``cue_table.CUE_COUNTS``, how often PolNeAR
train marks that word in that shape as a cue.
The table is counted by bench/fit_cue_table.py; nothing in it comes from dev or test.
"""

from __future__ import annotations

from .cue_table import CUE_COUNTS, MIN_SEEN, MIN_SHARE

CLAUSE_DEPS = {"ccomp"}
ADJECTIVE_CLAUSE_DEPS = {"ccomp", "xcomp"}
NOUN_CLAUSE_DEPS = {"acl", "ccomp", "relcl"}


def noun_clause(token):
    """The "that" clause a noun announces ("the claim that ..."), or None."""
    for child in token.children:
        if child.dep_ in NOUN_CLAUSE_DEPS and child.i > token.i:
            first = child.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" and first.i == token.i + 1:
                return child
    return None


# "criticism of X", "support for X", "attacks against X": a noun with what it is about
NOUN_PREPOSITIONS = {"of", "for", "about", "against", "on", "to", "over", "with"}


def _preposition_with_object(head, at: int):
    """The preposition at ``at`` when it hangs on ``head`` and takes an object, or None."""
    following = head.doc[at] if at < len(head.doc) else None
    if following is None or following.head.i != head.i or following.dep_ != "prep" or following.lower_ not in NOUN_PREPOSITIONS:
        return None
    return following if any(c.dep_ in {"pobj", "pcomp"} for c in following.children) else None


def noun_object(token):
    """The preposition right after a noun that takes its object ("criticism of"), or None."""
    return _preposition_with_object(token, token.i + 1)


def key_of(token, kind: str | None, lemma: str) -> str:
    """The table's key for ``token`` in ``kind``: its lemma, with the preposition for a noun's object."""
    if kind == "noun+object":
        return f"{lemma} {token.doc[token.i + 1].lower_}"
    if kind == "verb+preposition":
        return f"{lemma} {verb_preposition(token).lower_}"
    return lemma


def verb_preposition(token):
    """"railed against X", "focused on X": the preposition right after a verb (or its
    particle), with its object, or None."""
    at = token.i + 1
    while at < len(token.doc) and token.doc[at].head.i == token.i and token.doc[at].dep_ in {"prt", "advmod"}:
        at += 1
    return _preposition_with_object(token, at)


def kind_of(token) -> str | None:
    """The candidate shape ``token`` is in, or None where it reports nothing."""
    if token.pos_ == "VERB":
        if any(c.dep_ in CLAUSE_DEPS and c.i > token.i for c in token.children):
            return "verb+clause"
        if any(c.dep_ == "nsubj" for c in token.children) and any(c.dep_ == "dobj" and c.i > token.i for c in token.children):
            return "verb+object"
        if any(c.dep_ == "nsubj" for c in token.children) and verb_preposition(token) is not None:
            return "verb+preposition"
        return None
    if token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_ == "be":
        if any(c.dep_ in ADJECTIVE_CLAUSE_DEPS and c.i > token.i for c in token.children):
            return "adjective+clause"
        return None
    if token.pos_ == "NOUN" and noun_clause(token) is not None:
        return "noun+clause"
    if token.pos_ == "NOUN" and noun_object(token) is not None:
        return "noun+object"
    return None


def share(kind: str, lemma: str, counts=None) -> float:
    """How often train marks ``lemma`` in ``kind`` as a cue, pulled towards 0 where seen
    seldom (one made-up miss per word: 3 of 3 gives 0.75)."""
    marked, seen = (CUE_COUNTS if counts is None else counts).get(kind, {}).get(lemma, (0, 0))
    return marked / (seen + 1) if seen >= MIN_SEEN.get(kind, 3) else 0.0


def is_cue(kind: str | None, lemma: str) -> bool:
    return kind is not None and share(kind, lemma) >= MIN_SHARE.get(kind, 1.0)


def table_cues() -> set[str]:
    """Every word the table makes a cue in some shape (the spaCy path parses lines holding one)."""
    return {lemma.split()[0] for kind, words in CUE_COUNTS.items() for lemma in words if is_cue(kind, lemma)}
