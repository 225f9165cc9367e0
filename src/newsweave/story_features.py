"""Story features: what one article says, as a sparse TF-IDF vector, for story clustering.

Following Miranda et al. (2018, "Multilingual Clustering of Streaming News"), an article
is described by TF-IDF over its content words, plus its names (capitalised word
sequences) and numbers as separate, up-weighted features: names and figures are what
tell one event from a similar one (two phone calls between the same countries, days
apart, differ in who spoke). The title and lead count twice, being what the article is
about. Vectors are plain ``dict[str, float]`` truncated to their strongest terms, so they
cost the same at any corpus size and can be stored.

Document frequencies come from ``TermStatistics``: counted over the whole batch in batch
mode, or kept up to date by the store in incremental mode; one code path serves both.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import itemgetter, mul

import numpy as np

from .model import Article
from .text_features import NAME, NUMBER, STOP_WORDS, matches_at_word_starts, without_leading_boundary

NAME_WEIGHT = 0.5  # names against content words (tuned on the dev sets; more hurt NeuS)
NUMBER_WEIGHT = 0.6
LEAD_CHARS = 400  # the title and this much of the text are counted twice (600 before: nearest-neighbour
# accuracy of the vectors, NeuS val 83.2 -> 84.4, Multi-News 90.0 -> 91.1; B-cubed F1 neutral to +0.7)
MAX_TERMS = 120  # strongest terms kept per article vector
MAX_TEXT_CHARS = 20_000  # a longer article is described by its beginning

Vector = dict[str, float]


_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”"})
_NAME_BODY = without_leading_boundary(NAME)


def _names(text: str) -> list[str]:
    # A single capitalised word right after a sentence end is capitalised for grammar.
    out = []
    for match in matches_at_word_starts(_NAME_BODY, text):
        name = match.group()
        if " " not in name:
            start = match.start()
            before = text[max(0, start - 2) : start]
            if start == 0 or before.strip()[-1:] in _SENTENCE_ENDS or before.endswith("\n"):
                continue
        out.append("n:" + name.lower())
        if " " in name:  # "Vladimir Putin" also counts as "putin", to meet "Putin" alone
            out.append("n:" + name.rsplit(" ", 1)[1].lower())
    return out


def article_terms(article: Article) -> Counter:
    """Raw term counts: content words, ``n:`` names and ``#:`` numbers; the lead counts twice."""
    text = article.text[:MAX_TEXT_CHARS]
    title = article.title or ""
    lead = f"{title}\n{text[:LEAD_CHARS]}" if title and not text.startswith(title) else text[:LEAD_CHARS]
    counts: Counter = Counter()
    for part, times in ((lead, 2), (text[LEAD_CHARS:], 1)):  # each character is read once
        terms = _content_words(part) + _names(part) + _numbers(part)
        counts.update(terms * times)
    return counts


# text_features.WORD on lowercased text, less its one-letter alternative: one-letter words are
# dropped anyway, and skipping a letter moves the scan on by the same one character.
_MULTI_LETTER_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|\d+(?:[.,]\d+)*")
_NUMBER_BODY = without_leading_boundary(NUMBER)


def _content_words(text: str) -> list[str]:
    # text_features.content_words, lowercasing the text once rather than word by word.
    return [w for w in _MULTI_LETTER_WORD.findall(text.replace("’", "'").lower()) if w not in STOP_WORDS and len(w) > 1]


def _numbers(text: str) -> list[str]:
    return ["#:" + n for n in map(re.Match.group, matches_at_word_starts(_NUMBER_BODY, text)) if not _is_year(n)]


# A name right after a role word is a person's: who acted is what tells two similar events
# apart (the leaders' call vs. their foreign ministers' call two days earlier).
_PERSON_AFTER_ROLE = re.compile(
    r"\b(?:President|Premier|Prime Minister|Minister|Secretary|Chancellor|Councilor|Senator|Sen\.|Rep\.|"
    r"Gov\.|Governor|King|Queen|Prince|Pope|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|General|Gen\.|Mayor|Judge|Justice|"
    r"Ambassador|Chairman|Chairwoman|CEO|Coach|Speaker|Leader|Spokesman|Spokeswoman|counterpart)"
    r"\s+((?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\s?){1,3})")
# Searched without its leading \b, which makes the regex engine try every position (4x slower).
_PERSON_AFTER_ROLE_BODY = without_leading_boundary(_PERSON_AFTER_ROLE)
PEOPLE_CHARS = 1000  # people are looked for in the title and this much of the text


def key_people(article: Article) -> frozenset[str]:
    """Words of the names of people introduced by their role near the top of the article."""
    top = f"{article.title or ''}\n{article.text[:PEOPLE_CHARS]}"
    found = matches_at_word_starts(_PERSON_AFTER_ROLE_BODY, top)
    return frozenset(w.lower() for match in found for w in match.group(1).split())


def _is_year(number: str) -> bool:
    # Years recur across unrelated stories; an exact figure (a death toll) does not.
    return len(number) == 4 and number[:2] in {"19", "20"}


_KIND_WEIGHT = {"n:": NAME_WEIGHT, "#:": NUMBER_WEIGHT}  # by term prefix; content words weigh 1


@dataclass
class TermStatistics:
    """Document frequencies for IDF; ``add`` as articles arrive."""

    documents: int = 0
    frequency: Counter = field(default_factory=Counter)

    def add(self, terms) -> None:
        self.documents += 1
        self.frequency.update(set(terms))

    def idf(self, term: str) -> float:
        # Smoothed so that an unseen term (a new name) weighs most, never infinitely.
        return math.log((1 + self.documents) / (1 + self.frequency.get(term, 0))) + 1.0


_first_two = itemgetter(slice(0, 2))


def vectorise(terms: Counter, stats: TermStatistics, max_terms: int = MAX_TERMS) -> Vector:
    """Sublinear TF x IDF x kind weight, strongest ``max_terms`` kept, L2-normalised."""
    if not terms:
        return {}
    n = len(terms)
    # Array arithmetic, operation for operation the float sums of the plain formula
    # (1 + log(count)) * (log(1 + documents) + 1 - log(1 + df)) * kind weight, so the
    # vectors are the same to the last bit; only the per-term loop moved out of Python.
    counts = np.fromiter(terms.values(), dtype=np.intp, count=n)
    frequency = np.fromiter(map(stats.frequency.__getitem__, terms), dtype=np.intp, count=n)
    kind = np.fromiter(map(_KIND_WEIGHT.get, map(_first_two, terms), repeat(1.0)), dtype=np.float64, count=n)
    log = _log_table(max(stats.documents, int(frequency.max())) + 1, int(counts.max()))
    top_idf = math.log(1 + stats.documents) + 1.0
    weights = (1.0 + log[counts]) * (top_idf - log[frequency + 1]) * kind
    # Strongest first, ties in first-seen order (a stable sort): callers take a vector's
    # leading terms as its most telling ones.
    order = np.argsort(-weights, kind="stable")[:max_terms]
    kept = weights[order]
    norm = math.sqrt(float(np.cumsum(kept * kept)[-1]))  # summed in order, as sum() would
    if not norm:
        return {}
    names = list(terms)
    return dict(zip([names[i] for i in order.tolist()], (kept / norm).tolist()))


_LOG_TABLE = np.zeros(1)


def _log_table(*largest: int) -> np.ndarray:
    """``math.log(k)`` at index k (k >= 1) up to at least ``largest``, grown by doubling.

    Looked up rather than computed with numpy: numpy's vectorised log may differ from the C
    library's in the last bit, and story assignment compares sums of these weights."""
    global _LOG_TABLE
    if max(largest) >= len(_LOG_TABLE):
        size = max(2 * len(_LOG_TABLE), max(largest) + 1, 1024)
        _LOG_TABLE = np.array([0.0] + [math.log(k) for k in range(1, size)])
    return _LOG_TABLE


def normalised(vector: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def strongest(vector: Vector, n: int) -> list[str]:
    """The ``n`` leading terms of a vector built strongest first (``vectorise``, profiles)."""
    return list(islice(vector, n))


def sparse_dot(a: Vector, b: Vector) -> float:
    """Dot product of two sparse vectors (their cosine when both are L2-normalised)."""
    # The shared keys are found by a set intersection in C; few terms are shared. The
    # products are summed in the set's order, in C.
    shared = a.keys() & b.keys()
    return sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
